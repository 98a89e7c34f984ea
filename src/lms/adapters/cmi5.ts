// cmi5: the launch parameters (endpoint, fetch, actor, registration, activityId), the auth token
// from the fetch URL (once), LMS.LaunchData (context template, launch mode, mastery score), then
// statements: initialized; one "answered" per turn (the reply chosen, the points lost per skill);
// completed once every call has ended; passed or failed (with the score and the skills as result
// extensions, the mastery score deciding the overall mark when the LMS sets one); terminated.
// The state to resume from is an activity state document of our own.
import { isoDuration } from './scorm2004.js';
import { LmsError, type LmsAdapter, type Report, type TurnReport } from './adapter.js';

export const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
} as const;

export const CMI5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
} as const;

/** Our own result extensions (IRIs in the package's namespace). */
export const EXTENSIONS = {
  skills: 'urn:hold-the-line:xapi:skills',
  gates: 'urn:hold-the-line:xapi:gates',
  attempts: 'urn:hold-the-line:xapi:attempts',
  lost: 'urn:hold-the-line:xapi:points-lost',
  call: 'urn:hold-the-line:xapi:call',
} as const;

export const RESUME_STATE = 'urn:hold-the-line:resume';

interface LaunchData {
  readonly contextTemplate: Record<string, unknown> & { contextActivities?: Record<string, unknown>; extensions?: Record<string, unknown> };
  readonly launchMode: 'Normal' | 'Browse' | 'Review';
  readonly masteryScore?: number;
  readonly moveOn?: string;
}

export class Cmi5 implements LmsAdapter {
  masteryScore: number | null = null;
  private endpoint = '';
  private actor: unknown = null;
  private registration = '';
  private activityId = '';
  private auth = '';
  private launch: LaunchData | null = null;
  private completedSent = false;
  private passedSent = false;
  private terminated = false;

  constructor(private readonly search: string = location.search) {}

  private headers(json = true): Record<string, string> {
    return { Authorization: this.auth, 'X-Experience-API-Version': '1.0.3', ...(json ? { 'Content-Type': 'application/json' } : {}) };
  }

  private stateUrl(stateId: string): string {
    const q = new URLSearchParams({ stateId, activityId: this.activityId, agent: JSON.stringify(this.actor), registration: this.registration });
    return `${this.endpoint}activities/state?${q}`;
  }

  async start(): Promise<string> {
    const q = new URLSearchParams(this.search);
    const [endpoint, fetchUrl, actor, registration, activityId] = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'].map((k) => q.get(k));
    if (!endpoint || !fetchUrl || !actor || !registration || !activityId) throw new LmsError('launch', 'the cmi5 launch parameters (endpoint, fetch, actor, registration, activityId) are missing from the address');
    this.endpoint = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
    try {
      this.actor = JSON.parse(actor);
    } catch {
      throw new LmsError('launch', 'the cmi5 actor parameter is not JSON');
    }
    this.registration = registration;
    this.activityId = activityId;
    const token = await fetch(fetchUrl, { method: 'POST' }).then((r) => (r.ok ? (r.json() as Promise<Record<string, unknown>>) : Promise.reject(new Error(`HTTP ${r.status}`)))).catch((e: unknown) => {
      throw new LmsError('network', `the cmi5 fetch URL gave no token: ${e instanceof Error ? e.message : String(e)}`);
    });
    if (typeof token['auth-token'] !== 'string') throw new LmsError('refused', `the cmi5 fetch URL refused: ${String(token['error-text'] ?? 'no auth-token')}`);
    this.auth = `Basic ${token['auth-token']}`;
    const launch = await fetch(this.stateUrl('LMS.LaunchData'), { headers: this.headers(false) });
    if (!launch.ok) throw new LmsError('network', `LMS.LaunchData: HTTP ${launch.status}`);
    this.launch = (await launch.json()) as LaunchData;
    if (typeof this.launch.masteryScore === 'number') this.masteryScore = Math.round(this.launch.masteryScore * 100);
    await this.send('initialized', {}, true);
    const saved = await fetch(this.stateUrl(RESUME_STATE), { headers: this.headers(false) });
    return saved.ok ? await saved.text() : '';
  }

