// Practice or exam: a radio group as the ARIA pattern has it. One tab stop (the chosen mode);
// the arrow keys (and Home/End) move to the other mode and choose it; Space or Enter choose the
// focused one. The buttons are made once and only their state changes, so focus never drops to
// the page when the choice changes.
import type { TFunction } from 'i18next';
import type { Mode } from '../../engine/index.js';
import { h } from '../ui/dom.js';

export const MODES: readonly Mode[] = ['practice', 'exam'];

export interface ModeChoice {
  readonly el: HTMLElement;
  /** Shows `mode` as chosen (without telling onChange). */
  set(mode: Mode): void;
}

/** Where an arrow key, Home or End moves from `index` among `count` radios; null for other keys. */
export function radioStep(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export function modeChoice(t: TFunction, initial: Mode, onChange: (mode: Mode) => void): ModeChoice {
  let current = initial;
  const radios = MODES.map((m) =>
    h(
      'button',
      { type: 'button', role: 'radio', class: 'htl-mode', 'data-mode': m, 'aria-describedby': `htl-mode-${m}-help` },
      h('strong', {}, t(`mode.${m}`)),
      h('span', { id: `htl-mode-${m}-help` }, t(`mode.${m}Help`)),
    ),
  );
  const el = h('div', { class: 'htl-modes', role: 'radiogroup', 'aria-label': t('picker.mode') }, ...radios);
  const show = () =>
    radios.forEach((r, i) => {
      const on = MODES[i] === current;
      r.setAttribute('aria-checked', String(on));
      r.tabIndex = on ? 0 : -1;
    });
  const choose = (i: number, focus: boolean) => {
    const mode = MODES[i]!;
    if (focus) radios[i]!.focus();
    if (mode === current) return;
    current = mode;
    show();
    onChange(mode);
  };
  radios.forEach((r, i) => {
    r.addEventListener('click', () => choose(i, false));
    r.addEventListener('keydown', (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const to = radioStep(e.key, i, radios.length);
      if (to !== null) {
        e.preventDefault();
        return choose(to, true);
      }
      // Space and Enter choose the focused mode (the button's own click would too, but only
      // on key-up for Space: choosing at once keeps a quick Tab from landing elsewhere first).
      if (e.key === ' ' || e.key === 'Enter') {
        e.preventDefault();
        choose(i, true);
      }
    });
  });
  show();
  return { el, set: (mode) => ((current = mode), show()) };
}
