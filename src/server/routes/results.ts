// Results: submitted as transcripts, verified by replay, stored once per idempotency key and once
// per content in the team, bound to the player by the exam's ticket (playedOnce.ts); read
// back (with the code), removed and exported (by a trainer).
import type { FastifyPluginAsync } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import type { ClaimedScores, ResultDetail, ResultsPage, ResultSummary, ScenarioVersion, SubmitResponse } from '../../client/types.js';
import type { Grade, Outcome, Transcript } from '../../engine/index.js';
import { HttpError, notFound } from '../httpError.js';
import type { ScenarioLibrary } from '../scenarios.js';
import { AlreadyPlayedError, sha256, TicketUsedError, type ResultRow, type Store } from '../store/store.js';
import { admission, alreadyPlayed, contentHash, refuseCopies } from '../playedOnce.js';
import { plausibility } from '../plausibility.js';
import { listPosition, listResultsByPlayed, titlesIn } from '../store/resultQueries.js';
import { Refusal, verifySubmission } from '../verify.js';
import { reviewAccepted } from '../resultReview.js';
import { afterExam } from '../assignments.js';
import { playedAtOf, scoredColumns } from '../storedCall.js';
import { playerOf, requireTrainer, teamOf } from './auth.js';
import { codeAndIdParams, codeParams, idSchema, postedCallProperties } from './schemas.js';
import { periodFilter, periodQuerySchema, type PeriodQuery } from './period.js';


const iso = (ms: number) => new Date(ms).toISOString();

export function summary(r: ResultRow): ResultSummary {
  return {
    id: r.id,
    player: { id: r.player_id, name: r.player_name },
    scenario: r.scenario,
    locale: r.locale,
    hash: r.hash,
    title: r.title,
    politeness: r.politeness,
    accuracy: r.accuracy,
    judgment: r.judgment,
    overall: r.overall,
    grade: r.grade as Grade,
    outcome: r.outcome as Outcome,
    ideal: r.ideal === 1,
    turns: r.turns,
    elapsedMs: r.elapsed_ms,
    season: r.season,
    playedAt: iso(r.played_at),
    receivedAt: iso(r.received_at),
    offline: Number(r.offline) === 1,
    flagged: r.flag !== null && r.flag_cleared_at === null,
  };
}

const submitBody = {
  type: 'object',
  required: ['idempotencyKey', 'transcript'],
  additionalProperties: false,
  properties: {
    ...postedCallProperties,
    // The exam's ticket (routes/tickets.ts); without one the exam was played offline.
    ticket: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
  },
} as const;

