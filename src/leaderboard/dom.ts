// Building DOM without innerHTML: every string becomes a text node, so a player's name is always
// shown as text, never parsed as HTML.
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

function apply(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    // Through the CSSOM: the page's Content-Security-Policy refuses style attributes set as text.
    else if (k === 'style' && 'style' in el) (el as HTMLElement).style.cssText = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** An HTML element: `h('button', { class: 'x', onclick: fn }, 'Label')`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, same shape as `h`. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

const adopted = new WeakMap<Document, Set<string>>();

/**
 * Adds a view's stylesheet to the page once (by `id`), as a constructed stylesheet: the page's
 * Content-Security-Policy (src/server/securityHeaders.ts) refuses inline <style> elements, not
 * sheets built by script.
 */
export function adoptStyles(doc: Document, id: string, css: string): void {
  const done = adopted.get(doc) ?? new Set<string>();
  if (done.has(id)) return;
  const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  done.add(id);
  adopted.set(doc, done);
}

/** Replaces the element's content. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/**
 * A player's name as the leaderboard shows it: one line, cut with an ellipsis where it does not
 * fit (styles.ts .htl-player-name); the whole name stays its text (what a screen reader reads)
 * and its title (what a pointer shows on hover).
 */
export function playerName(name: string): HTMLSpanElement {
  return h('span', { class: 'htl-player-name', title: name }, name);
}

/**
 * A translated sentence with a player's name in it (`t('replay.title', { title, name })`), the
 * name shown by `playerName`: `sentence` is given the marker in place of the name.
 */
export function withName(sentence: (marker: string) => string, name: string): (Node | string)[] {
  const marker = '\u0001name\u0001';
  const parts = sentence(marker).split(marker);
  return parts.flatMap((p, i) => (i === 0 ? [p] : [playerName(name), p])).filter((p) => p !== '');
}

/**
 * Opens `body` in a modal dialog on the page; the dialog removes itself when closed (by its
 * close function, Escape or the browser) and then calls `onClose`.
 */
export function openModal(className: string, label: string, body: HTMLElement, onClose?: () => void): { dialog: HTMLDialogElement; close: () => void } {
  const dialog = h('dialog', { class: className, 'aria-label': label }, body);
  const close = () => {
    if (dialog.open) dialog.close();
  };
  dialog.addEventListener('close', () => {
    dialog.remove();
    onClose?.();
  });
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, close };
}
