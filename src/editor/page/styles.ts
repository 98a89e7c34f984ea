// The editor's look, scoped under .htl-editor (a constructed stylesheet: the page's CSP refuses
// inline styles). Outcomes are told apart by colour and by a word and a border style, never by
// colour alone; the ideal path is thick and blue, a problem a warm outline and a count.
import { adoptStyles } from '../../leaderboard/dom.js';

const CSS = `
.htl-editor { --bg: #0e141c; --panel: #18212d; --text: #eef2f7; --muted: #a9b4c2; --accent: #4da3ff; --warm: #ffb347; --bad: #ff7b72; --line: #3a4a5e;
  font: 14px/1.4 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--text); background: var(--bg);
  position: fixed; inset: 0; display: flex; flex-direction: column; overflow: hidden; }
.htl-editor *, .htl-editor *::before, .htl-editor *::after { box-sizing: border-box; }
.htl-editor h1 { font-size: 17px; margin: 0; font-weight: 650; }
.htl-editor h2 { font-size: 15px; margin: 0 0 6px; }
.htl-editor h3 { font-size: 14px; margin: 10px 0 4px; }
.htl-editor button, .htl-editor select, .htl-editor input, .htl-editor textarea { font: inherit; color: var(--text); background: #0f1722; border: 1px solid var(--line); border-radius: 6px; }
.htl-editor button { padding: 4px 10px; cursor: pointer; background: var(--panel); }
.htl-editor button:hover:not(:disabled) { border-color: var(--accent); }
.htl-editor button:disabled { opacity: 0.5; cursor: default; }
.htl-editor button[aria-pressed="true"] { background: var(--accent); color: #04111f; border-color: var(--accent); }
.htl-editor :focus-visible { outline: 3px solid var(--warm); outline-offset: 2px; }
.htl-editor a { color: var(--accent); }
.htl-editor .htl-ed-bar { display: flex; flex-wrap: nowrap; gap: 8px; align-items: center; padding: 8px 12px; border-bottom: 1px solid var(--line); background: var(--panel); white-space: nowrap; }
.htl-editor .htl-ed-bar h1 { overflow: hidden; text-overflow: ellipsis; min-width: 6em; flex: 0 1 auto; }
.htl-editor .htl-ed-bar .htl-ed-grow { flex: 1; }
.htl-editor .htl-ed-status { color: var(--muted); margin: 0; flex: 0 1 16em; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
.htl-editor .htl-ed-count { flex: none; }
.htl-editor .htl-ed-count[data-state="error"] { color: var(--bad); border-color: var(--bad); }
.htl-editor .htl-ed-problems { max-height: 35vh; overflow: auto; padding: 6px 12px; border-bottom: 1px solid var(--line); background: var(--panel); }
.htl-editor .htl-ed-problems[hidden] { display: none; }
.htl-editor .htl-ed-status[data-state="error"] { color: var(--bad); }
.htl-editor .htl-ed-body { flex: 1; display: grid; grid-template-columns: minmax(0, 1fr) 420px; min-height: 0; }
.htl-editor .htl-ed-body > [hidden] { display: none; }
.htl-editor .htl-ed-map { position: relative; overflow: hidden; background: var(--bg); cursor: grab; touch-action: none; }
.htl-editor .htl-ed-map.htl-ed-dragging { cursor: grabbing; }
.htl-editor .htl-ed-plane { position: absolute; left: 0; top: 0; transform-origin: 0 0; }
.htl-editor .htl-ed-plane svg { position: absolute; left: 0; top: 0; overflow: visible; pointer-events: none; }
.htl-editor .htl-ed-edge { fill: none; stroke: #61748c; stroke-width: 1.5; pointer-events: visibleStroke; cursor: pointer; }
.htl-editor .htl-ed-edge:hover { stroke-width: 4; }
.htl-editor .htl-ed-edge.htl-ed-action { stroke-dasharray: 6 4; stroke: #c9a86b; }
.htl-editor .htl-ed-edge.htl-ed-ideal { stroke: var(--accent); stroke-width: 4; }
.htl-editor .htl-ed-edge.htl-ed-chosen { stroke: var(--warm); stroke-width: 3; }
.htl-editor .htl-ed-edge.htl-ed-chosen.htl-ed-ideal { stroke: var(--accent); stroke-width: 5; }
.htl-editor .htl-ed-node { position: absolute; width: 200px; height: 64px; padding: 4px 8px; text-align: left; overflow: hidden; border: 2px solid var(--line); background: #1b2736; border-radius: 8px; font-size: 12px; line-height: 1.25; }
.htl-editor .htl-ed-node b { display: block; font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.htl-editor .htl-ed-node span { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; color: #cfd8e3; }
.htl-editor .htl-ed-node[data-end] { border-style: double; border-width: 4px; }
.htl-editor .htl-ed-node[data-end="retained"] { background: #17324a; border-color: #4da3ff; }
.htl-editor .htl-ed-node[data-end="parted"], .htl-editor .htl-ed-node[data-end="redirected"] { background: #2e2a45; border-color: #b39ddb; }
.htl-editor .htl-ed-node[data-end="escalated"] { background: #263238; border-color: #90a4ae; }
.htl-editor .htl-ed-node[data-end="hung-up"], .htl-editor .htl-ed-node[data-end="abandoned"] { background: #3d2617; border-color: #ff9e40; }
.htl-editor .htl-ed-node.htl-ed-on-ideal { box-shadow: 0 0 0 3px var(--accent); }
.htl-editor .htl-ed-node[aria-current="true"] { outline: 3px solid var(--warm); outline-offset: 2px; }
.htl-editor .htl-ed-node[data-problems]::after { content: attr(data-problems); position: absolute; right: 2px; top: 2px; min-width: 18px; padding: 0 4px; border-radius: 9px; background: var(--warm); color: #1a1000; font-weight: 700; text-align: center; }
.htl-editor .htl-ed-node[data-errors]::after { background: var(--bad); }
.htl-editor .htl-ed-zoom { position: absolute; right: 8px; bottom: 8px; display: flex; gap: 4px; }
.htl-editor .htl-ed-legend { position: absolute; left: 8px; bottom: 8px; margin: 0; max-width: calc(100% - 190px); font-size: 12px; color: var(--muted); background: rgba(14,20,28,0.85); padding: 4px 8px; border-radius: 6px; }
.htl-editor .htl-ed-list { overflow: auto; padding: 8px 12px; }
.htl-editor .htl-ed-list ol { margin: 0; padding-left: 1.4em; }
.htl-editor .htl-ed-list li { margin: 4px 0; }
.htl-editor .htl-ed-list ul { margin: 2px 0 6px; padding-left: 1.2em; color: var(--muted); }
.htl-editor .htl-ed-panel { overflow: auto; padding: 10px 12px; border-left: 1px solid var(--line); background: var(--panel); }
.htl-editor .htl-ed-panel label { display: block; margin: 6px 0 2px; color: var(--muted); }
.htl-editor .htl-ed-panel textarea { width: 100%; min-height: 4.6em; max-height: 18em; field-sizing: content; resize: vertical; padding: 4px 6px; }
.htl-editor .htl-ed-panel input:not([type="checkbox"]), .htl-editor .htl-ed-panel select { width: 100%; padding: 3px 6px; }
.htl-editor .htl-ed-row { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6px; }
.htl-editor .htl-ed-row label { margin-top: 2px; }
.htl-editor .htl-ed-row.htl-ed-row2 { grid-template-columns: 1fr 1fr; }
.htl-editor .htl-ed-reply { border: 1px solid var(--line); border-radius: 8px; padding: 6px 8px; margin: 8px 0; }
.htl-editor .htl-ed-reply legend { padding: 0 4px; font-weight: 650; }
.htl-editor .htl-ed-actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; }
.htl-editor .htl-ed-msgs { margin: 6px 0; padding: 0; list-style: none; }
.htl-editor .htl-ed-msgs li { border-left: 4px solid var(--warm); padding: 2px 6px; margin: 4px 0; background: rgba(255,179,71,0.08); }
.htl-editor .htl-ed-msgs li[data-severity="error"] { border-color: var(--bad); background: rgba(255,123,114,0.1); }
.htl-editor .htl-ed-bounds { width: 100%; border-collapse: collapse; margin: 4px 0; }
.htl-editor .htl-ed-bounds th, .htl-editor .htl-ed-bounds td { text-align: left; padding: 2px 4px; border-bottom: 1px solid var(--line); }
.htl-editor .htl-ed-bounds td { font-variant-numeric: tabular-nums; }
.htl-editor .htl-ed-source { color: var(--muted); font-size: 12px; margin: 2px 0; }
.htl-editor .htl-ed-stale { color: var(--warm); font-weight: 650; }
.htl-editor .htl-ed-facts label { display: inline-flex; gap: 4px; align-items: center; margin: 2px 8px 2px 0; color: var(--text); }
.htl-editor .htl-ed-alert { margin: 0; padding: 8px 12px; background: #3a2414; border-bottom: 1px solid var(--warm); }
.htl-editor .htl-ed-alert pre { white-space: pre-wrap; margin: 4px 0; font-size: 12px; }
.htl-editor .htl-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export function injectEditorStyles(doc: Document = document): void {
  adoptStyles(doc, 'htl-editor', CSS);
}
