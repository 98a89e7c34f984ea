// The trainer page's own look (its team cards, roster, codes), the confirmation dialog and the
// undo bar; scoped under their own classes so they restyle no other view. The shared kit (type,
// buttons, tables, names) is styles.ts's, under .htl-lb.
import { adoptStyles } from './dom.js';

const CSS = `
.htl-trainer .htl-team { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px; margin: 12px 0; }
.htl-trainer .htl-team > .htl-head { margin-bottom: 4px; }
.htl-trainer .htl-team > .htl-head .htl-group { align-items: center; }
.htl-trainer .htl-team h3 { margin: 0; min-width: 0; font-size: 1.2em; }
.htl-trainer .htl-team h3 .htl-player-name { --name-max: 24em; }
.htl-trainer .htl-codes { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 6px 12px; align-items: center; margin: 8px 0; }
.htl-trainer .htl-codes dt { color: var(--muted); }
.htl-trainer .htl-codes dd { margin: 0; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; min-width: 0; }
.htl-trainer .htl-codes code { font-size: 1.15em; letter-spacing: 0.08em; }
.htl-trainer input { font: inherit; color: var(--text); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 3px 8px; }
.htl-trainer input:focus-visible { outline: 3px solid var(--warm); outline-offset: 1px; }
.htl-trainer input.htl-url { flex: 1 1 22em; min-width: 0; }
.htl-trainer input[type="number"] { width: 5em; }
.htl-trainer form.htl-inline { display: inline-flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 0; }
.htl-trainer details > summary { cursor: pointer; padding: 4px 0; font-weight: 650; }
.htl-trainer details > summary:focus-visible { outline: 3px solid var(--warm); outline-offset: 2px; }
.htl-trainer .htl-roster { margin-top: 6px; overflow-x: auto; }
.htl-trainer .htl-roster td.htl-actions { white-space: nowrap; }
.htl-trainer .htl-roster tr.htl-removed td:not(.htl-actions) { color: var(--muted); }
.htl-trainer .htl-flag { display: inline-block; border: 1px solid var(--warm); color: var(--warm); border-radius: 4px; padding: 0 6px; font-size: 0.85em; }
.htl-trainer .htl-saved { color: var(--muted); }
.htl-trainer { min-height: 100vh; }
.htl-trainer a { color: var(--accent); }
/* A link that opens a view, beside buttons: looks and lines up like them. */
.htl-trainer a.htl-button-link, .htl-trainer a.htl-button-link:visited { display: inline-block; color: var(--text); background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px; text-decoration: none; line-height: inherit; }
.htl-trainer a.htl-button-link:hover { border-color: var(--accent); }
.htl-trainer a:visited { color: #b99cff; }
.htl-lb button.htl-danger { border-color: var(--warm); }
dialog.htl-confirm { max-width: min(32em, 92vw); border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; }
dialog.htl-confirm::backdrop { background: rgba(0, 0, 0, 0.6); }
dialog.htl-confirm .htl-confirm-question { font-weight: 650; margin: 0 0 8px; }
dialog.htl-confirm .htl-group { justify-content: flex-end; margin-top: 12px; }
/* A bar along the bottom edge; the page it is in gains as much room below, so it covers no cell. */
.htl-undo { position: fixed; left: 0; right: 0; bottom: 0; z-index: 20; display: flex; gap: 12px; align-items: center; justify-content: center; flex-wrap: wrap;
  background: #eef2f7; color: #10161f; padding: 8px 16px; box-shadow: 0 -2px 12px rgba(0, 0, 0, 0.5); font: 15px/1.45 system-ui, sans-serif; min-height: 52px; }
.htl-lb:has(> .htl-undo) { padding-bottom: 72px; }
.htl-undo button { font: inherit; font-weight: 650; color: #04111f; background: #4da3ff; border: 0; border-radius: 6px; padding: 4px 14px; cursor: pointer; }
.htl-undo button:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
`;

const ID = 'htl-trainer-styles';

export function injectTrainerStyles(doc: Document = document): void {
  adoptStyles(doc, ID, CSS);
}
