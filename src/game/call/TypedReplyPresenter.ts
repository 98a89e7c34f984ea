// "Type your reply": a text box under the reply buttons where the trainee writes what they would
// say; Enter (or Send) hands it to the engine's matcher (engine/match), which loads the first time
// the box is focused or typed in. What the matcher says decides what happens, and nothing else:
// - confident: that reply is played exactly as its button would play it, with the typed text;
// - unsure: "Did you mean…" offers the closest replies (their own words) and "None of these";
// - none: the box says it could not tell which reply that was; the text stays, to rephrase.
// Keys typed in the box are the box's (keyboard.ts leaves fields alone); Escape closes the
// suggestions, then clears the box, then leaves it, before it ever asks to end the call.
// In a "typed replies only" exam the buttons are hidden and the box says so.
import type { TFunction } from 'i18next';
import type { Scenario, SessionView } from '../../engine/index.js';
import type { MatchResult } from '../../engine/match/index.js';
import { button, fill, h } from '../ui/dom.js';
import { loadMatcher, type Matcher } from './typedMatcher.js';
import type { CallPresenter } from './types.js';

/** What the CHOOSE of a typed reply carries besides its number. */
export interface TypedChoice {
  readonly typed: string;
  /** The matcher was sure ('match'), or the trainee picked it from "Did you mean…" ('suggestion'). */
  readonly took: 'match' | 'suggestion';
}

export interface TypedReplyOptions {
  readonly scenario: Scenario;
  /** The node the customer is on (the matcher reads its replies). */
  readonly node: () => string;
  readonly t: TFunction;
  /** An exam with the buttons hidden: the box is the only way to reply. */
  readonly typedOnly: boolean;
  /** Plays reply `n` as its button would, with the typed text; false when the call could not take it. */
  readonly choose: (n: number, typed: TypedChoice) => boolean;
  /** Where a reply button takes focus when Escape leaves the box (none in a typed-only exam). */
  readonly firstReply: () => HTMLElement | null;
  readonly load?: () => Promise<Matcher>;
}

let ids = 0;

export class TypedReplyPresenter implements CallPresenter {
  readonly form: HTMLFormElement;
  readonly input: HTMLInputElement;
  private readonly message: HTMLElement;
  private readonly suggest: HTMLElement;
  private readonly suggestList: HTMLUListElement;
  private view: SessionView | null = null;
  private shownKey = '';
  /** The text the open "Did you mean…" is for. */
  private asked = '';
  private busy = false;
  private maxChars = Infinity;
  /** The box let go of focus for a wait (see show) and takes it back when the customer listens. */
  private handedBack = false;
  /** The message says what the last typed reply was taken as (kept while the call answers it). */
  private taken = false;

  constructor(
    area: HTMLElement,
    private readonly o: TypedReplyOptions,
  ) {
    const { t } = o;
    const id = `htl-typed-${++ids}`;
    this.input = h('input', {
      type: 'text',
      id: `${id}-input`,
      class: 'htl-typed-input',
      lang: o.scenario.locale,
      autocomplete: 'off',
      enterkeyhint: 'send',
      spellcheck: 'true',
      'aria-describedby': `${id}-msg`,
      onfocus: () => this.warm(),
      oninput: () => this.warm(),
    });
    this.message = h('p', { class: 'htl-typed-msg', id: `${id}-msg`, role: 'status', 'aria-live': 'polite' });
    this.suggestList = h('ul', { class: 'htl-typed-choices' });
    this.suggest = h('div', { class: 'htl-typed-suggest', role: 'group', 'aria-labelledby': `${id}-dym`, hidden: true }, h('p', { class: 'htl-typed-dym', id: `${id}-dym` }, t('typed.didYouMean')), this.suggestList);
    this.form = h(
      'form',
      { class: `htl-typed${o.typedOnly ? ' htl-typed-only' : ''}`, 'aria-label': t('typed.label'), hidden: true, onsubmit: (e: Event) => (e.preventDefault(), void this.send()) },
      o.typedOnly && h('p', { class: 'htl-typed-only-note' }, t('typed.onlyNote')),
      h('div', { class: 'htl-typed-row' }, h('label', { for: this.input.id, class: 'htl-typed-label' }, t('typed.label')), this.input, h('button', { type: 'submit', class: 'htl-btn htl-typed-send' }, t('typed.send'))),
      this.message,
      this.suggest,
    );
    this.form.addEventListener('keydown', (e) => this.onKey(e));
    area.classList.add('htl-has-typed');
    area.classList.toggle('htl-typed-only', o.typedOnly);
    area.append(this.form);
  }

  show(view: SessionView): void {
    this.view = view;
    this.form.hidden = view.phase === 'ringing' || view.phase === 'ended';
    const key = `${view.turn}:${view.phase}`;
    if (key === this.shownKey) return;
    this.shownKey = key;
    // A new turn: what was asked about the last one no longer applies (the typed text stays,
    // unless it was sent).
    if (this.suggest.contains(document.activeElement)) this.input.focus({ preventScroll: true });
    this.closeSuggestions();
    if (!this.taken || view.phase === 'listening') {
      this.taken = false;
      this.say('');
    }
    // A typed-only exam: the box takes focus where the first reply button would (nothing had it,
    // or it was on a control that hands focus on to the replies: Answer, Skip the wait).
    // While the customer speaks or an action runs, an empty box gives the call its keys back
    // (F skips the wait; a stray key does not land in the box); it takes focus again when the
    // customer listens (where the first reply button would), unless the trainee moved it elsewhere.
    if (view.phase !== 'listening' && document.activeElement === this.input && this.input.value === '') {
      this.input.blur();
      this.handedBack = true;
    }
    const active = document.activeElement as HTMLElement | null;
    const handsOn = active === null || active === document.body || active.dataset?.refocus === 'replies' || active.closest('.htl-replies') !== null;
    if (view.phase === 'listening' && (this.o.typedOnly || this.handedBack) && handsOn) this.input.focus({ preventScroll: true });
    if (view.phase === 'listening') this.handedBack = false;
  }

