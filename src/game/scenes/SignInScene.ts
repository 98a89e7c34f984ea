// Sign in: name and team code (joins the team on the server), or play offline. A server that
// cannot be reached never stops anyone playing: exam results wait in the outbox.
import { ApiError } from '../../client/index.js';
import { SCENES, STORAGE } from '../config.js';
import type { Services } from '../services.js';
import { button, h } from '../ui/dom.js';
import { BaseScene } from './BaseScene.js';

const NAME_MAX = 40;

export class SignInScene extends BaseScene {
  constructor(services: Services) {
    super(SCENES.signIn, services);
  }

  protected build(): void {
    const t = this.t;
    const previous = this.services.identity.get();
    const name = h('input', { id: 'htl-name', name: 'name', required: true, maxlength: NAME_MAX, autocomplete: 'nickname', value: previous?.player.name ?? '' });
    const code = h('input', { id: 'htl-code', name: 'code', required: true, minlength: 4, maxlength: 20, autocomplete: 'off', spellcheck: 'false', value: previous?.team.code ?? '', class: 'htl-code', 'aria-describedby': 'htl-code-help' });
    const status = h('p', { class: 'htl-form-status', role: 'status', 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit', class: 'htl-btn htl-btn-primary' }, t('signIn.join'));
    const form = h(
      'form',
      { class: 'htl-form', novalidate: true },
      h('label', { for: 'htl-name' }, t('signIn.name')),
      name,
      h('label', { for: 'htl-code' }, t('signIn.code')),
      code,
      h('p', { class: 'htl-help', id: 'htl-code-help' }, t('signIn.codeHelp')),
      status,
      h('div', { class: 'htl-row' }, submit, button(t('signIn.offline'), () => this.offline(), { class: 'htl-btn' }), button(t('common.back'), () => this.send({ type: 'BACK' }), { class: 'htl-btn htl-btn-ghost' })),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.join(name.value.trim(), code.value.trim().toUpperCase(), status, submit);
    });
    this.mount(h('main', { class: 'htl-screen htl-centre' }, h('section', { class: 'htl-panel htl-signin', 'aria-labelledby': 'htl-signin-h' }, h('h1', { id: 'htl-signin-h' }, t('signIn.heading')), h('p', {}, t('signIn.intro')), form)));
    (previous ? code : name).focus();
  }

  private offline(): void {
    localStorage.setItem(STORAGE.offline, '1');
    this.send({ type: 'OFFLINE' });
  }

  private async join(name: string, code: string, status: HTMLElement, submit: HTMLButtonElement): Promise<void> {
    const t = this.t;
    if (!name) return void (status.textContent = t('signIn.needName'));
    if (code.length < 4) return void (status.textContent = t('signIn.needCode'));
    submit.disabled = true;
    status.textContent = t('signIn.joining');
    try {
      const previous = this.services.identity.get();
      const sameTeam = previous && previous.team.code === code && previous.player.name === name;
      const identity = await this.services.client.join(code, name, sameTeam ? previous.token : undefined);
      this.services.identity.set(identity);
      this.services.outbox.signIn(identity);
      localStorage.removeItem(STORAGE.offline);
      this.send({ type: 'SIGNED_IN', player: { name: identity.player.name, team: identity.team.name } });
    } catch (e) {
      if (!this.scene.isActive()) return;
      submit.disabled = false;
      status.textContent = e instanceof ApiError ? this.explain(e) : t('signIn.failed');
    }
  }

  private explain(e: ApiError): string {
    const t = this.t;
    if (e.status === 0) return t('signIn.unreachable');
    if (e.status === 404) return t('signIn.noTeam');
    if (e.retryable) return t('signIn.tryLater');
    return t('signIn.refused', { message: e.message });
  }
}
