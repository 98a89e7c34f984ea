// `npm start`: one process that builds the game if needed, opens the store, and serves the game
// and the API on PORT. Stops cleanly on SIGINT/SIGTERM.
import { buildApp } from './app.js';
import { ensureBuilt } from './build.js';
import { readConfig } from './config.js';
import { requireFolder, scenarioFilesIn } from '../tools/folder/scenarioFolder.js';
import { ScenarioLibrary } from './scenarios.js';
import { openDatabase } from './store/database.js';
import { Store } from './store/store.js';
import { trainerToken, trainerTokenLine } from './trainerToken.js';

async function main(): Promise<void> {
  const config = readConfig(process.env, process.argv.slice(2));
  requireFolder(config.scenarioDir);
  // The build (vite.config.ts) bundles the same folder.
  process.env.SCENARIO_DIR = config.scenarioDir;
  if (config.build === 'auto') {
    try {
      await ensureBuilt(config.rootDir, (m) => console.log(m), config.scenarioDir);
    } catch (e) {
      // The API and the previous build (if any) still serve; the message says what to fix.
      console.error(`the game could not be built: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const { db, dialect, where } = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const store = new Store(db, dialect);
  const library = new ScenarioLibrary({ dir: config.scenarioDir, store, log: (m) => console.warn(m) });
  const versions = await library.scan();
  const trainer = await trainerToken(store, config.trainerToken, config.dataDir);
  const app = await buildApp({ store, library, trainerToken: trainer.check, staticDir: config.staticDir, scenarioDir: config.scenarioDir, rateLimit: config.rateLimit, ...(config.readRateLimit !== undefined ? { readRateLimit: config.readRateLimit } : {}), trustProxy: config.trustProxy, logger: true });
  const address = await app.listen({ port: config.port, host: config.host });
  const shown = address.replace(/\/\/(0\.0\.0\.0|\[::\])/, '//localhost');

  console.log(`scenarios: ${config.scenarioDir} (${config.scenarioDirFrom}; ${scenarioFilesIn(config.scenarioDir).length} files)`);
  console.log(`storage: ${dialect} (${where}); ${versions} scenario versions on disk`);
  console.log(trainerTokenLine(trainer));
  console.log(`Hold the Line is serving on ${shown}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    // Requests under way may finish; a connection a browser keeps open without a request (a
    // preconnect) would hold close() forever, so after a short grace every connection is cut.
    const grace = setTimeout(() => app.server.closeAllConnections(), 1_500);
    await app.close();
    clearTimeout(grace);
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(`the server could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
