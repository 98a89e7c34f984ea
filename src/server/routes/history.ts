// A player's own history: practice calls and "Try another reply" runs posted (verified by replay,
// kept once per idempotency key, never on a board), and the player's calls read back — their exam
// results and practice runs together, newest played first, a page at a time. Both need the
// player's token: a history is its player's only.
import type { FastifyPluginAsync } from 'fastify';
import type { HistoryPage, HistoryPostResponse, HistoryRun } from '../../client/historyTypes.js';
import type { ClaimedScores } from '../../client/types.js';
import type { Grade, Outcome, Transcript } from '../../engine/index.js';
import { HttpError } from '../httpError.js';
import type { ScenarioLibrary } from '../scenarios.js';
import { cursorText, insertPracticeRun, parseCursor, playerHistory, practiceRunByKey, type HistoryRow, type PracticeRunRow } from '../store/historyQueries.js';
import { sha256, type Store } from '../store/store.js';
import { verifyPractice } from '../verifyPractice.js';
import { playedAtOf, scoredColumns } from '../storedCall.js';
import { playerOf, teamOf } from './auth.js';
import { codeParams, postedCallProperties } from './schemas.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** A row of either source as the API answers it, without its transcript. */
function summaryOf(r: HistoryRow): Omit<HistoryRun, 'transcript'> {
  const row = r.row;
  const practice = r.source === 'practice' ? (row as PracticeRunRow) : null;
  return {
    source: r.source,
    id: row.id,
    scenario: row.scenario,
    locale: row.locale,
    hash: row.hash,
    title: row.title,
    mode: practice ? (practice.mode as HistoryRun['mode']) : 'exam',
    branch: practice?.branch_turn ? { turn: practice.branch_turn } : null,
    politeness: row.politeness,
    accuracy: row.accuracy,
    judgment: row.judgment,
    overall: row.overall,
    grade: row.grade as Grade,
    outcome: row.outcome as Outcome,
    ideal: row.ideal === 1,
    turns: row.turns,
    elapsedMs: row.elapsed_ms,
    playedAt: iso(row.played_at),
  };
}

const postBody = {
  type: 'object',
  required: ['idempotencyKey', 'transcript'],
  additionalProperties: false,
  properties: postedCallProperties,
} as const;

export const historyRoutes: FastifyPluginAsync<{ store: Store; library: ScenarioLibrary }> = async (app, { store, library }) => {
  app.post<{ Params: { code: string }; Body: { idempotencyKey: string; transcript: Transcript; claimed?: ClaimedScores; playedAt?: string } }>(
    '/teams/:code/history',
    { schema: { params: codeParams, body: postBody } },
    async (req, reply) => {
      const team = await teamOf(store, req.params.code);
      const player = await playerOf(store, team, req);
      const body = req.body;
      const bodyHash = sha256(JSON.stringify(body.transcript));
      const settle = (row: PracticeRunRow, duplicate: boolean): HistoryPostResponse => {
        if (row.team_id !== team.id || row.player_id !== player.id || row.body_hash !== bodyHash) {
          throw new HttpError(409, 'idempotency-conflict', 'this idempotency key was already used for another call; make a new key for each call');
        }
        return { run: summaryOf({ source: 'practice', row }), duplicate };
      };
      // A retry of something stored costs one lookup, not a replay.
      const existing = await practiceRunByKey(store.db, body.idempotencyKey);
      if (existing) return settle(existing, true);

      const { score: s, scenario, transcript, branchTurn } = await verifyPractice(library, body.transcript, body.claimed);
      const now = Date.now();
      const playedAt = playedAtOf(body.playedAt, now);
      const { row, duplicate } = await insertPracticeRun(store.db, {
        team_id: team.id,
        player_id: player.id,
        idem_key: body.idempotencyKey,
        body_hash: bodyHash,
        ...scoredColumns(scenario, s),
        mode: transcript.mode,
        branch_turn: branchTurn,
        played_at: playedAt,
        received_at: now,
        transcript: JSON.stringify(transcript),
      });
      return reply.code(duplicate ? 200 : 201).send(settle(row, duplicate));
    },
  );

  app.get<{ Params: { code: string }; Querystring: { limit?: number; before?: string } }>(
    '/teams/:code/me/history',
    {
      schema: {
        params: codeParams,
        querystring: {
          type: 'object',
          properties: { limit: { type: 'integer', minimum: 1, maximum: 200 }, before: { type: 'string', maxLength: 60 } },
        },
      },
    },
    async (req): Promise<HistoryPage> => {
      const team = await teamOf(store, req.params.code);
      const player = await playerOf(store, team, req);
      const limit = req.query.limit ?? 50;
      const after = req.query.before === undefined ? null : parseCursor(req.query.before);
      if (req.query.before !== undefined && !after) {
        throw new HttpError(400, 'bad-cursor', `"before" must be the "next" of a previous page of your history; "${req.query.before}" is not one`);
      }
      const rows = await playerHistory(store.db, { teamId: team.id, playerId: player.id, after, limit: limit + 1 });
      const page = rows.slice(0, limit);
      return {
        runs: page.map((r) => ({ ...summaryOf(r), transcript: JSON.parse(r.row.transcript) as Transcript })),
        next: rows.length > limit ? cursorText(page[page.length - 1]!) : null,
      };
    },
  );
};
