// The leaderboard's look, added once per document (a constructed stylesheet: dom.ts adoptStyles).
// Colours are from a colour-blind-safe set (blue / orange / neutral), never meaning carried by red
// versus green alone.
//
// Scoped per view: the shared kit (type, buttons, tables, panels, names, the chart) is under
// .htl-lb, which every leaderboard view's root carries; each view's own rules are under that
// view's root class — .htl-lb-board (the board), .htl-replay (the replay dialog), .htl-meeting
// (the projector page), .htl-outbox-root (the outbox strip) — so no view can restyle another, and
// none of it matches the game's screens (whose rules, in game/ui/styles.css, are under theirs).
const KIT = `
.htl-lb { --bg: #10161f; --panel: #18212d; --text: #eef2f7; --muted: #a9b4c2; --accent: #4da3ff; --warm: #ffb347; --line: #2c3847;
  font: 15px/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--text); background: var(--bg);
  padding: 16px; box-sizing: border-box; max-height: 100%; overflow: auto; }
.htl-lb *, .htl-lb *::before, .htl-lb *::after { box-sizing: inherit; }
.htl-lb h2, .htl-lb h3 { margin: 0 0 8px; font-weight: 650; }
.htl-lb button { font: inherit; color: var(--text); background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px; cursor: pointer; }
.htl-lb button:hover { border-color: var(--accent); }
.htl-lb button:disabled { opacity: 0.45; cursor: default; border-color: var(--line); }
.htl-lb button:focus-visible, .htl-lb a:focus-visible, .htl-lb tr:focus-visible { outline: 3px solid var(--warm); outline-offset: 2px; }
.htl-lb button[aria-pressed="true"], .htl-lb button[aria-selected="true"] { background: var(--accent); color: #04111f; border-color: var(--accent); }
.htl-lb .htl-head { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; justify-content: space-between; margin-bottom: 12px; }
.htl-lb .htl-group { display: flex; flex-wrap: wrap; gap: 6px; }
.htl-lb .htl-muted { color: var(--muted); }
.htl-lb .htl-panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px; margin: 12px 0; }
.htl-lb .htl-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 12px; }
.htl-lb table { width: 100%; border-collapse: collapse; }
.htl-lb th, .htl-lb td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); }
.htl-lb td.num, .htl-lb th.num { text-align: right; font-variant-numeric: tabular-nums; }
.htl-lb tr.htl-me td { background: rgba(77, 163, 255, 0.15); font-weight: 650; }
.htl-lb tr[data-result] { cursor: pointer; }
.htl-lb tr[data-result]:hover td { background: rgba(255, 255, 255, 0.05); }
.htl-lb .htl-name { overflow-wrap: break-word; }
/* "· needs 2 more attempts" stays whole: it wraps as one piece after the name, never inside. */
.htl-lb .htl-needs { white-space: nowrap; }
.htl-lb .htl-mark { display: inline-block; margin-left: 6px; border: 1px solid var(--muted); color: var(--muted); border-radius: 10px; padding: 0 8px; white-space: nowrap; }
/* A player's name (dom.ts playerName): one line, cut with an ellipsis; the whole name is its text and title. */
.htl-lb .htl-player-name { display: inline-block; max-width: var(--name-max, 18em); vertical-align: bottom; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.htl-lb .htl-champions { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 8px; }
.htl-lb .htl-champion { border-left: 4px solid var(--warm); padding: 4px 10px; min-width: 0; }
.htl-lb .htl-champion strong { display: block; font-size: 1.15em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.htl-lb .htl-champion .htl-player-name { display: block; max-width: 100%; }
.htl-lb .htl-chart { width: 100%; height: auto; display: block; }
.htl-lb .htl-chart .axis { stroke: var(--line); }
.htl-lb .htl-chart text { fill: var(--muted); }
.htl-lb .htl-chart .trend { fill: none; stroke: var(--accent); stroke-width: 2.5; }
.htl-lb .htl-chart .gap { fill: none; stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 4 5; }
.htl-lb .htl-chart .dot { fill: var(--warm); }
.htl-lb .htl-chart .alone { fill: var(--bg); stroke: var(--warm); stroke-width: 3; }
.htl-lb .htl-chart text.value { fill: var(--text); font-weight: 650; }
.htl-lb .htl-chart-tools { display: flex; gap: 6px; justify-content: flex-end; margin-top: 6px; }
.htl-lb .htl-error { border-left: 4px solid var(--warm); padding: 8px 12px; }
.htl-lb .htl-more-rows { margin: 0.3em 0 0; }
/* Recent calls: fixed columns so the list never grows past its card; the call sits under the
   player's name, and in a narrow card the grade (also in the replay) gives way. */
.htl-lb .htl-recent { container-type: inline-size; }
.htl-lb .htl-recent table { table-layout: fixed; }
.htl-lb .htl-recent th, .htl-lb .htl-recent td { padding: 6px; vertical-align: top; overflow-wrap: anywhere; }
.htl-lb .htl-recent .htl-col-pick { width: 6.4em; }
.htl-lb .htl-recent th { overflow-wrap: normal; overflow: hidden; text-overflow: ellipsis; }
.htl-lb .htl-recent .htl-col-when { width: 10em; }
.htl-lb .htl-recent .htl-col-overall { width: 5em; }
.htl-lb .htl-recent .htl-col-grade { width: 4.6em; }
.htl-lb .htl-recent-player, .htl-lb .htl-recent-call { display: block; }
.htl-lb .htl-recent-call { color: var(--muted); }
.htl-lb .htl-recent .htl-player-name { max-width: 100%; }
@container (max-width: 28em) { .htl-lb .htl-recent .htl-col-grade { display: none; } }
`;

