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
 * The game's own build of Phaser: only what it uses. Every control is DOM and sound is howler's,
 * so a scene needs no more than the core (game, scenes, cameras, both renderers, textures),
 * Graphics and Container, tweens and the clock — about half of Phaser's full build (npm run
 * bench -- game), shipped before the title screen. Phaser's sources choose their features with
 * `typeof FLAG` checks that its own build replaces; here too. Only for builds: the dev server
 * keeps the whole of Phaser, pre-bundled. A scene that needs more of Phaser (this.add.text, say)
 * adds its module to PHASER_PARTS (and its factory to PHASER_SIDE_EFFECTS): the types allow
 * everything, and only a built game (npm start, the end-to-end tests) would miss it.
 */
const PHASER_SRC = join(root, 'node_modules', 'phaser', 'src').split('\\').join('/');
const PHASER_FLAGS: Record<string, boolean> = {
  WEBGL_RENDERER: true,
  CANVAS_RENDERER: true,
  WEBGL_DEBUG: false,
  EXPERIMENTAL: false,
  PLUGIN_3D: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
  FEATURE_SOUND: false,
};
const PHASER_PARTS: Record<string, string> = {
  CONST: 'const',
  Extend: 'utils/object/Extend',
  // The renderers before anything that draws: Phaser's modules require each other in circles,
  // which its own entry (phaser.js) enters from this side; entered from a game object, one of
  // the WebGL batch handlers would extend a class not yet defined.
  Renderer: 'renderer/index',
  Scene2D: 'cameras/2d/index',
  Core: 'core/index',
  Events: 'events/index',
  Game: 'core/Game',
  DisplayList: 'gameobjects/DisplayList',
  GameObjectCreator: 'gameobjects/GameObjectCreator',
  GameObjectFactory: 'gameobjects/GameObjectFactory',
  UpdateList: 'gameobjects/UpdateList',
  GameObject: 'gameobjects/GameObject',
  Graphics: 'gameobjects/graphics/Graphics',
  Container: 'gameobjects/container/Container',
  Scale: 'scale/index',
  Scene: 'scene/Scene',
  Scenes: 'scene/index',
  Time: 'time/index',
  Tweens: 'tweens/index',
};
/** Modules that only register something (the factories behind this.add.graphics and this.add.container). */
const PHASER_SIDE_EFFECTS = ['polyfills/requestVideoFrame', 'gameobjects/graphics/GraphicsFactory', 'gameobjects/container/ContainerFactory'];
const PHASER_ID = '\0htl-phaser';

function phaserBuild(): Plugin {
  const flag = new RegExp(`typeof (${Object.keys(PHASER_FLAGS).join('|')})\\b`, 'g');
  return {
    name: 'htl-phaser',
    apply: 'build',
    enforce: 'pre',
    resolveId: (id) => (id === 'phaser' ? PHASER_ID : null),
    load(id) {
      if (id !== PHASER_ID) return null;
      const file = (path: string) => JSON.stringify(`${PHASER_SRC}/${path}.js`);
      return [
        ...PHASER_SIDE_EFFECTS.map((path) => `import ${file(path)};`),
        ...Object.entries(PHASER_PARTS).map(([name, path]) => `import ${name} from ${file(path)};`),
        'export default Extend(false, {',
        '  Cameras: { Scene2D }, Core, Events, Game,',
        '  GameObjects: { DisplayList, GameObjectCreator, GameObjectFactory, UpdateList, GameObject, Graphics, Container },',
        '  Renderer, Scale, Scene, Scenes, Time, Tweens,',
        '}, CONST);',
      ].join('\n');
    },
    transform(code, id) {
      if (!id.startsWith(PHASER_SRC)) return null;
      return code.replace(flag, (_, name: string) => String(PHASER_FLAGS[name]));
    },
  };
}

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

/**
 * The game's code starts downloading with the page, not after the entry has run: the entry
 * (src/game/main.ts) imports the game dynamically, so that the leaderboard's pages (?view=…) never
 * load Phaser, and the browser would only learn of the game's files once the entry had arrived
 * and run. A small inline script in index.html asks for them (modulepreload: fetched and compiled,
 * not run) at once, unless the address is one of those pages.
 */