  /** The first use of the box loads the matcher (once). */
  private warm(): void {
    void this.matcher().catch(() => {});
  }

  private async matcher(): Promise<Matcher> {
    const m = await (this.o.load ?? loadMatcher)();
    if (this.maxChars === Infinity) {
      this.maxChars = m.TYPED_MAX_CHARS;
      this.input.maxLength = m.TYPED_MAX_CHARS;
    }
    return m;
  }

  private async send(): Promise<void> {
    if (this.busy) return;
    const text = this.input.value.trim();
    const view = this.view;
    if (!text) return this.say(this.o.t('typed.empty'));
    if (!view || view.phase !== 'listening' || view.replies.length === 0) return this.say(this.o.t('typed.wait'));
    this.busy = true;
    let m: Matcher;
    try {
      m = await this.matcher();
    } catch {
      return this.say(this.o.t('typed.loadFailed'));
    } finally {
      this.busy = false;
    }
    // The call moved on while the matcher loaded: this text was for a turn that has gone.
    if (this.view !== view && (this.view?.turn !== view.turn || this.view?.phase !== 'listening')) return;
    const typed = text.slice(0, this.maxChars);
    const result: MatchResult = m.matchReply(this.o.scenario, this.o.node(), view.replies.map((r) => r.id), typed);
    switch (result.verdict) {
      case 'confident': {
        const reply = view.replies.find((r) => r.id === result.reply);
        if (reply) return this.play(reply.n, { typed, took: 'match' });
        return this.say(this.noMatch());
      }
      case 'unsure':
        return this.offer(typed, result);
      case 'none':
        this.closeSuggestions();
        return this.say(this.noMatch());
    }
  }

  private play(n: number, choice: TypedChoice): void {
    // The box is emptied first, so the view the choice brings finds it empty (see show).
    const text = this.input.value;
    const reply = this.view?.replies.find((r) => r.n === n);
    this.input.value = '';
    if (!this.o.choose(n, choice)) {
      this.input.value = text;
      return;
    }
    this.closeSuggestions();
    // What the text was taken as, in the reply's own words, until the customer listens again.
    this.say(reply ? this.o.t(choice.took === 'match' ? 'typed.takenAs' : 'typed.picked', { say: reply.say, interpolation: { escapeValue: false } }) : '');
    this.taken = reply !== undefined;
  }

  /** "Did you mean…": the closest replies on offer, in their own words, and a way to rephrase. */
  private offer(typed: string, result: MatchResult): void {
    const replies = this.view?.replies ?? [];
    // The closest three, shown with the buttons' numbers and in the buttons' order.
    const close = result.candidates
      .map((c) => replies.find((r) => r.id === c.reply))
      .filter((r) => r !== undefined)
      .slice(0, 3)
      .sort((a, b) => a.n - b.n);
    if (close.length === 0) return this.say(this.noMatch());
    this.asked = typed;
    fill(
      this.suggestList,
      ...close.map((r) => h('li', {}, button([h('span', { class: 'htl-reply-n' }, `${r.n}.`), ' ', h('span', { lang: this.o.scenario.locale }, r.say)], () => this.play(r.n, { typed: this.asked, took: 'suggestion' }), { class: 'htl-typed-choice', 'data-reply': r.id }))),
      h('li', {}, button(this.o.t('typed.rephrase'), () => this.rephrase(), { class: 'htl-typed-choice htl-typed-rephrase' })),
    );
    this.suggest.hidden = false;
    // On a phone the column scrolls: bring the choices into view (in landscape they are in view).
    this.suggest.scrollIntoView?.({ block: 'nearest' });
    this.say(this.o.t('typed.unsure', { count: close.length }));
  }

  private rephrase(): void {
    this.closeSuggestions();
    this.say('');
    this.input.focus();
    this.input.select();
  }

  private closeSuggestions(): void {
    this.suggest.hidden = true;
    fill(this.suggestList);
    this.asked = '';
  }

  private noMatch(): string {
    return this.o.t(this.o.typedOnly ? 'typed.noneOnly' : 'typed.none');
  }

  private say(text: string): void {
    if (this.message.textContent !== text) this.message.textContent = text;
  }

  /** Escape belongs to the box first: close the suggestions, clear the text, then leave the box. */
  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || e.repeat) return;
    e.preventDefault();
    e.stopPropagation();
    if (!this.suggest.hidden) return this.rephrase();
    if (this.input.value !== '' || this.message.textContent !== '') {
      this.input.value = '';
      this.say('');
      return;
    }
    const first = this.o.firstReply();
    if (first && first.offsetParent !== null) first.focus();
    else (document.activeElement as HTMLElement | null)?.blur();
  }

  destroy(): void {
    this.form.remove();
  }
}