const OUTBOX = `
.htl-outbox-root .htl-outbox { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
.htl-outbox-root .htl-outbox ul { list-style: none; margin: 4px 0 0; padding: 0; width: 100%; }
.htl-outbox-root .htl-outbox li { display: flex; gap: 8px; align-items: baseline; padding: 2px 0; }
.htl-outbox-root .htl-status-refused { color: var(--warm); }
`;

// The replay: a dialog whose head (title, scores) stays put while the turns scroll under it.
const REPLAY = `
dialog.htl-replay { max-width: min(900px, 96vw); width: 100%; max-height: 92vh; padding: 0; border: 1px solid #2c3847; border-radius: 10px; overflow: hidden; background: #10161f; }
dialog.htl-replay::backdrop { background: rgba(0, 0, 0, 0.6); }
.htl-replay > .htl-lb { padding: 20px; max-height: 92vh; overflow: hidden; display: flex; flex-direction: column; gap: 8px; }
.htl-replay > .htl-lb > * { flex: none; margin-top: 0; margin-bottom: 0; }
.htl-replay .htl-replay-title { min-width: 0; flex: 1 1 20em; }
.htl-replay .htl-timeline { position: static; flex: 1 1 auto; min-height: 6em; overflow: auto; list-style: none; margin: 0; padding: 0 8px 0 0; background: none; border: 0; border-radius: 0; }
.htl-replay .htl-turn { display: block; position: static; font-size: inherit; border-left: 3px solid var(--line); padding: 4px 0 8px 12px; margin: 10px 0; }
.htl-replay .htl-turn:first-child { margin-top: 0; }
.htl-replay .htl-turn h3 { margin: 0 0 4px; font-size: 1.05em; }
.htl-replay .htl-turn p { margin: 0.3em 0; }
.htl-replay .htl-turn.htl-current { border-left-color: var(--warm); }
.htl-replay .htl-say { font-style: italic; }
.htl-replay .htl-replies { display: block; height: auto; overflow: visible; margin: 4px 0; padding: 0 0 0 2.2em; list-style: decimal; }
.htl-replay .htl-replies li.htl-chosen { font-weight: 650; }
.htl-replay .htl-replies li.htl-chosen::marker { content: "▶ "; color: var(--warm); }
.htl-replay .htl-loss { color: var(--warm); }
.htl-replay .htl-typed mark { background: var(--accent); color: #04111f; border-radius: 3px; padding: 0 2px; }
.htl-replay .htl-better { background: none; border-radius: 0; border-left: 3px solid var(--accent); padding: 0 0 0 8px; margin-top: 4px; }
.htl-replay .htl-scores { display: flex; flex-wrap: wrap; gap: 16px; font-size: 1.1em; }
.htl-replay .htl-scores b { font-size: 1.4em; }
.htl-replay .htl-old-rules { border-left: 4px solid var(--warm); background: var(--panel); border-radius: 4px; padding: 6px 12px; }
.htl-replay .htl-fact-list { margin: 2px 0 6px; padding-left: 20px; }
dialog.htl-meeting-replay { max-width: 96vw; max-height: 96vh; background: #000; }
.htl-meeting-replay > .htl-lb { font-size: max(16px, min(1.6vw, 2.6vh)); max-height: 96vh; --bg: #000; --panel: #0b0b0b; --text: #fff; --muted: #e0e0e0; --warm: #ffd24d; --accent: #5cb8ff; --line: #555; }
`;