/** Formula characters at the start of a cell are neutralised, so a name cannot run in a spreadsheet. */
const safeCell = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export const resultRoutes: FastifyPluginAsync<{ store: Store; library: ScenarioLibrary; trainerToken: string; now?: () => number }> = async (app, { store, library, trainerToken, now: clock = Date.now }) => {
  app.post<{ Params: { code: string }; Body: { idempotencyKey: string; transcript: Transcript; claimed?: ClaimedScores; playedAt?: string; ticket?: string } }>(
    '/teams/:code/results',
    { schema: { params: codeParams, body: submitBody } },
    async (req, reply) => {
      const team = await teamOf(store, req.params.code);
      const player = await playerOf(store, team, req);
      const body = req.body;
      const bodyHash = sha256(JSON.stringify(body.transcript));
      const settle = (row: ResultRow, duplicate: boolean): SubmitResponse => {
        if (row.team_id !== team.id || row.player_id !== player.id || row.body_hash !== bodyHash) {
          throw new HttpError(409, 'idempotency-conflict', 'this idempotency key was already used for another result; make a new key for each call');
        }
        return { result: summary(row), duplicate };
      };
      // A retry of something stored costs one lookup, not a replay.
      const existing = await store.resultByKey(body.idempotencyKey);
      if (existing) return settle(existing, true);

      let verified;
      try {
        verified = await verifySubmission(library, body.transcript, body.claimed);
      } catch (e) {
        if (e instanceof Refusal) throw new HttpError(422, e.code, e.message);
        throw e;
      }
      const now = clock();
      // Played once per team, and an online exam only by the player its ticket was given to (playedOnce.ts).
      // A retry of this very request that raced the first one gets the first answer, not a refusal.
      const unlessRetry = async (e: unknown): Promise<never | SubmitResponse> => {
        const first = e instanceof HttpError && e.statusCode === 409 ? await store.resultByKey(body.idempotencyKey) : null;
        if (first) return settle(first, true);
        throw e;
      };
      const content = contentHash(verified.transcript);
      let admitted;
      try {
        await refuseCopies(store, team.id, content);
        admitted = await admission(store, { teamId: team.id, playerId: player.id, transcript: verified.transcript, ticket: body.ticket, now });
      } catch (e) {
        return reply.code(200).send(await unlessRetry(e));
      }
      const judged = plausibility(verified.scenario, verified.transcript);
      const playedAt = playedAtOf(body.playedAt, now);
      const { score: s, scenario, transcript } = verified;
      const stored = await store.insertResult({
        team_id: team.id,
        player_id: player.id,
        season: team.season,
        idem_key: body.idempotencyKey,
        body_hash: bodyHash,
        ...scoredColumns(scenario, s),
        played_at: playedAt,
        received_at: now,
        transcript: JSON.stringify(transcript),
        content_hash: content,
        offline: admitted.offline ? 1 : 0,
        think: JSON.stringify(judged.think),
        flag: judged.flag ? JSON.stringify(judged.flag) : null,
      }, player.name, admitted.ticket).catch((e: unknown) => {
        if (e instanceof AlreadyPlayedError) return alreadyPlayed(e.resultId);
        if (e instanceof TicketUsedError) return new HttpError(409, 'ticket-used', 'this ticket was used for another result a moment ago; each ticket counts once');
        throw e;
      });
      if (stored instanceof HttpError) return reply.code(200).send(await unlessRetry(stored));
      const { row, duplicate } = stored;
      // The team's insights read the engine's review of each result, kept with it (resultReview.ts).
      if (!duplicate) await reviewAccepted(store, row.id, scenario, transcript);
      // What it did for the player's assignments, and the certificate when it completed one (assignments.ts).
      const assignments = duplicate ? [] : await afterExam(store, { teamId: team.id, player, resultId: row.id, scenario: row.scenario, scores: { overall: row.overall, politeness: row.politeness, accuracy: row.accuracy, judgment: row.judgment }, now });
      const res = { ...settle(row, duplicate), ...(assignments.length > 0 ? { assignments } : {}) };
      return reply.code(duplicate ? 200 : 201).send(res);
    },
  );

  // Newest played first (a result sent late from offline play sits where it was played), a page
  // at a time: `before` is the previous page's `next`, the id of its last result.
  app.get<{ Params: { code: string }; Querystring: PeriodQuery & { player?: number; limit?: number; before?: number; lang?: string } }>(
    '/teams/:code/results',
    {
      schema: {
        params: codeParams,
        querystring: {
          type: 'object',
          properties: {
            ...periodQuerySchema.properties,
            player: idSchema,
            limit: { type: 'integer', minimum: 1, maximum: 200 },
            before: idSchema,
            lang: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})?$' },
          },
        },
      },
    },
    async (req): Promise<ResultsPage> => {
      const team = await teamOf(store, req.params.code);
      const limit = req.query.limit ?? 50;
      const after = req.query.before === undefined ? null : await listPosition(store.db, team.id, req.query.before);
      if (req.query.before !== undefined && !after) {
        throw new HttpError(400, 'bad-cursor', `"before" must be the "next" of a previous page of this team's results; ${req.query.before} is not one of its results`);
      }
      const rows = await listResultsByPlayed(store.db, { ...periodFilter(team, req.query), player: req.query.player ?? null, after, limit: limit + 1 });
      const page = rows.slice(0, limit).map(summary);
      return { results: await inLanguage(page, req.query.lang ?? 'en'), next: rows.length > limit ? page[page.length - 1]!.id : null };
    },
  );

  /** Each call's title in the viewer's language where the server has that version, else in English, else as played. */
  async function inLanguage(results: ResultSummary[], lang: string): Promise<ResultSummary[]> {
    const foreign = results.filter((r) => r.locale !== lang);
    if (foreign.length === 0) return results;
    const ids = foreign.map((r) => r.scenario);
    const [wanted, english] = await Promise.all([titlesIn(store.db, lang, ids), lang === 'en' ? new Map<string, string>() : titlesIn(store.db, 'en', ids)]);
    return results.map((r) => (r.locale === lang ? r : { ...r, title: wanted.get(r.scenario) ?? (r.locale === 'en' ? r.title : english.get(r.scenario)) ?? r.title }));
  }

  app.get<{ Params: { code: string; id: number } }>('/teams/:code/results/:id', { schema: { params: codeAndIdParams } }, async (req): Promise<ResultDetail> => {
    const team = await teamOf(store, req.params.code);
    const row = await store.result(team.id, req.params.id);
    if (!row) throw notFound(`result ${req.params.id} of this team`);
    return { ...summary(row), transcript: JSON.parse(row.transcript) as Transcript };
  });

  app.delete<{ Params: { code: string; id: number } }>('/teams/:code/results/:id', { schema: { params: codeAndIdParams } }, async (req, reply) => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    if (!(await store.removeResult(team.id, req.params.id))) throw notFound(`result ${req.params.id} of this team`);
    return reply.code(204).send();
  });

  app.get<{ Params: { code: string } }>('/teams/:code/results.csv', { schema: { params: codeParams } }, async (req, reply) => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    const rows = await store.allResults(team.id);
    const csv = stringify(
      rows.map((r) => [r.id, r.season, iso(r.played_at), iso(r.received_at), r.player_id, safeCell(r.player_name), r.scenario, r.locale, safeCell(r.title), r.politeness, r.accuracy, r.judgment, r.overall, r.grade, r.outcome, r.ideal === 1 ? 'yes' : 'no', r.turns, (r.elapsed_ms / 1000).toFixed(1), r.removed_at ? iso(r.removed_at) : '']),
      {
        header: true,
        columns: ['id', 'season', 'played_at', 'received_at', 'player_id', 'player', 'call', 'locale', 'title', 'politeness', 'accuracy', 'judgment', 'overall', 'grade', 'outcome', 'ideal', 'turns', 'seconds', 'removed_at'],
      },
    );
    const file = `${team.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'team'}-results.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="results.csv"; filename*=UTF-8''${encodeURIComponent(file)}`)
      .send(`\uFEFF${csv}`);
  });

  app.get<{ Params: { hash: string } }>(
    '/scenarios/:hash',
    { schema: { params: { type: 'object', required: ['hash'], properties: { hash: { type: 'string', pattern: '^[0-9a-f]{64}$' } } } } },
    async (req): Promise<ScenarioVersion> => {
      // Ask the library first: it also picks up a file saved a moment ago.
      await library.get(req.params.hash);
      const v = await store.scenarioVersion(req.params.hash);
      if (!v) throw notFound(`scenario version ${req.params.hash.slice(0, 12)}…`);
      return { id: v.id, locale: v.locale, hash: v.hash, title: v.title, text: v.text };
    },
  );
};
