// Sign in: name and team code (joins the team on the server), the team code and a personal code
// (comes back as the same player on another device), or play offline. A new player is shown their
// personal code once, to write down. A name someone in the team has is either that person (their
// personal code) or a different person joining as "Anna (2)", by choosing to. A server that cannot
// be reached never stops anyone playing: exam results wait in the outbox.
import { ApiError, type Identity } from '../../client/index.js';
import { SCENES, STORAGE } from '../config.js';
import { rememberGuide } from '../guide/guideStore.js';
import type { Services } from '../services.js';
import { button, fill, h } from '../ui/dom.js';
import { BaseScene } from './BaseScene.js';

const NAME_MAX = 40;
/** As the server checks it (src/server/store/personalCodes.ts): ten of the join code's letters and digits. */
const PERSONAL_CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}$/;
const tidyCode = (s: string) => s.toUpperCase().replace(/[\s-]/g, '');

type Mode = 'join' | 'code';

export class SignInScene extends BaseScene {
  constructor(services: Services) {
    super(SCENES.signIn, services);
  }

  protected build(): void {
    const t = this.t;
    const previous = this.services.identity.get();
    let mode: Mode = 'join';
    const name = h('input', { id: 'htl-name', name: 'name', required: true, maxlength: NAME_MAX, autocomplete: 'nickname', value: previous?.player.name ?? '' });
    const code = h('input', { id: 'htl-code', name: 'code', required: true, minlength: 4, maxlength: 20, autocomplete: 'off', spellcheck: 'false', value: previous?.team.code ?? '', class: 'htl-code', 'aria-describedby': 'htl-code-help' });
    const personal = h('input', {
      id: 'htl-personal-code',
      name: 'personal-code',
      maxlength: 20,
      autocomplete: 'off',
      spellcheck: 'false',
      class: 'htl-code',
      placeholder: 'XXXXX-XXXXX',
      'aria-describedby': 'htl-personal-help',
    });
    const status = h('p', { class: 'htl-form-status', role: 'status', 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit', class: 'htl-btn htl-btn-primary' }, t('signIn.join'));
    /** The name-taken question, when it is asked. */
    const question = h('div', { class: 'htl-name-taken', role: 'group', 'aria-labelledby': 'htl-name-taken-q', hidden: true });
    const nameRow = h('div', { class: 'htl-field' }, h('label', { for: 'htl-name' }, t('signIn.name')), name);
    const personalRow = h(
      'div',
      { class: 'htl-field', hidden: true },
      h('label', { for: 'htl-personal-code' }, t('signIn.personalCode')),
      personal,
      h('p', { class: 'htl-help', id: 'htl-personal-help' }, t('signIn.personalCodeHelp')),
    );
    const switcher = button(t('signIn.haveCode'), () => setMode(mode === 'join' ? 'code' : 'join'), { class: 'htl-link', id: 'htl-signin-switch' });

    const setMode = (next: Mode, focus = true) => {
      mode = next;
      nameRow.hidden = next === 'code';
      personalRow.hidden = next === 'join';
      question.hidden = true;
      fill(question);
      submit.textContent = next === 'join' ? t('signIn.join') : t('signIn.signInWithCode');
      switcher.textContent = next === 'join' ? t('signIn.haveCode') : t('signIn.newHere');
      status.textContent = '';
      if (focus) (next === 'code' ? (code.value ? personal : code) : name).focus();
    };

    const form = h(
      'form',
      { class: 'htl-form', novalidate: true },
      nameRow,
      h('label', { for: 'htl-code' }, t('signIn.code')),
      code,
      h('p', { class: 'htl-help', id: 'htl-code-help' }, t('signIn.codeHelp')),
      personalRow,
      h('p', {}, switcher),
      question,
      status,
      h('div', { class: 'htl-row' }, submit, button(t('signIn.offline'), () => this.offline(), { class: 'htl-btn' }), button(t('common.back'), () => this.send({ type: 'BACK' }), { class: 'htl-btn htl-btn-ghost' })),
    );
    const busy = (on: boolean) => (submit.disabled = on);
    const ui = { status, busy };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const teamCode = code.value.trim().toUpperCase();
      if (mode === 'code') void this.signInWithCode(teamCode, personal.value, ui);
      else void this.join(name.value.trim(), teamCode, ui, { asNew: false, question, onItsMe: () => setMode('code') });
    });
    const panel = h('section', { class: 'htl-panel htl-signin', 'aria-labelledby': 'htl-signin-h' }, h('h1', { id: 'htl-signin-h' }, t('signIn.heading')), h('p', {}, t('signIn.intro')), form);
    this.panel = panel;
    this.mount(h('main', { class: 'htl-screen htl-centre' }, panel));
    (previous ? code : name).focus();
  }

  private panel: HTMLElement | null = null;

  private offline(): void {
    localStorage.setItem(STORAGE.offline, '1');
    this.send({ type: 'OFFLINE' });
  }