// The projector page: one em is 24 px on a 1920×1080 screen (16 px at 1280×720), and nothing is
// smaller than one em. A grid of the slide and the controls under it, so they never overlap.
const MEETING = `
.htl-meeting.htl-lb { --bg: #000; --panel: #0b0b0b; --text: #fff; --muted: #e0e0e0; --accent: #5cb8ff; --warm: #ffd24d; --line: #555;
  font-size: max(12px, min(1.25vw, 2.2222vh)); line-height: 1.3; position: fixed; inset: 0; overflow: hidden; max-height: none;
  padding: 0.8em 1.5em 0.6em; display: grid; grid-template-rows: minmax(0, 1fr) auto; gap: 0.5em; }
.htl-meeting .htl-slide { min-height: 0; min-width: 0; overflow: hidden; display: flex; flex-direction: column; gap: 0.6em; }
.htl-meeting .htl-slide > * { flex: none; min-width: 0; }
.htl-meeting .htl-slide-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2em 1em; margin: 0; }
.htl-meeting .htl-slide-title { font-size: 1.6em; margin: 0; line-height: 1.15; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 100%; }
.htl-meeting .htl-slide-sub { margin: 0; }
.htl-meeting .htl-slide p { margin: 0; }
.htl-meeting h2 { font-size: 1.15em; margin: 0 0 0.3em; }
.htl-meeting .htl-champions { grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.5em 1em; }
.htl-meeting .htl-champion { padding: 0.1em 0.6em; }
.htl-meeting .htl-champion strong { font-size: 1.2em; }
.htl-meeting .htl-slide-body { flex: 1 1 auto; min-height: 0; display: grid; grid-template-columns: minmax(0, max-content) minmax(14em, 1fr); gap: 1.5em; }
.htl-meeting .htl-slide-body.htl-one { grid-template-columns: minmax(0, 1fr); }
.htl-meeting .htl-board-slot { min-width: 0; min-height: 0; overflow: hidden; --name-max: 10em; }
.htl-meeting .htl-chart-box { min-width: 0; min-height: 0; display: flex; flex-direction: column; }
.htl-meeting .htl-chart-slot { position: relative; flex: 1 1 auto; min-height: 0; }
.htl-meeting .htl-chart-slot > svg { position: absolute; inset: 0; width: 100%; height: 100%; }
.htl-meeting .htl-chart-slot > p { margin: 0; }
.htl-meeting table { font-size: 1em; }
.htl-meeting th, .htl-meeting td { padding: var(--row-pad, 0.2em) 0.45em; }
.htl-meeting caption { display: none; }
.htl-meeting .htl-controls { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.4em 1em; }
.htl-meeting .htl-controls .htl-group { gap: 0.3em; align-items: center; }
.htl-meeting .htl-controls .htl-group > span { line-height: 1; padding: 0 0.3em; }
.htl-meeting .htl-controls button { padding: 0.1em 0.6em; }
.htl-meeting .htl-progress { position: absolute; left: 0; bottom: 0; height: 0.25em; background: var(--warm); width: 0; }
.htl-meeting .htl-print { display: none; }
@media (prefers-reduced-motion: no-preference) { .htl-meeting .htl-progress { transition: width 0.25s linear; } }
`;

// Paper: black on white, no buttons, panels kept whole. The generic rules hold for every view
// (the board, the team page, the trainer's page); the meeting prints each slide on its own page.
const PRINT = `
@media print {
  .htl-lb { --bg: #fff; --panel: #fff; --text: #000; --muted: #333; --accent: #000; --warm: #000; --line: #888;
    color: #000; background: #fff; font-size: 11pt; max-height: none; overflow: visible; position: static; padding: 0; }
  .htl-lb button, .htl-lb [role="tablist"], .htl-lb .htl-chart-tools, .htl-lb input, .htl-lb form { display: none !important; }
  .htl-lb .htl-panel { border-color: #888; break-inside: avoid; }
  .htl-lb h1, .htl-lb h2, .htl-lb h3 { break-after: avoid; }
  .htl-lb thead { display: table-header-group; }
  .htl-lb tr { break-inside: avoid; }
  .htl-lb tr.htl-me td { background: none; }
  .htl-lb .htl-mark { white-space: normal; }
  .htl-lb .htl-chart { max-width: 16cm; break-inside: avoid; }
  .htl-lb .htl-chart .alone { fill: #fff; }
  .htl-lb .htl-player-name { max-width: 22em; }
  /* Whatever holds a leaderboard (the game's overlay, the page) prints white and lets it flow. */
  html:has(.htl-lb), body:has(.htl-lb), :has(> .htl-lb), :has(> * > .htl-lb) { background: #fff !important; color: #000; position: static !important; overflow: visible !important; height: auto !important; max-height: none !important; width: auto !important; max-width: none !important; box-shadow: none !important; }
  body:has(.htl-lb) canvas { display: none !important; }
  .htl-lb .htl-grid { display: block; }
  .htl-lb .htl-recent .htl-col-pick { display: none; }
  .htl-lb .htl-recent .htl-col-grade { display: table-cell; }
  .htl-lb th, .htl-lb td { padding: 3px 6px; }
  .htl-lb tr[data-result]:hover td { background: none; }
  dialog.htl-replay { display: none; }
  .htl-meeting.htl-lb { position: static; display: block; overflow: visible; font-size: 13pt; padding: 0; }
  .htl-meeting > .htl-slide, .htl-meeting > .htl-controls, .htl-meeting > .htl-progress { display: none; }
  .htl-meeting .htl-print { display: block; }
  .htl-meeting .htl-print-slide { break-after: page; break-inside: avoid; display: flex; flex-direction: column; gap: 0.6em; }
  .htl-meeting .htl-print-slide:last-child { break-after: auto; }
  .htl-meeting .htl-print-slide .htl-chart { height: auto; max-height: 8cm; }
  .htl-meeting .htl-slide-title { white-space: normal; }
}
`;

import { adoptStyles } from './dom.js';

const CSS = KIT + OUTBOX + REPLAY + MEETING + PRINT;
const ID = 'htl-leaderboard-styles';

export function injectStyles(doc: Document = document): void {
  adoptStyles(doc, ID, CSS);
}
