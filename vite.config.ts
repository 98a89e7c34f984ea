import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Scenario JSON and generated assets are served as they are.
  publicDir: false,
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173 },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
