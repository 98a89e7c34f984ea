import { defineConfig } from 'vitest/config';
import { scenarioPlugin } from './src/game/dev/scenarioPlugin.js';

const root = import.meta.dirname;

export default defineConfig({
  // Scenario JSON and generated assets are served as they are.
  publicDir: false,
  // HTL_SCENARIOS points the game at another folder of scenarios (tests of hot reload use it).
  plugins: [scenarioPlugin({ root, ...(process.env.HTL_SCENARIOS ? { dir: process.env.HTL_SCENARIOS } : {}) })],
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // Sounds stay files: inlined, they would be JavaScript shipped before the title screen.
    assetsInlineLimit: (file) => (/\.(webm|ogg|mp3|m4a|wav)$/.test(file) ? false : undefined),
    rolldownOptions: {
      output: {
        // Phaser in a chunk of its own, so what we add on top of it can be measured (npm run bench -- game).
        codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }] },
      },
    },
  },
  // The dev server may serve voice files from HTL_SCENARIOS too (outside the project in tests).
  server: { port: 5173, fs: { allow: [root, ...(process.env.HTL_SCENARIOS ? [process.env.HTL_SCENARIOS] : [])] } },
  // Pre-bundled when the dev server starts, so a module loaded later (the engine after the title)
  // never makes vite reload the page to optimise a dependency it had not seen yet.
  optimizeDeps: {
    include: ['phaser', 'xstate', 'howler', 'i18next', 'zod', 'jsonc-parser', 'fastest-levenshtein', 'pure-rand/generator/xoroshiro128plus', 'pure-rand/distribution/uniformInt', '@noble/hashes/sha2.js', '@noble/hashes/utils.js', '@statelyai/inspect'],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
