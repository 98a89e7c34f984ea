// SCORM 1.2: cmi.core.lesson_status is "incomplete" while the calls go on and becomes "passed"
// or "failed" only once every call has ended (never "completed" early); the score is the mean
// overall; each skill is one of cmi.objectives; suspend_data keeps the state to resume from.
import { DIMENSIONS } from '../../engine/scoring/dimensions.js';
import { findApi } from './findApi.js';
import { interactionId, lostNothing, LmsError, type LmsAdapter, type Report } from './adapter.js';

interface Api12 {
  LMSInitialize(a: ''): string;
  LMSFinish(a: ''): string;
  LMSGetValue(k: string): string;
  LMSSetValue(k: string, v: string): string;
  LMSCommit(a: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}

/** SCORM 1.2's cmi.core.session_time: HHHH:MM:SS. */
export function sessionTime12(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(Math.floor(s / 3600)).padStart(4, '0')}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

export class Scorm12 implements LmsAdapter {
  readonly masteryScore = null;
  private api: Api12 | null = null;
  private finished = false;

  async start(): Promise<string> {
    const api = findApi<Api12>('API');
    if (!api) throw new LmsError('no-api', 'no SCORM 1.2 API (window.API) in this window, its parents or its opener');
    if (api.LMSInitialize('') !== 'true') throw new LmsError('refused', `LMSInitialize: ${api.LMSGetErrorString(api.LMSGetLastError())}`);
    this.api = api;
    const status = api.LMSGetValue('cmi.core.lesson_status');
    if (status === 'not attempted' || status === '') this.set('cmi.core.lesson_status', 'incomplete');
    const resume = api.LMSGetValue('cmi.core.entry') === 'resume' ? api.LMSGetValue('cmi.suspend_data') : '';
    api.LMSCommit('');
    return resume;
  }

  /** A value the LMS refuses is a fault of the package: said in the console for whoever runs the LMS. */
  private set(key: string, value: string): void {
    const api = this.api;
    if (api && api.LMSSetValue(key, value) !== 'true') console.warn(`LMS refused ${key}=${value}: ${api.LMSGetErrorString(api.LMSGetLastError())}`);
  }

  async save(suspend: string): Promise<void> {
    if (!this.api) return;
    this.set('cmi.suspend_data', suspend);
    this.set('cmi.core.exit', 'suspend');
    this.api.LMSCommit('');
  }

  async report(r: Report, suspend: string): Promise<void> {
    if (!this.api) return;
    const o = r.outcome;
    this.set('cmi.suspend_data', suspend);
    // Each turn an interaction, named by the call, the try and the turn: the reply chosen, and
    // "correct" where it lost no points.
    const first = Number(this.api.LMSGetValue('cmi.interactions._count')) || 0;
    r.turns.forEach((turn, i) => {
      const at = `cmi.interactions.${first + i}`;
      this.set(`${at}.id`, interactionId(turn, r.tries));
      this.set(`${at}.type`, 'fill-in');
      this.set(`${at}.student_response`, turn.reply ?? turn.kind);
      this.set(`${at}.result`, lostNothing(turn) ? 'correct' : 'wrong');
    });
    // The score once every call has ended (until then a mean would count the calls to come as 0).
    if (o.complete) {
      this.set('cmi.core.score.min', '0');
      this.set('cmi.core.score.max', '100');
      this.set('cmi.core.score.raw', String(o.scores.overall));
    }
    DIMENSIONS.forEach((skill, n) => {
      const objective = o.objectives.find((x) => x.skill === skill)!;
      const at = `cmi.objectives.${n}`;
      this.set(`${at}.id`, skill);
      if (o.complete) {
        this.set(`${at}.score.min`, '0');
        this.set(`${at}.score.max`, '100');
        this.set(`${at}.score.raw`, String(objective.score));
      }
      this.set(`${at}.status`, !o.complete ? 'incomplete' : objective.passed === null ? 'completed' : objective.passed ? 'passed' : 'failed');
    });
    // Passed or failed once every call has ended; until then, still incomplete.
    this.set('cmi.core.lesson_status', o.complete ? (o.passed ? 'passed' : 'failed') : 'incomplete');
    this.set('cmi.core.exit', o.complete ? '' : 'suspend');
    this.api.LMSCommit('');
  }

  exit(complete: boolean, sessionMs: number): void {
    if (!this.api || this.finished) return;
    this.finished = true;
    this.set('cmi.core.session_time', sessionTime12(sessionMs));
    this.set('cmi.core.exit', complete ? '' : 'suspend');
    this.api.LMSCommit('');
    this.api.LMSFinish('');
  }
}
