// The HTTP server: the API under /api and, when there is a built game, the game itself.
// Every error is a JSON body { error: { code, message } }; nothing else leaks (no stack traces).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyServerOptions, type onRouteHookHandler } from 'fastify';
import { HttpError } from './httpError.js';
import { DEFAULT_RATE_LIMIT, joinLimitFor, readLimitFor, registerLimits } from './limits.js';
import { MAX_JSON_DEPTH, tooDeep } from './jsonDepth.js';
import { assignmentRoutes } from './routes/assignments.js';
import { boardRoutes } from './routes/boards.js';
import { editorRoutes } from './routes/editor.js';
import { historyRoutes } from './routes/history.js';
import { insightRoutes } from './routes/insights.js';
import { memberRoutes } from './routes/members.js';
import { flagRoutes } from './routes/flags.js';
import { resultRoutes } from './routes/results.js';
import { rosterRoutes } from './routes/roster.js';
import { teamRoutes } from './routes/teams.js';
import { ticketRoutes } from './routes/tickets.js';
import type { ScenarioLibrary } from './scenarios.js';
import { builtPageHashes, helmetOptions } from './securityHeaders.js';
import type { Store } from './store/store.js';

export interface AppOptions {
  readonly store: Store;
  readonly library: ScenarioLibrary;
  readonly trainerToken: string;
  /** The built game (dist/); null serves the API only. */
  readonly staticDir?: string | null;
  /** Writes per minute per client address (default 600; joining: a tenth of it; per player token: a twentieth). See limits.ts. */
  readonly rateLimit?: number;
  /** Reads per minute per client address (default the larger of 3000 and five times rateLimit). */
  readonly readRateLimit?: number;
  /** The addresses or CIDRs of the proxies whose X-Forwarded-For gives the client address (config.ts TRUST_PROXY); none by default. */
  readonly trustProxy?: readonly string[];
  /** Answers for `npm run dev` (its CSP lets vite inject styles). */
  readonly dev?: boolean;
  readonly logger?: boolean;
  /** Lets `npm run dev` put vite's middleware beside the API on one HTTP server. */
  readonly serverFactory?: FastifyServerOptions['serverFactory'];
  /** The scenario folder the call editor reads and writes (issue 18): open under `npm run dev`, with the trainer token otherwise; none: no editor. */
  readonly scenarioDir?: string;
  /** Told of every route as it is added (the route fuzz test lists the API with it). */
  readonly onRoute?: onRouteHookHandler;
  /** The server's clock for results, tickets, assignments and certificates (tests set it; default Date.now). */
  readonly now?: () => number;
}

/** Files of the built game named by the hash of their content (vite puts them under assets/). */
const ASSET = /[\\/]assets[\\/]/;
/** Files the build also writes compressed (.br, .gz): their answer depends on Accept-Encoding. */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|map|wasm)(\.br|\.gz)?$/;

/** Body size limit: a long call's transcript is a few kilobytes. */
export const BODY_LIMIT = 256 * 1024;

export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const now = o.now ?? Date.now;
  const app = Fastify({
    logger: o.logger ? { level: 'warn' } : false,
    bodyLimit: BODY_LIMIT,
    trustProxy: o.trustProxy && o.trustProxy.length > 0 ? [...o.trustProxy] : false,
    ...(o.serverFactory ? { serverFactory: o.serverFactory } : {}),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    // An address the router cannot read (a broken percent-encoding) or with a part longer than the
    // router takes: answered in the API's error shape like everything else.
    frameworkErrors: (err, _req, reply: FastifyReply) => {
      if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
        return void reply.code(414).send({ error: { code: 'too-long', message: 'a part of the address is longer than any the API takes (at most 100 characters)' } });
      }
      if (err.code === 'FST_ERR_BAD_URL') {
        return void reply.code(400).send({ error: { code: 'bad-url', message: 'the address is not valid: each "%" must start a byte of UTF-8 written as two hex digits (encode each part with encodeURIComponent)' } });
      }
      return void reply.code(500).send({ error: { code: 'internal', message: 'something went wrong on the server; try again later' } });
    },
  });
  if (o.onRoute) app.addHook('onRoute', o.onRoute);

  // ajv turns "Infinity" or "1e999" in a path or query into a number that passes `integer`,
  // `minimum` and `maximum` (ajv-validator/ajv#2212): after validation, no handler sees a number
  // that is not finite.
  app.addHook('preHandler', async (req) => {
    for (const [part, values] of [['params', req.params], ['querystring', req.query]] as const) {
      for (const [name, value] of Object.entries((values ?? {}) as Record<string, unknown>)) {
        if ([value].flat().some((v) => typeof v === 'number' && !Number.isFinite(v))) {
          throw new HttpError(400, 'invalid-request', `the request is not valid: ${part}/${name} must be a finite number`);
        }
      }
    }
  });

  // JSON bodies go through fastify's own parser (it refuses __proto__ and constructor keys) once
  // the text is known to nest no deeper than MAX_JSON_DEPTH, so nothing after recurses into a
  // deep body (JSON.stringify of 100,000 levels overflows the stack).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, text, done) => {
    const body = text as string;
    if (tooDeep(body) !== null) {
      return done(new HttpError(400, 'too-deep', `the JSON body nests more than ${MAX_JSON_DEPTH} levels deep; the API's bodies nest a few levels at most (a result: body, transcript, events, event)`), undefined);
    }
    parseJson(req, body, done);
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

  // Security headers on every answer, a 429 too (securityHeaders.ts); then the rate limits (limits.ts).
  await app.register(fastifyHelmet, helmetOptions({ dev: o.dev ?? false, inline: builtPageHashes(o.staticDir) }));
  const max = o.rateLimit ?? DEFAULT_RATE_LIMIT;
  await registerLimits(app, o.store, { perMinute: max, readsPerMinute: o.readRateLimit ?? readLimitFor(max) });

  await app.register(
    async (api) => {
      api.get('/health', async () => ({ ok: true as const, scenarios: o.library.size, storage: o.store.dialect }));
      await api.register(teamRoutes, { store: o.store, trainerToken: o.trainerToken, joinRateLimit: joinLimitFor(max) });
      await api.register(rosterRoutes, { store: o.store, trainerToken: o.trainerToken });
      await api.register(resultRoutes, { store: o.store, library: o.library, trainerToken: o.trainerToken, now });
      await api.register(ticketRoutes, { store: o.store, library: o.library, now });
      await api.register(assignmentRoutes, { store: o.store, library: o.library, trainerToken: o.trainerToken, now });
      await api.register(flagRoutes, { store: o.store, trainerToken: o.trainerToken });
      await api.register(boardRoutes, { store: o.store, library: o.library });
      await api.register(memberRoutes, { store: o.store });
      await api.register(historyRoutes, { store: o.store, library: o.library });
      await api.register(insightRoutes, { store: o.store, library: o.library });
      if (o.scenarioDir) await api.register(editorRoutes, { dir: o.scenarioDir, library: o.library, trainerToken: o.trainerToken, open: o.dev ?? false });
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