function preloadGame(): Plugin {
  let base = '/';
  return {
    name: 'htl-preload-game',
    apply: 'build',
    configResolved: (config) => void (base = config.base),
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const game = chunks.find((c) => c.moduleIds.some((id) => id.split('\\').join('/').endsWith('/src/game/game.ts')));
        if (!game) return html;
        const files = new Set<string>();
        const visit = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          const chunk = chunks.find((c) => c.fileName === file);
          for (const f of chunk?.imports ?? []) visit(f);
        };
        visit(game.fileName);
        const list = JSON.stringify([...files].map((f) => `${base}${f}`));
        return {
          html,
          tags: [
            {
              tag: 'script',
              injectTo: 'head-prepend',
              children: `if(!new URLSearchParams(location.search).has('view'))for(const f of ${list}){const l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=f;document.head.append(l)}`,
            },
          ],
        };
      },
    },
  };
}

/**
 * What the title needs beside Phaser, in as few files as possible: the browser asks a server for
 * only six files at a time, and a score of small chunks before the title queued behind each other
 * (npm run bench -- game). Three groups: Phaser; what the game and the leaderboard's pages share
 * (i18next, xstate, zod's core, the API client, the game's strings, the two engine modules the
 * title uses) — the leaderboard never loads Phaser;
 * and everything else game.ts needs before the title. Each screen after it is a chunk of its own
 * (src/game/scenes/sceneLoader.ts).
 */
const COMMON = /node_modules[\\/](i18next|xstate|zod[\\/]v4[\\/](core|mini|locales))[\\/]|[\\/]src[\\/]engine[\\/](rules[\\/]moodBands|scoring[\\/]dimensions)\.ts$|[\\/]src[\\/]client[\\/]|[\\/]src[\\/]i18n[\\/](index\.ts|locales[\\/]\w+[\\/]game\.json)$/;

export default defineConfig({
  // Scenario JSON and generated assets are served as they are.
  publicDir: false,
  plugins: [scenarioPlugin({ root, dir: scenarios }), phaserBuild(), preloadGame(), precompress()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // Sounds stay files: inlined, they would be JavaScript shipped before the title screen.
    assetsInlineLimit: (file) => (/\.(webm|ogg|mp3|m4a|wav)$/.test(file) ? false : undefined),
    rolldownOptions: {
      // The engine is pure (no module does anything on being loaded), so a screen that uses one
      // of its functions through the engine's index gets that function and what it needs, not
      // the whole engine: the title must not wait for the validator, the schema and the analyses.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]engine[\\/]/.test(id) },
      // Brotli at its best setting takes a few seconds of the build (precompress, above) by design.
      checks: { bundlerTimings: false },
      output: {
        // Phaser in a chunk of its own, so what we add on top of it can be measured (npm run bench -- game).
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /node_modules[\\/]phaser[\\/]/, priority: 3 },
            { name: 'common', test: (id: string) => COMMON.test(id) && !/json-schema/.test(id), priority: 2 },
            { name: 'game', test: /[\\/]src[\\/]game[\\/]game\.ts$/, includeDependenciesRecursively: true, priority: 1 },
          ],
        },
      },
    },
  },
  // The dev server may serve voice files from the trainer's folder too (it may be outside the project).
  server: { port: 5173, fs: { allow: [root, scenarios] } },
  // Pre-bundled when the dev server starts, so a module loaded later (the engine after the title,
  // the matcher when the text box is first used) never makes vite reload the page to optimise a
  // dependency it had not seen yet.
  optimizeDeps: {
    include: ['phaser', 'xstate', 'howler', 'i18next', 'zod', 'jsonc-parser', 'fastest-levenshtein', 'pure-rand/generator/xoroshiro128plus', 'pure-rand/distribution/uniformInt', '@noble/hashes/sha2.js', '@noble/hashes/utils.js', '@statelyai/inspect',
      '@nlpjs/lang-en-min/src/stemmer-en.js', '@nlpjs/lang-pl/src/stemmer-pl.js', '@nlpjs/lang-ru/src/stemmer-ru.js', '@nlpjs/lang-uk/src/stemmer-uk.js'],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One test file per core. Vitest's default leaves one core free, which on a 2-core CI machine
    // means one file at a time: the suite then took 30 minutes, mostly waiting on Chromium.
    maxWorkers: '100%',
  },
});