  private async join(name: string, code: string, ui: { status: HTMLElement; busy: (on: boolean) => void }, o: { asNew: boolean; question: HTMLElement; onItsMe: () => void }): Promise<void> {
    const t = this.t;
    if (!name) return void (ui.status.textContent = t('signIn.needName'));
    if (code.length < 4) return void (ui.status.textContent = t('signIn.needCode'));
    ui.busy(true);
    ui.status.textContent = t('signIn.joining');
    try {
      const previous = this.services.identity.get();
      const sameTeam = previous && previous.team.code === code && previous.player.name === name;
      const identity = await this.services.client.join(code, name, sameTeam ? previous.token : undefined, { asNew: o.asNew });
      // The same player again on this device: the code this browser was shown stays known.
      const known = identity.personalCode ?? (previous && previous.player.id === identity.player.id && previous.team.code === identity.team.code ? previous.personalCode : undefined);
      this.signedIn(known ? { ...identity, personalCode: known } : identity, identity.personalCode !== undefined);
    } catch (e) {
      if (!this.scene.isActive()) return;
      ui.busy(false);
      if (e instanceof ApiError && (e.code === 'name-taken' || e.code === 'name-confusable') && !o.asNew) {
        ui.status.textContent = '';
        return this.askWhoItIs(name, code, ui, { ...o, looksLike: e.code === 'name-confusable' ? (e.details.existing ?? null) : null });
      }
      ui.status.textContent = e instanceof ApiError ? this.explain(e) : t('signIn.failed');
    }
  }

  /**
   * "That name is taken. Is it you?": the personal code, or a different person as "Anna (2)". The
   * same question for a name that only looks like a member's (`looksLike`: "Vіctor" for "Victor").
   */
  private askWhoItIs(name: string, code: string, ui: { status: HTMLElement; busy: (on: boolean) => void }, o: { question: HTMLElement; onItsMe: () => void; looksLike: string | null }): void {
    const t = this.t;
    const itsMe = button(t('signIn.itsMe'), () => o.onItsMe(), { class: 'htl-btn htl-btn-primary', id: 'htl-its-me' });
    const other = button(t('signIn.differentPerson', { name: `${name} (2)` }), () => void this.join(name, code, ui, { ...o, asNew: true }), { class: 'htl-btn', id: 'htl-different-person' });
    const question = o.looksLike === null ? t('signIn.nameTaken', { name }) : t('signIn.nameConfusable', { name, existing: o.looksLike });
    fill(o.question, h('p', { id: 'htl-name-taken-q', role: 'alert' }, question), h('div', { class: 'htl-row' }, itsMe, other));
    o.question.hidden = false;
    itsMe.focus();
  }

  private async signInWithCode(code: string, typed: string, ui: { status: HTMLElement; busy: (on: boolean) => void }): Promise<void> {
    const t = this.t;
    if (code.length < 4) return void (ui.status.textContent = t('signIn.needCode'));
    if (!PERSONAL_CODE.test(tidyCode(typed))) return void (ui.status.textContent = t('signIn.needPersonalCode'));
    ui.busy(true);
    ui.status.textContent = t('signIn.signingIn');
    try {
      // Signing in again as oneself: someone who has played before, so no guided first call.
      this.signedIn(await this.services.client.signInWithCode(code, typed), false, true);
    } catch (e) {
      if (!this.scene.isActive()) return;
      ui.busy(false);
      ui.status.textContent = e instanceof ApiError ? this.explain(e) : t('signIn.failed');
    }
  }

  /** Remembers the player; a new one first sees their personal code, once. */
  private signedIn(identity: Identity, showCode: boolean, returning = false): void {
    this.services.identity.set(identity);
    this.services.outbox.signIn(identity);
    this.services.historyOutbox.signIn(identity);
    localStorage.removeItem(STORAGE.offline);
    if (returning) rememberGuide(localStorage, 'seen');
    const go = () => this.send({ type: 'SIGNED_IN', player: { name: identity.player.name, team: identity.team.name }, returning });
    if (!showCode || !identity.personalCode || !this.panel) return go();
    const t = this.t;
    const next = button(t('signIn.codeNoted'), go, { class: 'htl-btn htl-btn-primary' });
    fill(
      this.panel,
      h('h1', { id: 'htl-signin-h' }, t('signIn.welcome', { name: identity.player.name, team: identity.team.name })),
      h('p', {}, t('signIn.yourCodeIs')),
      h('p', { class: 'htl-code htl-personal-code', id: 'htl-new-personal-code', style: 'font-size:2em;margin:0.4em 0' }, identity.personalCode),
      h('p', {}, t('signIn.codeWhy')),
      h('p', { class: 'htl-help' }, t('signIn.codeOnce')),
      h('div', { class: 'htl-row' }, next),
    );
    next.focus();
  }

  private explain(e: ApiError): string {
    const t = this.t;
    if (e.status === 0) return t('signIn.unreachable');
    if (e.code === 'wrong-personal-code') return t('signIn.wrongPersonalCode');
    if (e.code === 'rate-limited') return t('signIn.rateLimited');
    if (e.code === 'player-removed') return t('signIn.removed');
    if (e.code === 'read-only-code') return t('signIn.readOnlyCode');
    if (e.code === 'name-empty') return t('signIn.nameEmpty');
    if (e.code === 'name-control') return t('signIn.nameControl');
    if (e.status === 404) return t('signIn.noTeam');
    if (e.retryable) return t('signIn.tryLater');
    return t('signIn.refused', { message: e.message });
  }
}
