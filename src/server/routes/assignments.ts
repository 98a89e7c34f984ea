// Assignments and certificates (issue 15). A trainer (the trainer token) gives a team, or chosen
// members of it, a set of calls with a due date, an attempt cap and pass gates, edits and archives
// them; anyone with the team's codes sees each member's progress (the team page); a member sees
// their own (the picker); the trainer exports it as CSV. A certificate is public at
// GET /certificates/<code>: name, assignment, date and scores, nothing else. Statuses come from
// src/server/assignments.ts only.
import type { FastifyPluginAsync } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import type { Assignment, AssignmentBoard, AssignmentRequest, CertificateView, MemberProgress, MyAssignments } from '../../client/assignmentTypes.js';
import { passGatesSchema } from '../../engine/assignment/passGates.js';
import { DIMENSIONS } from '../../engine/scoring/dimensions.js';
import { callTitles, issueAfterEdit, parseAssignment, statusCounts, teamStates, type ParsedAssignment } from '../assignments.js';
import { HttpError } from '../httpError.js';
import type { ScenarioLibrary } from '../scenarios.js';
import { activeMembers, assignment, certificateByCode, insertAssignment, insertRound, updateAssignment, type AssignmentRow } from '../store/assignmentQueries.js';
import type { Store } from '../store/store.js';
import { playerOf, requireTrainer, teamOf } from './auth.js';
import { codeAndIdParams, codeParams, idSchema, scenarioIdSchema } from './schemas.js';

const iso = (ms: number) => new Date(ms).toISOString();
/** A date as a spreadsheet reader reads it: "2026-12-09 21:59 UTC" (the server keeps no team time zone). */
const readable = (at: string | number | null | undefined) => (at === null || at === undefined ? '' : `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`);

export const MAX_CALLS = 20;
export const MAX_ATTEMPT_CAP = 20;
export const MAX_CERTIFICATE_DAYS = 3650;
const TITLE_MAX = 100;

const gate = { type: 'integer', minimum: 0, maximum: 100 } as const;
const assignmentProperties = {
  // No control characters (a NUL byte is not text to PostgreSQL), and not blank.
  title: { type: 'string', minLength: 1, maxLength: TITLE_MAX, pattern: '^[^\\x00-\\x1f\\x7f]*\\S[^\\x00-\\x1f\\x7f]*$' },
  calls: { type: 'array', minItems: 1, maxItems: MAX_CALLS, uniqueItems: true, items: scenarioIdSchema },
  members: { anyOf: [{ type: 'null' }, { type: 'array', minItems: 1, maxItems: 500, uniqueItems: true, items: idSchema }] },
  dueAt: { type: 'string', format: 'date-time' },
  attemptCap: { type: 'integer', minimum: 1, maximum: MAX_ATTEMPT_CAP },
  gates: {
    type: 'object',
    required: ['overall'],
    additionalProperties: false,
    properties: { overall: gate, skills: { type: 'object', additionalProperties: false, properties: Object.fromEntries(DIMENSIONS.map((d) => [d, gate])) } },
  },
  certificateDays: { anyOf: [{ type: 'null' }, { type: 'integer', minimum: 1, maximum: MAX_CERTIFICATE_DAYS }] },
} as const;

const createBody = { type: 'object', required: ['title', 'calls', 'dueAt', 'attemptCap', 'gates'], additionalProperties: false, properties: assignmentProperties } as const;
const changeBody = { type: 'object', minProperties: 1, additionalProperties: false, properties: { ...assignmentProperties, archived: { type: 'boolean' } } } as const;

/** A certificate's code as printed (32 hex digits, any case, in groups with spaces or dashes). */
const certificateParams = { type: 'object', required: ['code'], properties: { code: { type: 'string', minLength: 1, maxLength: 80, pattern: '^[0-9A-Fa-f -]+$' } } } as const;

export function assignmentInfo(a: ParsedAssignment): Assignment {
  const r = a.row;
  return {
    id: r.id,
    title: r.title,
    calls: a.calls,
    members: a.members,
    dueAt: iso(r.due_at),
    attemptCap: r.attempt_cap,
    gates: a.gates,
    certificateDays: r.certificate_days,
    createdAt: iso(r.created_at),
    archivedAt: r.archived_at === null ? null : iso(r.archived_at),
  };
}

