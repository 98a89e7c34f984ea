// The browser's (and tests') client for the server's API. Every call either resolves with the
// typed body or rejects with an ApiError that says whether trying again later can help.
import type {
  Board,
  BoardQuery,
  ErrorBody,
  ExamTicket,
  FlaggedResult,
  Health,
  Identity,
  Period,
  ResultDetail,
  ResultsPage,
  ResultsQuery,
  MeetingMark,
  PersonalCodeIssued,
  ScenarioVersion,
  SubmitRequest,
  SubmitResponse,
  TeamInfo,
  Trend,
} from './types.js';
import type { HistoryPage, HistoryPostResponse, HistoryQuery } from './historyTypes.js';
import type { Insights, MembersPage, Progress } from './teamTypes.js';
import type { Roster, TrainerTeamInfo } from './types.js';

/**
 * Why a request failed. `retryable` is true when the same request may succeed later (server
 * unreachable, overloaded or failing) and false when the server refused it for good (4xx).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    /** The server's error code, or "unreachable" / "bad-response". */
    readonly code: string,
    message: string,
    /** Values the error names, for the client's own sentence (ErrorBody). */
    readonly details: { readonly existing?: string } = {},
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export interface ApiClientOptions {
  /** Give up on a request after this long (default 10 s); counts as unreachable. */
  readonly timeoutMs?: number;
  /** For tests and other runtimes. */
  readonly fetch?: typeof fetch;
}

/**
 * Start of a period in the viewer's own time zone: Monday 00:00 for a week, the 1st for a month.
 * Null for the periods the server works out (the last 7 days, since the meeting, season, all).
 */
export function periodStart(period: Period, now: Date = new Date()): Date | null {
  switch (period) {
    case 'last7':
    case 'since-meeting':
    case 'season':
    case 'all':
      return null;
    case 'month':
      return new Date(now.getFullYear(), now.getMonth(), 1);
    case 'week': {
      const sinceMonday = (now.getDay() + 6) % 7;
      return new Date(now.getFullYear(), now.getMonth(), now.getDate() - sinceMonday);
    }
  }
}

function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

export interface ApiClient {
  readonly baseUrl: string;
  /** 200 when the server is up and ready. */
  health(): Promise<Health>;
  /**
   * Joins a team by its code. Passing a previous identity's token signs that player in again. A
   * name someone in the team has is refused (409 name-taken) unless `asNew`: then a different person
   * joins as "Anna (2)". A new player's identity carries their personal code, to show once.
   */
  join(code: string, name: string, token?: string, options?: { readonly asNew?: boolean }): Promise<Identity>;
  /** Comes back as a player on this device with the team's code and their personal code (401 wrong-personal-code). */
  signInWithCode(code: string, personalCode: string): Promise<Identity>;
  /** The signed-in player makes themself a new personal code; the old one stops working. */
  newPersonalCode(identity: Pick<Identity, 'team' | 'token'>): Promise<PersonalCodeIssued>;
  /** Starts an online exam: the seed the server chose for this player and call, with its ticket. */
  ticket(identity: Pick<Identity, 'team' | 'token'>, scenario: string): Promise<ExamTicket>;
  /** Sends a finished exam call; the server replays it and stores its own scores. */
  submit(identity: Pick<Identity, 'team' | 'token'>, request: SubmitRequest): Promise<SubmitResponse>;
  /** Keeps a finished practice call (or a "Try another reply" run) in the player's own history; never on a board. */
  postHistory(identity: Pick<Identity, 'team' | 'token'>, request: SubmitRequest): Promise<HistoryPostResponse>;
  /** The player's own calls, exams and practice, newest first. */
  myHistory(identity: Pick<Identity, 'team' | 'token'>, q?: HistoryQuery): Promise<HistoryPage>;
  /** The team's board; without a period, the current season. */
  board(code: string, q?: BoardQuery): Promise<Board>;
  /** The team's average overall per bucket over the period (days for short periods, weeks or months for long ones). */
  trend(code: string, q?: BoardQuery): Promise<Trend>;
  /** The meeting view is being shown now: starts a meeting unless one started less than 6 hours ago. */
  markMeeting(code: string): Promise<MeetingMark>;
  results(code: string, q?: ResultsQuery): Promise<ResultsPage>;
  result(code: string, id: number): Promise<ResultDetail>;
  /** The exact scenario text a result was played on. */
  scenarioVersion(hash: string): Promise<ScenarioVersion>;
  /** The team page: every member (those who never played too) with the period's results. */
  members(code: string, q?: Pick<BoardQuery, 'period'>): Promise<MembersPage>;
  /** One member's results week by week, the weeks starting on the viewer's Monday. */
  progress(code: string, playerId: number, q?: Pick<BoardQuery, 'period'>): Promise<Progress>;
  /** The team's insights for the period, the calls' texts in `lang` where that version exists. */
  insights(code: string, q?: Pick<BoardQuery, 'period'> & { lang?: string }): Promise<Insights>;
  readonly trainer: TrainerApi;
}

