// SCORM 2004 (4th edition): completion and success apart — cmi.completion_status "incomplete"
// until every call has ended, then "completed"; cmi.success_status "passed" or "failed" only
// then; the scaled and raw score; each skill one of cmi.objectives with its own score and
// success; suspend_data keeps the state to resume from.
import { DIMENSIONS } from '../../engine/scoring/dimensions.js';
import { findApi } from './findApi.js';
import { interactionId, lostNothing, LmsError, type LmsAdapter, type Report } from './adapter.js';

interface Api2004 {
  Initialize(a: ''): string;
  Terminate(a: ''): string;
  GetValue(k: string): string;
  SetValue(k: string, v: string): string;
  Commit(a: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
}

/** An ISO 8601 duration (cmi.session_time, xAPI's result.duration): PT1M2.5S. */
export function isoDuration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor(cs / 6000) % 60;
  const s = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s}S`;
}

export class Scorm2004 implements LmsAdapter {
  readonly masteryScore = null;
  private api: Api2004 | null = null;
  private finished = false;

  async start(): Promise<string> {
    const api = findApi<Api2004>('API_1484_11');
    if (!api) throw new LmsError('no-api', 'no SCORM 2004 API (window.API_1484_11) in this window, its parents or its opener');
    if (api.Initialize('') !== 'true') throw new LmsError('refused', `Initialize: ${api.GetErrorString(api.GetLastError())}`);
    this.api = api;
    const status = api.GetValue('cmi.completion_status');
    if (status === 'not attempted' || status === 'unknown' || status === '') this.set('cmi.completion_status', 'incomplete');
    const resume = api.GetValue('cmi.entry') === 'resume' ? api.GetValue('cmi.suspend_data') : '';
    api.Commit('');
    return resume;
  }

  /** A value the LMS refuses is a fault of the package: said in the console for whoever runs the LMS. */
  private set(key: string, value: string): void {
    const api = this.api;
    if (api && api.SetValue(key, value) !== 'true') console.warn(`LMS refused ${key}=${value}: ${api.GetErrorString(api.GetLastError())}`);
  }

  async save(suspend: string): Promise<void> {
    if (!this.api) return;
    this.set('cmi.suspend_data', suspend);
    this.set('cmi.exit', 'suspend');
    this.api.Commit('');
  }

  async report(r: Report, suspend: string): Promise<void> {
    if (!this.api) return;
    const o = r.outcome;
    const done = o.missed.filter((m) => m !== null).length;
    this.set('cmi.suspend_data', suspend);
    // Each turn an interaction, named by the call, the try and the turn: the reply chosen, its
    // words, and "correct" where it lost no points.
    const first = Number(this.api.GetValue('cmi.interactions._count')) || 0;
    r.turns.forEach((turn, i) => {
      const at = `cmi.interactions.${first + i}`;
      this.set(`${at}.id`, interactionId(turn, r.tries));
      this.set(`${at}.type`, 'other');
      if (turn.say) this.set(`${at}.description`, turn.say.slice(0, 250));
      this.set(`${at}.learner_response`, turn.reply ?? turn.kind);
      this.set(`${at}.result`, lostNothing(turn) ? 'correct' : 'incorrect');
    });
    this.set('cmi.progress_measure', (done / Math.max(1, o.missed.length)).toFixed(4));
    // The score once every call has ended (until then a mean would count the calls to come as 0).
    if (o.complete) {
      this.set('cmi.score.min', '0');
      this.set('cmi.score.max', '100');
      this.set('cmi.score.raw', String(o.scores.overall));
      this.set('cmi.score.scaled', String(o.scores.overall / 100));
    }
    DIMENSIONS.forEach((skill, n) => {
      const objective = o.objectives.find((x) => x.skill === skill)!;
      const at = `cmi.objectives.${n}`;
      this.set(`${at}.id`, skill);
      if (o.complete) {
        this.set(`${at}.score.min`, '0');
        this.set(`${at}.score.max`, '100');
        this.set(`${at}.score.raw`, String(objective.score));
        this.set(`${at}.score.scaled`, String(objective.score / 100));
      }
      this.set(`${at}.completion_status`, o.complete ? 'completed' : 'incomplete');
      this.set(`${at}.success_status`, !o.complete || objective.passed === null ? 'unknown' : objective.passed ? 'passed' : 'failed');
    });
    this.set('cmi.completion_status', o.complete ? 'completed' : 'incomplete');
    this.set('cmi.success_status', o.complete ? (o.passed ? 'passed' : 'failed') : 'unknown');
    this.set('cmi.exit', o.complete ? 'normal' : 'suspend');
    this.api.Commit('');
  }

  exit(complete: boolean, sessionMs: number): void {
    if (!this.api || this.finished) return;
    this.finished = true;
    this.set('cmi.session_time', isoDuration(sessionMs));
    this.set('cmi.exit', complete ? 'normal' : 'suspend');
    this.api.Commit('');
    this.api.Terminate('');
  }
}
