// The HTTP server: the API under /api and, when there is a built game, the game itself.
// Every error is a JSON body { error: { code, message } }; nothing else leaks (no stack traces).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { HttpError } from './httpError.js';
import { boardRoutes } from './routes/boards.js';
import { historyRoutes } from './routes/history.js';
import { insightRoutes } from './routes/insights.js';
import { memberRoutes } from './routes/members.js';
import { flagRoutes } from './routes/flags.js';
import { resultRoutes } from './routes/results.js';
import { rosterRoutes } from './routes/roster.js';
import { teamRoutes } from './routes/teams.js';
import { ticketRoutes } from './routes/tickets.js';
import type { ScenarioLibrary } from './scenarios.js';
import type { Store } from './store/store.js';

export interface AppOptions {
  readonly store: Store;
  readonly library: ScenarioLibrary;
  readonly trainerToken: string;
  /** The built game (dist/); null serves the API only. */
  readonly staticDir?: string | null;
  /** Requests per minute per client address (default 600; joining: a tenth of it). */
  readonly rateLimit?: number;
  /** Behind a load balancer: trust X-Forwarded-For for the client address. */
  readonly trustProxy?: boolean;
  readonly logger?: boolean;
  /** Lets `npm run dev` put vite's middleware beside the API on one HTTP server. */
  readonly serverFactory?: FastifyServerOptions['serverFactory'];
}

/** Files of the built game named by the hash of their content (vite puts them under assets/). */
const ASSET = /[\\/]assets[\\/]/;
/** Files the build also writes compressed (.br, .gz): their answer depends on Accept-Encoding. */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|map|wasm)(\.br|\.gz)?$/;

/** Body size limit: a long call's transcript is a few kilobytes. */
export const BODY_LIMIT = 256 * 1024;

export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: o.logger ? { level: 'warn' } : false,
    bodyLimit: BODY_LIMIT,
    trustProxy: o.trustProxy ?? false,
    ...(o.serverFactory ? { serverFactory: o.serverFactory } : {}),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });

  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) return reply.code(err.statusCode).send({ error: { ...err.details, code: err.code, message: err.message } });
    if ((err as FastifyError).validation) {
      return reply.code(400).send({ error: { code: 'invalid-request', message: `the request is not valid: ${err.message}` } });
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status >= 500) {
      req.log.error(err);
      return reply.code(500).send({ error: { code: 'internal', message: 'something went wrong on the server; try again later' } });
    }
    const code = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'too-large' : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported-media-type' : 'bad-request';
    return reply.code(status).send({ error: { code, message: err.message } });
  });

  const max = o.rateLimit ?? 600;
  await app.register(rateLimit, {
    max,
    timeWindow: 60_000,
    // Thrown by the plugin, so it goes through the error handler like every other error.
    errorResponseBuilder: (_req, ctx) => new HttpError(429, 'rate-limited', `too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} s`),
  });

  await app.register(
    async (api) => {
      api.get('/health', async () => ({ ok: true as const, scenarios: o.library.size, storage: o.store.dialect }));
      await api.register(teamRoutes, { store: o.store, trainerToken: o.trainerToken, joinRateLimit: Math.max(10, Math.floor(max / 10)) });
      await api.register(rosterRoutes, { store: o.store, trainerToken: o.trainerToken });
      await api.register(resultRoutes, { store: o.store, library: o.library, trainerToken: o.trainerToken });
      await api.register(ticketRoutes, { store: o.store, library: o.library });
      await api.register(flagRoutes, { store: o.store, trainerToken: o.trainerToken });
      await api.register(boardRoutes, { store: o.store, library: o.library });
      await api.register(memberRoutes, { store: o.store });
      await api.register(historyRoutes, { store: o.store, library: o.library });
      await api.register(insightRoutes, { store: o.store, library: o.library });
      api.setNotFoundHandler((req, reply) => reply.code(404).send({ error: { code: 'not-found', message: `no API endpoint ${req.method} ${req.url.split('?')[0]}` } }));
    },
    { prefix: '/api' },
  );

  const dir = o.staticDir;
  if (dir && existsSync(join(dir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: dir,
      index: 'index.html',
      wildcard: true,
      // The build writes a .br and a .gz beside each text file (vite.config.ts); the best one the
      // browser accepts is sent as it is, with its Content-Encoding, else the file itself.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        // Everything under assets/ has its content's hash in its name: it never changes. The page
        // (index.html) is asked for again each time, and answered 304 while its ETag still holds.
        res.setHeader('cache-control', ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (COMPRESSIBLE.test(path)) res.setHeader('vary', 'Accept-Encoding');
      },
    });
    app.setNotFoundHandler((req, reply) => {
      const path = req.url.split('?')[0]!;
      // A hashed file that is not there (a page from an older build asking for its chunks) is a
      // 404, not the page: the page served as JavaScript would only fail to parse.
      if (req.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/assets/')) return reply.type('text/html').sendFile('index.html');
      return reply.code(404).send({ error: { code: 'not-found', message: `nothing at ${req.url.split('?')[0]}` } });
    });
  } else {
    app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: { code: 'not-found', message: `nothing at ${req.url.split('?')[0]} (the game is not built: run npm run build)` } }));
  }
  return app;
}