/** What only a trainer (holding the server's trainer token) may do. */
export interface TrainerApi {
  createTeam(token: string, name: string): Promise<TrainerTeamInfo>;
  /** Every team, with its board code and minimum of attempts. */
  listTeams(token: string): Promise<TrainerTeamInfo[]>;
  renameTeam(token: string, code: string, name: string): Promise<TeamInfo>;
  renamePlayer(token: string, code: string, playerId: number, name: string): Promise<{ id: number; name: string }>;
  removeResult(token: string, code: string, resultId: number): Promise<void>;
  /** Starts a new season: the board starts empty; older results stay in the CSV. */
  resetSeason(token: string, code: string): Promise<TeamInfo>;
  /** Every result of the team as CSV text (all seasons). */
  exportCsv(token: string, code: string): Promise<string>;
  /** Every player of the team, removed ones too (flagged). */
  players(token: string, code: string): Promise<Roster>;
  /** Soft: their token stops working and their results leave the boards until restored. */
  removePlayer(token: string, code: string, playerId: number): Promise<void>;
  restorePlayer(token: string, code: string, playerId: number): Promise<void>;
  /** Their token stops working; they get a new one by joining again with their name. */
  revokePlayer(token: string, code: string, playerId: number): Promise<void>;
  /** A new personal code for the player, to hand over; their old one stops working. */
  newPersonalCode(token: string, code: string, playerId: number): Promise<PersonalCodeIssued>;
  /** Undoes removeResult. */
  restoreResult(token: string, code: string, resultId: number): Promise<void>;
  /** The team's results that came faster than a person reads, awaiting a check (newest first). */
  flagged(token: string, code: string): Promise<{ results: FlaggedResult[] }>;
  /** The trainer checked a flagged result: it counts for champions again. */
  clearFlag(token: string, code: string, resultId: number): Promise<void>;
  /** A new join code; the old one stops working. */
  newJoinCode(token: string, code: string): Promise<TrainerTeamInfo>;
  /** Makes (or replaces) the read-only board code for meeting displays. */
  newBoardCode(token: string, code: string): Promise<TrainerTeamInfo>;
  /** Attempts a player needs to be ranked or champion (1–50). */
  setMinAttempts(token: string, code: string, minAttempts: number): Promise<TrainerTeamInfo>;
  /** Whether the team's exams take typed replies only (the reply buttons hidden). */
  setTypedOnly(token: string, code: string, typedOnly: boolean): Promise<TrainerTeamInfo>;
}

