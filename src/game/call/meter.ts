// The DOM twin of a gauge drawn on the canvas: a real meter (0–100) for screen readers, its name
// shown beside the value it carries.
import { h } from '../ui/dom.js';

export function labelledMeter(className: string, name: string, value: HTMLElement): HTMLElement {
  return h('div', { class: className, role: 'meter', 'aria-label': name, 'aria-valuemin': 0, 'aria-valuemax': 100 }, h('span', { class: 'htl-muted' }, name), ' ', value);
}
