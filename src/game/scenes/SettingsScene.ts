// Settings: volume per channel, interface language, caption speed, the exam's reply timer, and
// reduced motion. Every change applies at once and is kept for the next visit.
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../i18n/index.js';
import { SCENES } from '../config.js';
import type { Services } from '../services.js';
import { CHANNELS, MOTION, TEXT_SPEEDS, type Channel, type Settings } from '../settings/settings.js';
import { button, h, type Child } from '../ui/dom.js';
import { BaseScene } from './BaseScene.js';

export class SettingsScene extends BaseScene {
  constructor(services: Services) {
    super(SCENES.settings, services);
  }

  protected build(): void {
    const panel = this.mount(h('main', { class: 'htl-screen htl-centre' }));
    this.render(panel, null);
  }

  private render(panel: HTMLElement, focusId: string | null): void {
    const t = this.t;
    const s = this.services.settings.get();
    const update = (patch: Partial<Settings>, id: string, rerender = false) => {
      this.services.settings.update(patch);
      if (rerender) void Promise.resolve().then(() => this.render(panel, id));
    };
    const field = (id: string, label: string, control: HTMLElement, help?: string) =>
      h('div', { class: 'htl-field' }, h('label', { for: id }, label), control, help ? h('p', { class: 'htl-help', id: `${id}-help` }, help) : null);
    const slider = (c: Channel) => {
      const id = `htl-vol-${c}`;
      const input = h('input', { id, type: 'range', min: 0, max: 100, step: 5, value: Math.round(s.volume[c] * 100) });
      input.addEventListener('input', () => update({ volume: { ...this.services.settings.get().volume, [c]: Number(input.value) / 100 } }, id));
      input.addEventListener('change', () => this.services.audio.play('click'));
      return field(id, t(`settings.volume.${c}`), input);
    };
    const select = <T extends string>(id: string, label: string, options: readonly T[], value: T, name: (o: T) => string, onChange: (v: T) => void, help?: string) => {
      const el = h('select', { id, ...(help ? { 'aria-describedby': `${id}-help` } : {}) }, ...options.map((o) => h('option', { value: o, selected: o === value }, name(o))));
      el.addEventListener('change', () => onChange(el.value as T));
      return field(id, label, el, help);
    };
    const timer = h('input', { id: 'htl-timer', type: 'checkbox', checked: s.replyTimer, 'aria-describedby': 'htl-timer-help' });
    timer.addEventListener('change', () => update({ replyTimer: timer.checked }, 'htl-timer'));
    const body: Child[] = [
      h('h1', { id: 'htl-settings-h' }, t('settings.heading')),
      h('fieldset', {}, h('legend', {}, t('settings.sound')), ...CHANNELS.map(slider)),
      h(
        'fieldset',
        {},
        h('legend', {}, t('settings.display')),
        select('htl-lang', t('settings.language'), LANGUAGES, s.language, (l: Language) => LANGUAGE_NAMES[l], (v) => update({ language: v }, 'htl-lang', true), t('settings.languageHelp')),
        select('htl-speed', t('settings.textSpeed'), TEXT_SPEEDS, s.textSpeed, (v) => t(`settings.speed.${v}`), (v) => update({ textSpeed: v }, 'htl-speed')),
        select('htl-motion', t('settings.motion'), MOTION, s.motion, (v) => t(`settings.motionOption.${v}`), (v) => update({ motion: v }, 'htl-motion'), t('settings.motionHelp')),
        h('div', { class: 'htl-field htl-check' }, timer, h('label', { for: 'htl-timer' }, t('settings.replyTimer')), h('p', { class: 'htl-help', id: 'htl-timer-help' }, t('settings.replyTimerHelp'))),
      ),
      h('div', { class: 'htl-row' }, button(t('common.done'), () => this.send({ type: 'BACK' }), { class: 'htl-btn htl-btn-primary', id: 'htl-settings-done' })),
    ];
    panel.replaceChildren(h('section', { class: 'htl-panel htl-settings', 'aria-labelledby': 'htl-settings-h' }, ...body));
    if (focusId) return panel.querySelector<HTMLElement>(`#${focusId}`)?.focus();
    // Opened: the first control has focus and the screen starts at its top (on a phone, where the
    // form scrolls, focusing anything further down would open it scrolled away from the heading).
    panel.querySelector<HTMLElement>('input, select, button')?.focus({ preventScroll: true });
    panel.scrollTop = 0;
  }
}
