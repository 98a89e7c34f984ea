import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { scenarioPlugin } from './src/game/dev/scenarioPlugin.js';
import { scenarioDirOf } from './src/tools/folder/scenarioFolder.js';

const root = import.meta.dirname;
// The trainer's folder of calls: SCENARIO_DIR (npm start and npm run dev also take it as a folder
// argument and set SCENARIO_DIR), else scenarios/. The game is built and served with its calls.
const scenarios = scenarioDirOf(process.env);

// Text the server sends compressed. Sounds and voices (.webm Opus, .mp3) are compressed already.
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|map|wasm)$/;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * After a build: a brotli (.br) and a gzip (.gz) copy beside every text file, made once at their
 * best settings, so the server (@fastify/static's preCompressed) sends them with no work per request.
 * A copy that would not be smaller is not written; the server then sends the file as it is.
 */
function precompress(): Plugin {
  return {
    name: 'htl-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir!;
      const files = Object.keys(bundle).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (f) => {
          const path = join(dir, f);
          const raw = await readFile(path);
          const [br, gzipped] = await Promise.all([
            brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
            gz(raw, { level: 9 }),
          ]);
          if (br.length < raw.length) await writeFile(`${path}.br`, br);
          if (gzipped.length < raw.length) await writeFile(`${path}.gz`, gzipped);
        }),
      );
    },
  };
}

export default defineConfig({
  // Scenario JSON and generated assets are served as they are.
  publicDir: false,
  plugins: [scenarioPlugin({ root, dir: scenarios }), precompress()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // Sounds stay files: inlined, they would be JavaScript shipped before the title screen.
    assetsInlineLimit: (file) => (/\.(webm|ogg|mp3|m4a|wav)$/.test(file) ? false : undefined),
    rolldownOptions: {
      // Brotli at its best setting takes a few seconds of the build (precompress, above) by design.
      checks: { bundlerTimings: false },
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
