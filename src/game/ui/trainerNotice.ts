// Messages for trainers (a scenario that does not load, an unknown ?scenario=): a banner over
// every screen with each problem as file:line:col text, until the file is fixed or dismissed.
// Never a stack trace: players and trainers see what to fix and where.
import { button, fill, h } from './dom.js';
import type { UiLayer } from './UiLayer.js';

let banner: HTMLElement | null = null;

export function showTrainerNotice(ui: UiLayer, messages: readonly string[], heading = 'Scenario problem'): void {
  if (!banner) {
    banner = h('section', { class: 'htl-trainer-notice', role: 'alert', 'aria-label': heading });
  }
  const el = banner;
  fill(
    el,
    h('h2', {}, heading),
    h('ul', {}, ...messages.map((m) => h('li', {}, h('code', {}, m)))),
    button('×', () => clearTrainerNotice(), { class: 'htl-notice-close', 'aria-label': 'Dismiss' }),
  );
  if (!el.isConnected) ui.root.append(el);
}

export function clearTrainerNotice(): void {
  banner?.remove();
}
