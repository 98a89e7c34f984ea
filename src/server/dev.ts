// `npm run dev`: the API and vite's dev server (with the game's vite.config.ts plugins, such as
// scenario hot reload) on one HTTP server and one address. /api goes to Fastify, everything
// else to vite (with the same security headers: securityHeaders.ts); vite's hot-reload socket
// shares the same server.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import helmet from 'helmet';
import { createServer as createVite, type ViteDevServer } from 'vite';
import { buildApp } from './app.js';
import { readConfig } from './config.js';
import { requireFolder, scenarioFilesIn } from '../tools/folder/scenarioFolder.js';
import { ScenarioLibrary } from './scenarios.js';
import { helmetOptions } from './securityHeaders.js';
import { openDatabase } from './store/database.js';
import { Store } from './store/store.js';
import { trainerToken, trainerTokenLine } from './trainerToken.js';

async function main(): Promise<void> {
  const config = readConfig({ PORT: '5173', ...process.env }, process.argv.slice(2));
  requireFolder(config.scenarioDir);
  // vite.config.ts (its scenario plugin) reads the same folder.
  process.env.SCENARIO_DIR = config.scenarioDir;
  const { db, dialect, where } = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const store = new Store(db, dialect);
  const library = new ScenarioLibrary({ dir: config.scenarioDir, store, log: (m) => console.warn(m) });
  await library.scan();
  const trainer = await trainerToken(store, config.trainerToken, config.dataDir);

  let vite: ViteDevServer | null = null;
  let api: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  // vite's pages and files get the app's security headers, with the dev client's inline styles allowed.
  const secure = helmet(helmetOptions({ dev: true }));
  const http = createHttpServer((req, res) => {
    if (req.url?.startsWith('/api/') || req.url === '/api') api!(req, res);
    else secure(req, res, () => vite!.middlewares(req, res));
  });
  const app = await buildApp({
    store,
    library,
    trainerToken: trainer.check,
    rateLimit: config.rateLimit,
    ...(config.readRateLimit !== undefined ? { readRateLimit: config.readRateLimit } : {}),
    trustProxy: config.trustProxy,
    dev: true,
    scenarioDir: config.scenarioDir,
    logger: true,
    serverFactory: (handler) => {
      api = handler;
      return http;
    },
  });
  vite = await createVite({
    root: config.rootDir,
    configFile: join(config.rootDir, 'vite.config.ts'),
    server: { middlewareMode: true, ws: { server: http } },
    appType: 'spa',
  });
  await app.ready();
  await new Promise<void>((res) => http.listen(config.port, config.host, res));
  console.log(`scenarios: ${config.scenarioDir} (${config.scenarioDirFrom}; ${scenarioFilesIn(config.scenarioDir).length} files)`);
  console.log(`storage: ${dialect} (${where})`);
  console.log(trainerTokenLine(trainer));
  console.log(`Hold the Line (dev) is serving on http://localhost:${config.port}`);

  const stop = async () => {
    await vite?.close();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(`the dev server could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