/** A client for the API at `baseUrl` ("" for the page's own origin). */
export function createApiClient(baseUrl = '', options: ApiClientOptions = {}): ApiClient {
  const base = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let res: Response;
    try {
      res = await doFetch(`${base}/api${path}`, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? null : JSON.stringify(body),
        signal: controller.signal,
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'unreachable', 'The server cannot be reached.');
    } finally {
      clearTimeout(timer);
    }
    if (res.ok) return res;
    let err: ErrorBody['error'] | undefined;
    try {
      err = ((await res.json()) as ErrorBody).error;
    } catch {
      // a proxy's HTML page or an empty body: fall through to the status
    }
    throw new ApiError(res.status, err?.code ?? 'bad-response', err?.message ?? `The server answered ${res.status}.`, err?.existing !== undefined ? { existing: err.existing } : {});
  }

  async function json<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const res = await send(method, path, body, headers);
    try {
      return (await res.json()) as T;
    } catch {
      throw new ApiError(res.status, 'bad-response', 'The server sent something that is not JSON.');
    }
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const since = (period: Period | undefined) => (period ? periodStart(period)?.toISOString() : undefined);
  const periodQuery = (q: BoardQuery) => query({ period: q.period ?? 'season', since: since(q.period), season: q.season, scenario: q.scenario });

  return {
    baseUrl: base,
    health: () => json('GET', '/health'),
    join: (code, name, token, options = {}) => json('POST', '/join', { code, name, ...(token ? { token } : {}), ...(options.asNew ? { asNew: true } : {}) }),
    signInWithCode: (code, personalCode) => json('POST', '/sign-in', { code, personalCode }),
    newPersonalCode: (identity) => json('POST', `/teams/${enc(identity.team.code)}/personal-code`, undefined, { 'x-player-token': identity.token }),
    ticket: (identity, scenario) => json('POST', `/teams/${enc(identity.team.code)}/tickets`, { scenario }, { 'x-player-token': identity.token }),
    submit: (identity, request) => json('POST', `/teams/${enc(identity.team.code)}/results`, request, { 'x-player-token': identity.token }),
    postHistory: (identity, request) => json('POST', `/teams/${enc(identity.team.code)}/history`, request, { 'x-player-token': identity.token }),
    myHistory: (identity, q = {}) => json('GET', `/teams/${enc(identity.team.code)}/me/history${query({ limit: q.limit, before: q.before })}`, undefined, { 'x-player-token': identity.token }),
    board: (code, q = {}) => json('GET', `/teams/${enc(code)}/board${periodQuery(q)}`),
    trend: (code, q = {}) => json('GET', `/teams/${enc(code)}/trend${periodQuery(q)}`),
    markMeeting: (code) => json('POST', `/teams/${enc(code)}/meetings`),
    results: (code, q = {}) =>
      json('GET', `/teams/${enc(code)}/results${query({ period: q.period, since: since(q.period), season: q.season, scenario: q.scenario, player: q.player, limit: q.limit, before: q.before, lang: q.lang })}`),
    result: (code, id) => json('GET', `/teams/${enc(code)}/results/${id}`),
    scenarioVersion: (hash) => json('GET', `/scenarios/${enc(hash)}`),
    members: (code, q = {}) => json('GET', `/teams/${enc(code)}/members${query({ period: q.period, since: since(q.period) })}`),
    progress: (code, id, q = {}) => json('GET', `/teams/${enc(code)}/members/${id}/progress${query({ period: q.period, since: since(q.period), weekStart: periodStart('week')?.toISOString() })}`),
    insights: (code, q = {}) => json('GET', `/teams/${enc(code)}/insights${query({ period: q.period, since: since(q.period), lang: q.lang })}`),
    trainer: {
      createTeam: (token, name) => json('POST', '/teams', { name }, bearer(token)),
      listTeams: (token) => json('GET', '/teams', undefined, bearer(token)),
      renameTeam: (token, code, name) => json('PATCH', `/teams/${enc(code)}`, { name }, bearer(token)),
      renamePlayer: (token, code, id, name) => json('PATCH', `/teams/${enc(code)}/players/${id}`, { name }, bearer(token)),
      removeResult: async (token, code, id) => {
        await send('DELETE', `/teams/${enc(code)}/results/${id}`, undefined, bearer(token));
      },
      resetSeason: (token, code) => json('POST', `/teams/${enc(code)}/seasons`, {}, bearer(token)),
      exportCsv: async (token, code) => (await send('GET', `/teams/${enc(code)}/results.csv`, undefined, bearer(token))).text(),
      players: (token, code) => json('GET', `/teams/${enc(code)}/players`, undefined, bearer(token)),
      removePlayer: async (token, code, id) => void (await send('DELETE', `/teams/${enc(code)}/players/${id}`, undefined, bearer(token))),
      restorePlayer: async (token, code, id) => void (await send('POST', `/teams/${enc(code)}/players/${id}/restore`, undefined, bearer(token))),
      revokePlayer: async (token, code, id) => void (await send('POST', `/teams/${enc(code)}/players/${id}/revoke`, undefined, bearer(token))),
      newPersonalCode: (token, code, id) => json('POST', `/teams/${enc(code)}/players/${id}/personal-code`, undefined, bearer(token)),
      restoreResult: async (token, code, id) => void (await send('POST', `/teams/${enc(code)}/results/${id}/restore`, undefined, bearer(token))),
      flagged: (token, code) => json('GET', `/teams/${enc(code)}/flagged`, undefined, bearer(token)),
      clearFlag: async (token, code, id) => void (await send('POST', `/teams/${enc(code)}/results/${id}/clear`, undefined, bearer(token))),
      newJoinCode: (token, code) => json('POST', `/teams/${enc(code)}/join-code`, undefined, bearer(token)),
      newBoardCode: (token, code) => json('POST', `/teams/${enc(code)}/board-code`, undefined, bearer(token)),
      setMinAttempts: (token, code, minAttempts) => json('PATCH', `/teams/${enc(code)}`, { minAttempts }, bearer(token)),
      setTypedOnly: (token, code, typedOnly) => json('PATCH', `/teams/${enc(code)}`, { typedOnly }, bearer(token)),
    },
  };
}