/** Formula characters at the start of a cell are neutralised, so a name cannot run in a spreadsheet. */
const safeCell = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export const assignmentRoutes: FastifyPluginAsync<{ store: Store; library: ScenarioLibrary; trainerToken: string; now: () => number }> = async (app, { store, library, trainerToken, now }) => {
  /** Refuses what the schema cannot say: a call this server does not know, a member not in the team. */
  async function checked(teamId: number, b: Partial<AssignmentRequest>): Promise<void> {
    const unknown = (b.calls ?? []).filter((c) => !library.callIds.has(c));
    if (unknown.length > 0) throw new HttpError(422, 'unknown-scenario', `this server does not know the call${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}; pick calls from the list`);
    if (b.members) {
      const team = new Set((await activeMembers(store.db, teamId)).map((m) => m.id));
      const strangers = b.members.filter((m) => !team.has(m));
      if (strangers.length > 0) throw new HttpError(422, 'unknown-member', `player${strangers.length > 1 ? 's' : ''} ${strangers.join(', ')} ${strangers.length > 1 ? 'are' : 'is'} not in this team; choose members from its roster`);
    }
    if (b.dueAt !== undefined && !Number.isFinite(Date.parse(b.dueAt))) throw new HttpError(400, 'invalid-request', 'the request is not valid: dueAt must be a date and time');
    // A due date already past would make everyone overdue the moment it is saved.
    if (b.dueAt !== undefined && Date.parse(b.dueAt) <= now()) throw new HttpError(400, 'due-date-past', `the due date ${b.dueAt.slice(0, 10)} has already passed; choose today or a later day`);
  }

  const columns = (b: Partial<AssignmentRequest>) => ({
    ...(b.title !== undefined ? { title: b.title.trim() } : {}),
    ...(b.calls !== undefined ? { calls: JSON.stringify(b.calls) } : {}),
    ...(b.members !== undefined ? { members: b.members === null ? null : JSON.stringify(b.members) } : {}),
    ...(b.dueAt !== undefined ? { due_at: Date.parse(b.dueAt) } : {}),
    ...(b.attemptCap !== undefined ? { attempt_cap: b.attemptCap } : {}),
    ...(b.gates !== undefined ? { gates: JSON.stringify(passGatesSchema.parse(b.gates)) } : {}),
    ...(b.certificateDays !== undefined ? { certificate_days: b.certificateDays } : {}),
  });

  // The calls a trainer can assign: every call this server knows, by title.
  app.get('/assignment-calls', async (req): Promise<{ calls: { id: string; title: string }[] }> => {
    requireTrainer(req, trainerToken);
    const titles = await callTitles(store);
    return { calls: [...library.callIds].map((id) => ({ id, title: titles.get(id) ?? id })).sort((a, b) => a.title.localeCompare(b.title, 'en')) };
  });

  app.post<{ Params: { code: string }; Body: AssignmentRequest }>('/teams/:code/assignments', { schema: { params: codeParams, body: createBody } }, async (req, reply) => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    await checked(team.id, req.body);
    const at = now();
    const row = await insertAssignment(store.db, { team_id: team.id, members: null, certificate_days: null, ...columns(req.body), created_at: at, updated_at: at } as Parameters<typeof insertAssignment>[1]);
    return reply.code(201).send(assignmentInfo(parseAssignment(row)));
  });

  app.patch<{ Params: { code: string; id: number }; Body: Partial<AssignmentRequest> & { archived?: boolean } }>(
    '/teams/:code/assignments/:id',
    { schema: { params: codeAndIdParams, body: changeBody } },
    async (req): Promise<Assignment> => {
      requireTrainer(req, trainerToken);
      const team = await teamOf(store, req.params.code);
      const before = await assignment(store.db, team.id, req.params.id);
      if (!before) throw new HttpError(404, 'unknown-assignment', `this team has no assignment ${req.params.id}`);
      await checked(team.id, req.body);
      const { archived, ...rest } = req.body;
      const at = now();
      const row = (await updateAssignment(store.db, team.id, before.id, {
        ...columns(rest),
        ...(archived !== undefined ? { archived_at: archived ? (before.archived_at ?? at) : null } : {}),
        updated_at: at,
      })) as AssignmentRow;
      // A higher cap or lower gates can complete a member's round: their certificate is issued now.
      if (row.archived_at === null) await issueAfterEdit(store, team.id, row.id, at);
      return assignmentInfo(parseAssignment(row));
    },
  );

  // Another round for a member who has not passed (a failure is final for a round): it starts now,
  // as after an expiry (src/server/assignments.ts). Answers the member's progress in the new round.
  app.post<{ Params: { code: string; id: number }; Body: { playerId: number } }>(
    '/teams/:code/assignments/:id/rounds',
    { schema: { params: codeAndIdParams, body: { type: 'object', required: ['playerId'], additionalProperties: false, properties: { playerId: idSchema } } } },
    async (req, reply): Promise<MemberProgress> => {
      requireTrainer(req, trainerToken);
      const team = await teamOf(store, req.params.code);
      const at = now();
      const state = (await teamStates(store, team.id, at, { playerId: req.body.playerId })).find((s) => s.assignment.row.id === req.params.id);
      if (!state) throw new HttpError(404, 'unknown-assignment', `this team has no open assignment ${req.params.id}`);
      const m = state.members[0];
      if (!m) throw new HttpError(422, 'unknown-member', `player ${req.body.playerId} does not have this assignment; choose a member it is for`);
      if (m.progress.status === 'passed') throw new HttpError(409, 'already-passed', `${m.progress.player.name} has passed this round already; there is no need for another`);
      await insertRound(store.db, { assignment_id: state.assignment.row.id, player_id: m.progress.player.id, started_at: at });
      const after = (await teamStates(store, team.id, at, { playerId: m.progress.player.id })).find((s) => s.assignment.row.id === req.params.id)!;
      return reply.code(201).send(after.members[0]!.progress);
    },
  );

  app.get<{ Params: { code: string }; Querystring: { archived?: boolean } }>(
    '/teams/:code/assignments',
    { schema: { params: codeParams, querystring: { type: 'object', additionalProperties: false, properties: { archived: { type: 'boolean' } } } } },
    async (req): Promise<AssignmentBoard> => {
      const team = await teamOf(store, req.params.code);
      const states = await teamStates(store, team.id, now(), { withArchived: req.query.archived ?? false });
      return { assignments: states.map((s) => ({ ...assignmentInfo(s.assignment), counts: statusCounts(s.members), progress: s.members.map((m) => m.progress) })) };
    },
  );

  app.get<{ Params: { code: string } }>('/teams/:code/me/assignments', { schema: { params: codeParams } }, async (req): Promise<MyAssignments> => {
    const team = await teamOf(store, req.params.code);
    const player = await playerOf(store, team, req);
    const states = await teamStates(store, team.id, now(), { playerId: player.id });
    return { assignments: states.flatMap((s) => (s.members[0] ? [{ ...assignmentInfo(s.assignment), progress: s.members[0].progress }] : [])) };
  });

  app.get<{ Params: { code: string } }>('/teams/:code/assignments.csv', { schema: { params: codeParams } }, async (req, reply) => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    const states = await teamStates(store, team.id, now(), { withArchived: true });
    const rows: (string | number)[][] = [];
    for (const s of states) {
      for (const m of s.members) {
        for (const c of m.progress.calls) {
          const b = c.best;
          rows.push([
            s.assignment.row.id,
            safeCell(s.assignment.row.title),
            m.progress.player.id,
            safeCell(m.progress.player.name),
            m.progress.status,
            readable(m.progress.dueAt),
            c.scenario,
            safeCell(c.title),
            c.attempts,
            c.passed ? 'yes' : 'no',
            b?.overall ?? '',
            b?.politeness ?? '',
            b?.accuracy ?? '',
            b?.judgment ?? '',
            m.progress.certificate?.code ?? '',
            readable(m.progress.certificate?.expiresAt),
            // An archived assignment's rows are kept, and marked, so they are not read as current.
            readable(s.assignment.row.archived_at),
          ]);
        }
      }
    }
    const csv = stringify(rows, {
      header: true,
      columns: ['assignment_id', 'assignment', 'player_id', 'player', 'status', 'due_at', 'call', 'title', 'attempts', 'call_passed', 'best_overall', 'best_politeness', 'best_accuracy', 'best_judgment', 'certificate', 'certificate_expires_at', 'archived_at'],
    });
    const file = `${team.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'team'}-assignments.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="assignments.csv"; filename*=UTF-8''${encodeURIComponent(file)}`)
      .send(`\uFEFF${csv}`);
  });

  app.get<{ Params: { code: string } }>('/certificates/:code', { schema: { params: certificateParams } }, async (req): Promise<CertificateView> => {
    const code = req.params.code.replace(/[\s-]/g, '').toLowerCase();
    const cert = /^[0-9a-f]{32}$/.test(code) ? await certificateByCode(store.db, code) : null;
    if (!cert) throw new HttpError(404, 'unknown-certificate', 'this is not a valid certificate: no certificate has this code; check the code as printed');
    if (cert.expires_at !== null && cert.expires_at <= now()) {
      throw new HttpError(410, 'certificate-expired', `this certificate expired on ${iso(cert.expires_at).slice(0, 10)}; the assignment must be taken again`, { expiredAt: iso(cert.expires_at), name: cert.player_name, assignment: cert.title });
    }
    return {
      name: cert.player_name,
      assignment: cert.title,
      issuedAt: iso(cert.issued_at),
      expiresAt: cert.expires_at === null ? null : iso(cert.expires_at),
      scores: JSON.parse(cert.scores) as CertificateView['scores'],
    };
  });
};

