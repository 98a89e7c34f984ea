// A cmi5 LMS's side, small and strict: the fetch URL (one token, once), LMS.LaunchData, the
// activity state, and a statements resource that checks every statement against the cmi5
// profile's rules as it arrives — verbs and their order, the context template (publisher
// grouping, session id), the registration, the cmi5 and moveOn categories, and the result each
// cmi5 verb must carry. What breaks a rule is kept in `problems`.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Route } from './support.js';

export const CMI5_VERBS = {
  'http://adlnet.gov/expapi/verbs/initialized': 'initialized',
  'http://adlnet.gov/expapi/verbs/completed': 'completed',
  'http://adlnet.gov/expapi/verbs/passed': 'passed',
  'http://adlnet.gov/expapi/verbs/failed': 'failed',
  'http://adlnet.gov/expapi/verbs/terminated': 'terminated',
} as Record<string, string>;
const CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DURATION = /^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)$/;

export interface Lrs {
  readonly route: Route;
  readonly statements: Record<string, any>[];
  readonly problems: string[];
  readonly state: Map<string, string>;
  /** The LMS launches the AU again in the same registration: a new session and a new token. */
  relaunch(): void;
  /** The launch address's query for the AU (the package's index.html). */
  launchQuery(base: string): string;
  /** The verbs received, cmi5's by name, others by their IRI's last part. */
  verbs(): string[];
}

