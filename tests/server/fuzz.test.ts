// Every route of the API fuzzed with bad input, on SQLite and (with TEST_DATABASE_URL)
// PostgreSQL: the routes are the app's own (its onRoute hook, so a new route is fuzzed the day it
// is added), and each gets path parameters, queries, bodies and headers made by fast-check from a
// pinned seed — NUL bytes, lone surrogates, huge, negative and fractional numbers, "Infinity",
// wrong types, deep nesting, broken JSON, other content types, transcripts with random events —
// mixed with valid values so the requests reach the handlers and the databases. Every answer must
// be a 4xx or success in the API's error shape, never a 5xx, and the server must still answer its
// health check quickly afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../src/engine/index.js';
import { buildApp } from '../../src/server/app.js';
import { PERIODS } from '../../src/server/routes/period.js';
import { ScenarioLibrary } from '../../src/server/scenarios.js';
import { openDatabase } from '../../src/server/store/database.js';
import { Store } from '../../src/server/store/store.js';
import { finished, loadShipped, SCENARIO_DIR, serverBackends } from './support.js';

const TRAINER = 'fuzz-trainer-token-0123456789';
const scenario = loadShipped('first-call.json');
/** Requests per route (bodies get more: they have more to get wrong). */
const RUNS = 30;
const BODY_RUNS = 60;

interface Route {
  readonly method: HTTPMethods;
  readonly url: string;
  readonly schema: { params?: Schema; querystring?: Schema; body?: Schema };
}
interface Schema {
  properties?: Record<string, unknown>;
}

/** What a team looks like to a request: its codes, a player, a stored result. */
interface Fixture {
  code: string;
  boardCode: string;
  token: string;
  playerId: number;
  resultId: number;
  transcript: Transcript;
  /** Calls played on other seeds, not sent yet: a request with one of them stores a new result. */
  fresh: Transcript[];
}

interface Request {
  method: HTTPMethods;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

// ——— values ———

/** Strings that have broken servers: NUL, lone surrogates, numbers out of every range, path tricks. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '', ' ', '0', '-1', '1.5', '1e20', '1e30', '1e999', '-1e999', 'Infinity', '-Infinity', 'NaN', '9007199254740993', '2147483648', '-0', '0x10',
    'null', 'true', '[]', '{}', '\u0000', 'a\u0000b', '\u0000\u0000\u0000\u0000', '\ud800', 'x\udfffy', '\u202e', '\u3164', '👩‍💻', '١٢٣٤', 'ǅ', 'ß',
    '../../etc/passwd', '%00', '%', "'; drop table teams; --", '<script>', 'x'.repeat(5000), 'A'.repeat(21), 'ABCD2345',
  ),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.integer().map(String),
  fc.double().map(String),
);

/** Any JSON value (and some a JSON text can only write as null or a huge number). */
const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, 0.1, -0, null, true, false, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.object({ maxDepth: 2 }),
);

/** A date-time as the API takes it, from 1970 to 2100 and at the edges of what the format allows. */
const isoDate = fc.oneof(
  fc.date({ min: new Date(0), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2024-01-01T23:59:60Z', '2024-06-01T12:00:00+14:00'),
);
/** Date-times that are not. */
const badDate = fc.constantFrom('2024-02-30T00:00:00Z', '2024-01-01', 'yesterday', '-000001-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '2024-13-01T00:00:00Z');

/** Percent-encodes every byte of the UTF-8 form but letters, digits and -._~ (a lone surrogate goes as U+FFFD, as a browser sends it). */
const encode = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

/** Raw bits of a URL that are not valid percent-encoding or UTF-8. */
const rawPathPart = fc.constantFrom('%', '%ZZ', '%C0%AF', '%FF', '%E2%82', '..', '%2e%2e', '%2F', ';', '%0A');

/** A transcript event of any kind, with numbers well out of range too. */
const anyEvent = fc.oneof(
  fc.record({ type: fc.constant('TICK'), ms: fc.oneof(fc.integer({ min: -5, max: 70_000 }), fc.constantFrom(0.5, 1e20)), repeat: fc.option(fc.integer({ min: -1, max: 2_000_000 }), { nil: undefined }) }, { requiredKeys: ['type', 'ms'] }),
  fc.record({ type: fc.constant('CHOOSE'), n: fc.integer({ min: -1, max: 12 }) }),
  fc.constantFrom({ type: 'ANSWER' }, { type: 'HANG_UP' }, { type: 'PRACTISE' }, { type: 'TICK', ms: 100, repeat: 1_000_000 }, { type: 'BOOM' }),
);

/** A transcript: the one stored, new ones, the stored one on another seed, one with a field made bad, or random events. */
const transcriptOf = (real: Transcript, fresh: Transcript[]) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(real) },
    { weight: 3, arbitrary: fc.constantFrom(...fresh) },
    // Played on another seed: the same choices may fit (a new result) or not.
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffffffff }).map((seed) => ({ ...real, seed })) },
    fc.record({ field: fc.constantFrom('v', 'rules', 'scenario', 'locale', 'hash', 'seed', 'mode', 'events', 'extra'), value: jsonish }).map(({ field, value }) => ({ ...real, [field]: value })),
    fc.array(anyEvent, { maxLength: 40 }).map((events) => ({ ...real, events })),
    fc.array(anyEvent, { maxLength: 12 }).map((extra) => ({ ...real, events: [...real.events, ...extra] })),
  );

