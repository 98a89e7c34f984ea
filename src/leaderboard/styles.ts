// The leaderboard's look, injected once per document. Colours are from a colour-blind-safe set
// (blue / orange / neutral), never meaning carried by red versus green alone.
const CSS = `
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
.htl-lb .htl-champions { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 8px; }
.htl-lb .htl-champion { border-left: 4px solid var(--warm); padding: 4px 10px; }
.htl-lb .htl-champion strong { display: block; font-size: 1.15em; overflow-wrap: anywhere; }
.htl-lb .htl-chart { width: 100%; height: auto; display: block; }
.htl-lb .htl-chart .axis { stroke: var(--line); }
.htl-lb .htl-chart text { fill: var(--muted); font-size: 11px; }
.htl-lb .htl-chart .trend { fill: none; stroke: var(--accent); stroke-width: 2.5; }
.htl-lb .htl-chart .dot { fill: var(--warm); }
.htl-lb .htl-error { border-left: 4px solid var(--warm); padding: 8px 12px; }
.htl-lb .htl-outbox { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
.htl-lb .htl-outbox ul { list-style: none; margin: 4px 0 0; padding: 0; width: 100%; }
.htl-lb .htl-outbox li { display: flex; gap: 8px; align-items: baseline; padding: 2px 0; }
.htl-lb .htl-status-refused { color: var(--warm); }
dialog.htl-replay { max-width: min(900px, 96vw); width: 100%; max-height: 92vh; padding: 0; border: 1px solid #2c3847; border-radius: 10px; }
dialog.htl-replay::backdrop { background: rgba(0, 0, 0, 0.6); }
.htl-replay .htl-lb { padding: 20px; }
.htl-lb .htl-timeline { position: static; overflow: visible; background: none; border: 0; border-radius: 0; padding: 0; } /* not the game's debrief panel (game/ui/styles.css) */
.htl-lb .htl-turn { display: block; font-size: inherit; border-left: 3px solid var(--line); padding: 4px 0 8px 12px; margin: 10px 0; }
.htl-lb .htl-turn.htl-current { border-left-color: var(--warm); }
.htl-lb .htl-say { font-style: italic; }
.htl-lb .htl-replies { margin: 4px 0; padding-left: 20px; }
.htl-lb .htl-replies li.htl-chosen { font-weight: 650; }
.htl-lb .htl-replies li.htl-chosen::marker { content: "▶ "; color: var(--warm); }
.htl-lb .htl-loss { color: var(--warm); }
.htl-lb .htl-better { border-left: 3px solid var(--accent); padding-left: 8px; margin-top: 4px; }
.htl-lb .htl-scores { display: flex; flex-wrap: wrap; gap: 16px; font-size: 1.1em; }
.htl-lb .htl-scores b { font-size: 1.4em; }
.htl-lb .htl-old-rules { border-left: 4px solid var(--warm); background: var(--panel); border-radius: 4px; padding: 6px 12px; margin: 8px 0 0; }
.htl-lb .htl-fact-list { margin: 2px 0 6px; padding-left: 20px; }
.htl-meeting.htl-lb { --bg: #000; --panel: #0b0b0b; --text: #fff; --muted: #e0e0e0; --accent: #5cb8ff; --warm: #ffd24d; --line: #555;
  font-size: clamp(18px, 2.1vw, 40px); position: fixed; inset: 0; overflow: auto; max-height: none; padding: 2vw 3vw 4vw; }
.htl-meeting .htl-slide-title { font-size: 1.6em; margin: 0 0 0.4em; }
.htl-meeting table { font-size: 0.8em; }
.htl-meeting .htl-grid { grid-template-columns: minmax(0, 1fr); }
.htl-meeting .htl-chart { max-height: 28vh; }
.htl-meeting caption { display: none; }
dialog.htl-meeting-replay { max-width: 96vw; }
.htl-meeting-replay .htl-lb { font-size: clamp(16px, 1.6vw, 30px); --bg: #000; --text: #fff; --muted: #e0e0e0; --warm: #ffd24d; }
.htl-meeting th, .htl-meeting td { padding: 0.3em 0.5em; }
.htl-meeting .htl-chart text { font-size: 14px; }
.htl-meeting .htl-controls { position: fixed; right: 2vw; bottom: 2vh; display: flex; gap: 8px; font-size: 0.6em; }
.htl-meeting .htl-progress { position: fixed; left: 0; bottom: 0; height: 6px; background: var(--warm); width: 0; }
@media (prefers-reduced-motion: no-preference) { .htl-meeting .htl-progress { transition: width 0.25s linear; } }
`;

const ID = 'htl-leaderboard-styles';

export function injectStyles(doc: Document = document): void {
  if (doc.getElementById(ID)) return;
  const style = doc.createElement('style');
  style.id = ID;
  style.textContent = CSS;
  doc.head.append(style);
}