export function lrsStub(options: { activityId: string; masteryScore: number; launchMode?: 'Normal' | 'Browse' }): Lrs {
  let token = Buffer.from(`${randomUUID()}:${randomUUID()}`).toString('base64');
  const registration = randomUUID();
  let sessionId = randomUUID();
  /** Where the current launch's statements start. */
  let sessionStart = 0;
  const publisher = `${options.activityId}:course`;
  const actor = { objectType: 'Agent', name: 'Ada Learner', account: { homePage: 'https://lms.example', name: 'ada-42' } };
  const statements: Record<string, any>[] = [];
  const problems: string[] = [];
  const state = new Map<string, string>();
  let fetched = false;
  const launchData = () => ({
    contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: publisher }] }, extensions: { [SESSION]: sessionId } },
    launchMode: options.launchMode ?? 'Normal',
    masteryScore: options.masteryScore,
    moveOn: 'CompletedAndPassed',
    returnURL: 'https://lms.example/course',
  });

  const problem = (s: Record<string, any> | null, text: string) => problems.push(`${s ? `${CMI5_VERBS[s.verb?.id] ?? s.verb?.id}: ` : ''}${text}`);
  const authorised = (req: IncomingMessage) => req.headers.authorization === `Basic ${token}` && req.headers['x-experience-api-version'] === '1.0.3';

  function check(s: Record<string, any>): void {
    const verb = CMI5_VERBS[s.verb?.id];
    // The registration's cmi5 verbs so far, and this launch's (a session: initialized … terminated).
    const seen = statements.map((x) => CMI5_VERBS[x.verb?.id]).filter(Boolean);
    const session = statements.slice(sessionStart).map((x) => CMI5_VERBS[x.verb?.id]).filter(Boolean);
    if (!UUID.test(s.id ?? '')) problem(s, 'no statement id (a UUID)');
    if (Number.isNaN(Date.parse(s.timestamp ?? ''))) problem(s, 'no timestamp');
    if (JSON.stringify(s.actor) !== JSON.stringify(actor)) problem(s, 'the actor is not the launch\'s');
    if (s.context?.registration !== registration) problem(s, 'the registration is not the launch\'s');
    if (s.context?.extensions?.[SESSION] !== sessionId) problem(s, 'no session id from the context template');
    if (!s.context?.contextActivities?.grouping?.some((g: { id: string }) => g.id === publisher)) problem(s, 'the context template\'s grouping is missing');
    if (session.includes('terminated')) problem(s, 'sent after terminated');
    if (statements.length === sessionStart && verb !== 'initialized') problem(s, 'the first statement of a session must be initialized');
    const categories: string[] = (s.context?.contextActivities?.category ?? []).map((c: { id: string }) => c.id);
    if (!verb) {
      // cmi5 allowed: not cmi5's category, inside the session.
      if (categories.includes(CATEGORY)) problem(s, 'a statement cmi5 does not define carries the cmi5 category');
      return;
    }
    if (s.object?.id !== options.activityId) problem(s, 'the object is not the AU');
    if (!categories.includes(CATEGORY)) problem(s, 'no cmi5 category');
    const moveOn = verb === 'completed' || verb === 'passed' || verb === 'failed';
    if (moveOn !== categories.includes(MOVE_ON)) problem(s, moveOn ? 'no moveOn category' : 'a moveOn category where none belongs');
    if (moveOn && options.launchMode !== undefined && options.launchMode !== 'Normal') problem(s, `${verb} in ${options.launchMode} mode`);
    const r = s.result ?? {};
    switch (verb) {
      case 'initialized':
        if (session.includes('initialized')) problem(s, 'initialized twice in a session');
        break;
      case 'completed':
        if (seen.includes('completed')) problem(s, 'completed twice');
        if (r.completion !== true || !DURATION.test(r.duration ?? '')) problem(s, 'needs result.completion true and a duration');
        break;
      case 'passed':
      case 'failed': {
        if (seen.includes('passed')) problem(s, `${verb} after passed`);
        if (r.success !== (verb === 'passed') || !DURATION.test(r.duration ?? '')) problem(s, 'needs result.success and a duration');
        const scaled = r.score?.scaled;
        if (typeof scaled !== 'number' || scaled < 0 || scaled > 1) problem(s, 'needs result.score.scaled');
        if (verb === 'passed' && scaled < options.masteryScore) problem(s, 'passed under the mastery score');
        if (s.context?.extensions?.[MASTERY] !== options.masteryScore) problem(s, 'no masteryscore extension');
        break;
      }
      case 'terminated':
        if (!DURATION.test(r.duration ?? '')) problem(s, 'needs a duration');
        break;
    }
  }

  const json = (res: ServerResponse, status: number, body: unknown) => void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));

  const route: Route = (req, res, body) => {
    const url = new URL(req.url!, 'http://x');
    if (url.pathname === '/fetch') {
      if (req.method !== 'POST') return json(res, 405, {}), true;
      if (fetched) json(res, 200, { 'error-code': '1', 'error-text': 'the fetch URL was used already' });
      else json(res, 200, { 'auth-token': token });
      fetched = true;
      return true;
    }
    if (!url.pathname.startsWith('/xapi/')) return false;
    if (!authorised(req)) {
      problem(null, `${req.method} ${url.pathname} without the token or the xAPI version header`);
      return json(res, 401, {}), true;
    }
    if (url.pathname === '/xapi/activities/state') {
      const q = url.searchParams;
      if (q.get('activityId') !== options.activityId || q.get('registration') !== registration || q.get('agent') !== JSON.stringify(actor)) problem(null, 'a state request for another activity, registration or agent');
      const id = q.get('stateId')!;
      if (id === 'LMS.LaunchData') {
        if (req.method !== 'GET') problem(null, 'the AU wrote LMS.LaunchData');
        return json(res, 200, launchData()), true;
      }
      if (req.method === 'PUT' || req.method === 'POST') {
        state.set(id, body);
        return void res.writeHead(204).end(), true;
      }
      if (!state.has(id)) return void res.writeHead(404).end(), true;
      return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end(state.get(id)), true;
    }
    if (url.pathname === '/xapi/statements' && req.method === 'POST') {
      const s = JSON.parse(body) as Record<string, any>;
      check(s);
      statements.push(s);
      return json(res, 200, [s.id]), true;
    }
    return json(res, 404, {}), true;
  };

  return {
    route,
    statements,
    problems,
    state,
    relaunch: () => {
      token = Buffer.from(`${randomUUID()}:${randomUUID()}`).toString('base64');
      sessionId = randomUUID();
      sessionStart = statements.length;
      fetched = false;
    },
    launchQuery: (base) => new URLSearchParams({ endpoint: `${base}/xapi/`, fetch: `${base}/fetch`, actor: JSON.stringify(actor), registration, activityId: options.activityId }).toString(),
    verbs: () => statements.map((s) => CMI5_VERBS[s.verb.id] ?? String(s.verb.id).split('/').pop()!),
  };
}