/** Valid values by name (and by route, for an id), so that requests get past validation into the handlers and the databases. */
function validFor(name: string, f: Fixture, url: string): fc.Arbitrary<unknown> | null {
  switch (name) {
    case 'code':
      return fc.constantFrom(f.code, f.code, f.boardCode, f.code.toLowerCase(), `${f.code.slice(0, 4)}-${f.code.slice(4)}`, 'ABCD2345');
    case 'id':
      return /results\/:id/.test(url) ? fc.constantFrom(f.resultId, f.resultId, f.playerId, 2 ** 53 - 1) : fc.constantFrom(f.playerId, f.playerId, f.resultId, 2 ** 53 - 1);
    case 'player':
      return fc.constantFrom(f.playerId, 2 ** 53 - 1);
    case 'before':
      return fc.constantFrom(f.resultId, 1, 2 ** 53 - 1);
    case 'hash':
      return fc.constantFrom(scenario.hash, '0'.repeat(64));
    case 'name':
      return fc.constantFrom('Ann', 'Zoë Ng', '👩‍💻 Dev', 'Vіctor', 'a'.repeat(40), 'مینا‌رضایی', 'Fixture');
    case 'token':
      return fc.constantFrom(f.token, 'not-a-token-at-all', undefined);
    case 'asNew':
      return fc.constantFrom(true, false, undefined);
    case 'personalCode':
      return fc.constantFrom('ABCDE-FGHJK', 'abcde fghjk', 'short');
    case 'minAttempts':
      return fc.integer({ min: 1, max: 50 });
    case 'archived':
      return fc.boolean();
    case 'attemptCap':
      return fc.integer({ min: 1, max: 20 });
    case 'calls':
      return fc.constant(['first-call']);
    case 'dueAt':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'gates':
      return fc.record({ overall: fc.integer({ min: 0, max: 100 }), skills: fc.constant({ judgment: 70 }) });
    case 'typedOnly':
      return fc.boolean();
    case 'idempotencyKey':
      return fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/);
    case 'ticket':
      // Left out (JSON.stringify drops an undefined field), the exam was played offline.
      return fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/) });
    case 'transcript':
      return transcriptOf(f.transcript, f.fresh);
    case 'claimed':
      return fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.record({ politeness: fc.integer({ min: 0, max: 100 }), accuracy: fc.integer({ min: 0, max: 100 }), judgment: fc.integer({ min: 0, max: 100 }), overall: fc.integer({ min: 0, max: 100 }) }) },
      );
    case 'playedAt':
    case 'since':
    case 'weekStart':
      return isoDate;
    case 'period':
      return fc.constantFrom(...PERIODS);
    case 'season':
      return fc.constantFrom(1, 2, 3);
    case 'scenario':
      return fc.constantFrom('first-call', 'update-warning', 'no-such-call');
    case 'limit':
      return fc.constantFrom(1, 50, 200);
    case 'lang':
      return fc.constantFrom('en', 'ru', 'pl', 'uk', 'zz');
    case 'bucket':
      return fc.constantFrom('day', 'week', 'month');
    default:
      return null;
  }
}

const keysOf = (s: Schema | undefined) => Object.keys(s?.properties ?? {});

/** A bad value for a field: anything at all, or (for a date) a date that is not. */
const badFor = (name: string): fc.Arbitrary<unknown> => (['playedAt', 'since', 'weekStart'].includes(name) ? fc.oneof(badDate, jsonish) : jsonish);

/** Where a request goes wrong: nowhere, in one part, or everywhere at once. */
type Aspect = 'none' | 'path' | 'query' | 'body' | 'headers' | 'chaos';

/**
 * Requests for one route. Most are valid but for one part — a path parameter, the query, the
 * body (one field, or the whole text) or the headers — so they reach the handler with one thing
 * wrong; some are valid throughout, some wrong everywhere.
 */