  private get normal(): boolean {
    return this.launch?.launchMode === 'Normal';
  }

  /** Browse and Review launches send no completion, pass or fail: the learner is told nothing was recorded. */
  get records(): boolean {
    return this.normal;
  }

  /** A statement with the launch's context template, the registration and (cmi5-defined ones) the cmi5 category. */
  statement(verb: keyof typeof VERBS, result: Record<string, unknown>, cmi5Defined: boolean, extra: { moveOn?: boolean; object?: Record<string, unknown>; extensions?: Record<string, unknown> } = {}): Record<string, unknown> {
    const template = this.launch!.contextTemplate;
    const category = cmi5Defined ? [{ id: CMI5.category }, ...(extra.moveOn ? [{ id: CMI5.moveOn }] : [])] : [];
    const contextActivities = { ...(template.contextActivities ?? {}), ...(category.length ? { category } : {}) };
    const extensions = { ...(template.extensions ?? {}), ...(extra.extensions ?? {}) };
    return {
      id: crypto.randomUUID(),
      timestamp: new Date().toISOString(),
      actor: this.actor,
      verb: { id: VERBS[verb], display: { 'en-US': verb } },
      object: extra.object ?? { objectType: 'Activity', id: this.activityId },
      context: { ...template, registration: this.registration, contextActivities, extensions },
      ...(Object.keys(result).length ? { result } : {}),
    };
  }

  private async post(statement: Record<string, unknown>, keepalive = false): Promise<void> {
    const r = await fetch(`${this.endpoint}statements`, { method: 'POST', headers: this.headers(), body: JSON.stringify(statement), keepalive });
    if (!r.ok) throw new LmsError('refused', `the LRS refused a statement (${String((statement.verb as { id: string }).id)}): HTTP ${r.status}`);
  }

  private send(verb: keyof typeof VERBS, result: Record<string, unknown>, cmi5Defined: boolean, extra: Parameters<Cmi5['statement']>[3] = {}): Promise<void> {
    return this.post(this.statement(verb, result, cmi5Defined, extra));
  }

  async save(suspend: string): Promise<void> {
    if (!this.launch) return;
    await fetch(this.stateUrl(RESUME_STATE), { method: 'PUT', headers: { ...this.headers(false), 'Content-Type': 'text/plain' }, body: suspend });
  }

  private turnStatement(t: TurnReport): Promise<void> {
    return this.send(
      'answered',
      { response: t.kind === 'reply' ? t.reply : t.kind, extensions: { [EXTENSIONS.lost]: t.lost } },
      false,
      { object: { objectType: 'Activity', id: `${this.activityId}/${t.call}/turn/${t.turn}`, definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', name: { und: `${t.call} ${t.turn}` }, description: { und: t.say ?? t.kind } } } },
    );
  }

  async report(r: Report, suspend: string): Promise<void> {
    if (!this.launch) return;
    await this.save(suspend);
    for (const t of r.turns) await this.turnStatement(t);
    const o = r.outcome;
    if (!this.normal || !o.complete) return;
    const duration = isoDuration(r.sessionMs);
    if (!this.completedSent) {
      this.completedSent = true;
      await this.send('completed', { completion: true, duration }, true, { moveOn: true });
    }
    // One "passed" per registration; a failed try may be followed by a passing one.
    if (this.passedSent) return;
    if (o.passed) this.passedSent = true;
    const skills = Object.fromEntries(o.objectives.map((x) => [x.skill, { score: x.score, gate: x.gate, passed: x.passed }]));
    await this.send(
      o.passed ? 'passed' : 'failed',
      { success: o.passed, duration, score: { scaled: o.scores.overall / 100, raw: o.scores.overall, min: 0, max: 100 }, extensions: { [EXTENSIONS.skills]: skills, [EXTENSIONS.attempts]: r.tries } },
      true,
      { moveOn: true, extensions: this.masteryScore !== null ? { [CMI5.masteryScore]: this.launch.masteryScore } : {} },
    );
  }

  exit(_complete: boolean, sessionMs: number): void {
    if (!this.launch || this.terminated) return;
    this.terminated = true;
    void this.post(this.statement('terminated', { duration: isoDuration(sessionMs) }, true), true).catch(() => {});
  }
}
