import { defineConfig } from 'vitest/config';
import { scenarioPlugin } from './src/game/dev/scenarioPlugin.js';
import { scenarioDirOf } from './src/tools/folder/scenarioFolder.js';

const root = import.meta.dirname;
// The trainer's folder of calls: SCENARIO_DIR (npm start and npm run dev also take it as a folder
// argument and set SCENARIO_DIR), else scenarios/. The game is built and served with its calls.
const scenarios = scenarioDirOf(process.env);

export default defineConfig({
  // Scenario JSON and generated assets are served as they are.
  publicDir: false,
  plugins: [scenarioPlugin({ root, dir: scenarios })],
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
  // The dev server may serve voice files from the trainer's folder too (it may be outside the project).
  server: { port: 5173, fs: { allow: [root, scenarios] } },
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