function requestsFor(route: Route, f: Fixture): fc.Arbitrary<Request> {
  const url = route.url;
  const params = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const validParam = (p: string) => (validFor(p, f, url) ?? nastyString).map((v) => encode(String(v)));
  const badParam = fc.oneof({ weight: 4, arbitrary: nastyString.map((v) => encode(v)) }, { weight: 1, arbitrary: rawPathPart });
  const path = (aspect: Aspect) =>
    aspect === 'chaos'
      ? fc.tuple(...params.map(() => badParam))
      : aspect === 'path' && params.length > 0
        ? fc.nat(params.length - 1).chain((wrong) => fc.tuple(...params.map((p, i) => (i === wrong ? badParam : validParam(p)))))
        : fc.tuple(...params.map(validParam));

  const declaredQuery = keysOf(route.schema.querystring);
  const validQuery = fc.uniqueArray(fc.constantFrom(...(declaredQuery.length ? declaredQuery : ['x'])), { maxLength: 3 }).chain((keys) =>
    fc.tuple(...keys.filter((k) => declaredQuery.includes(k)).map((k) => validFor(k, f, url)!.map((v) => [k, v] as const))),
  );
  const badQuery = fc.array(
    fc.tuple(
      fc.constantFrom(...declaredQuery, 'x', '__proto__', 'constructor'),
      fc.oneof(nastyString, badDate, fc.array(nastyString, { minLength: 2, maxLength: 3 })),
    ),
    { minLength: 1, maxLength: 4 },
  );
  const query = (aspect: Aspect): fc.Arbitrary<(readonly [string, unknown])[]> =>
    aspect === 'query' || aspect === 'chaos' ? fc.tuple(validQuery, badQuery).map(([a, b]) => [...a, ...b]) : validQuery;

  const declared = keysOf(route.schema.body);
  const bodyKeys = [...declared, 'extra'];
  const validBody = fc.tuple(...declared.map((k) => (validFor(k, f, url) ?? jsonish).map((v) => [k, v] as const))).map((pairs) => JSON.stringify(Object.fromEntries(pairs)));
  const badBody = fc.oneof(
    // One field wrong, or missing, or one too many.
    fc.tuple(fc.constantFrom(...bodyKeys), fc.boolean()).chain(([wrong, drop]) => {
      const keys = (wrong === 'extra' ? bodyKeys : declared).filter((k) => !(drop && k === wrong && k !== 'extra'));
      return fc.tuple(...keys.map((k) => (k === wrong ? badFor(k) : (validFor(k, f, url) ?? jsonish)).map((v) => [k, v] as const))).map((pairs) => JSON.stringify(Object.fromEntries(pairs)));
    }),
    // Any fields, any values.
    fc.uniqueArray(fc.constantFrom(...bodyKeys), { maxLength: bodyKeys.length }).chain((keys) => fc.tuple(...keys.map((k) => badFor(k).map((v) => [k, v] as const))).map((pairs) => JSON.stringify(Object.fromEntries(pairs)))),
    // A text that is no body of ours.
    fc.constantFrom(
      '',
      '{',
      'null',
      '[]',
      '"text"',
      '1e999',
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"admin":true}}}',
      `{"transcript":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      `{"a":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`,
      `{"name":"${'x'.repeat(300 * 1024)}"}`,
      '\u0000',
      '{"name":"\\u0000"}',
      '{"code":"\\ud800\\udc00\\ud800"}',
    ),
  );
  const hasBody = route.method !== 'GET' && route.method !== 'HEAD';
  const body = (aspect: Aspect): fc.Arbitrary<string | undefined> =>
    !hasBody ? fc.constant(undefined) : aspect === 'body' || aspect === 'chaos' ? badBody : declared.length ? validBody : fc.constant(undefined);

  const validHeaders = fc.record({
    authorization: fc.constant(`Bearer ${TRAINER}`),
    'x-player-token': fc.constant(f.token),
    'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8'),
  });
  const badHeaders = fc.record({
    authorization: fc.constantFrom(`Bearer ${TRAINER}`, 'Bearer wrong', 'Basic eDp5', 'Bearer ', undefined),
    'x-player-token': fc.constantFrom(f.token, 'unknown-token-value', 'x'.repeat(500), undefined),
    'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', undefined),
  });
  const headers = (aspect: Aspect) => (aspect === 'headers' || aspect === 'chaos' ? badHeaders : validHeaders);

  const aspects: Aspect[] = ['none', 'path', 'query', 'body', 'headers', 'chaos'];
  return fc
    .constantFrom(...aspects)
    .chain((aspect) => fc.record({ path: path(aspect), query: query(aspect), body: body(aspect), headers: headers(aspect) }))
    .map(({ path: values, query: pairs, body: payload, headers: h }) => {
      let i = 0;
      const filled = url.replace(/:(\w+)/g, () => values[i++]!);
      const qs = pairs.flatMap(([k, v]) => [v].flat().map((x) => `${encode(k)}=${encode(String(x))}`)).join('&');
      const sent = Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>;
      if (payload === undefined) delete sent['content-type'];
      return { method: route.method, url: qs ? `${filled}?${qs}` : filled, headers: sent, ...(payload === undefined ? {} : { payload }) };
    });
}

// ——— the run ———

describe.each(serverBackends())('route fuzz on $name', ({ setup }) => {
  let app: FastifyInstance;
  let store: Store;
  let dataDir: string;
  let drop: (() => Promise<void>) | undefined;
  const routes: Route[] = [];

  beforeAll(async () => {
    const db = await setup();
    drop = db.drop;
    dataDir = mkdtempSync(join(tmpdir(), 'htl-fuzz-'));
    const opened = await openDatabase({ databaseUrl: db.databaseUrl, dataDir });
    store = new Store(opened.db, opened.dialect);
    const library = new ScenarioLibrary({ dir: SCENARIO_DIR, store });
    await library.scan();
    app = await buildApp({
      store,
      library,
      trainerToken: TRAINER,
      rateLimit: 1_000_000,
      // HEAD answers with its GET's handler; the rest are fuzzed one by one.
      onRoute: (r) => {
        for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method: method as HTTPMethods, url: r.url, schema: (r.schema ?? {}) as Route['schema'] });
      },
    });
    await app.ready();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await store?.close();
    await drop?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const trainer = { authorization: `Bearer ${TRAINER}` };

  /** A team of its own for each route, so one route's removals and new codes don't starve the next. */
  async function fixture(n: number): Promise<Fixture> {
    const team = (await app.inject({ method: 'POST', url: '/api/teams', headers: trainer, payload: { name: `Fuzz ${n}` } })).json();
    const boardCode = (await app.inject({ method: 'POST', url: `/api/teams/${team.code}/board-code`, headers: trainer })).json().boardCode;
    const joined = (await app.inject({ method: 'POST', url: '/api/join', payload: { code: team.code, name: 'Fixture' } })).json();
    const { transcript } = finished(scenario, { seed: n });
    const submitted = await app.inject({ method: 'POST', url: `/api/teams/${team.code}/results`, headers: { 'x-player-token': joined.token }, payload: { idempotencyKey: `fuzz-fixture-${n}-000000`, transcript } });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const fresh = [1, 2, 3].map((k) => finished(scenario, { seed: 1000 * k + n }).transcript);
    return { code: team.code, boardCode, token: joined.token, playerId: joined.player.id, resultId: submitted.json().result.id, transcript, fresh };
  }

  it(
    'answers every route with no 5xx, in the API error shape, and stays healthy',
    async () => {
      // The app's own list: every route there is, not a list kept by hand.
      expect(routes.length).toBeGreaterThan(30);
      expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['POST /api/teams/:code/results', 'GET /api/teams/:code/results/:id', 'POST /api/join', 'GET /api/teams/:code/board']));
      const failures: string[] = [];
      let sent = 0;
      for (const [n, route] of routes.entries()) {
        const f = await fixture(n);
        const runs = route.schema.body ? BODY_RUNS : RUNS;
        // One pinned seed per route (its place in the list), so a failure is the same on every run.
        for (const req of fc.sample(requestsFor(route, f), { seed: 16_000 + n, numRuns: runs })) {
          const res = await app.inject(req);
          sent++;
          const shaped = res.statusCode < 400 || (String(res.headers['content-type'] ?? '').includes('json') && typeof res.json().error?.code === 'string' && typeof res.json().error?.message === 'string');
          if (res.statusCode >= 500 || !shaped) {
            failures.push(`${route.method} ${route.url}: ${res.statusCode} ${res.body.slice(0, 200)}\n  ${req.method} ${req.url.slice(0, 300)} ${JSON.stringify(req.headers)} ${(req.payload ?? '').slice(0, 300)}`);
          }
        }
      }
      expect(failures, failures.slice(0, 10).join('\n')).toEqual([]);
      expect(sent).toBeGreaterThan(routes.length * RUNS);
      // Still healthy, and quick about it.
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const health = await app.inject({ method: 'GET', url: '/api/health' });
        times.push(performance.now() - started);
        expect(health.statusCode).toBe(200);
        expect(health.json().ok).toBe(true);
      }
      expect(times.sort((a, b) => a - b)[2]).toBeLessThan(100);
    },
    180_000,
  );
});
