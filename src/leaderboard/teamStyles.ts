// The team page's own look, under its root (.htl-team), beside the shared kit in styles.ts: the
// members table, the "hasn't practised" badge, the progress chart's three lines and the insights.
import { adoptStyles } from './dom.js';

const CSS = `
.htl-team .htl-insights-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 4px 24px; }
.htl-team .htl-table-scroll { overflow-x: auto; }
.htl-team .htl-table-scroll:focus-visible { outline: 3px solid var(--warm); outline-offset: 2px; }
.htl-team .htl-progress { max-width: none; }
.htl-team .htl-progress-chart { max-height: 45vh; }
.htl-team table.htl-members { --name-max: 12em; }
.htl-team table.htl-members th[scope="col"] { vertical-align: bottom; }
.htl-team .htl-members th[scope="row"] { font-weight: normal; }
.htl-team .htl-member-open { background: none; border: 0; padding: 2px 0; color: var(--accent); text-decoration: underline; text-underline-offset: 3px; text-align: left; max-width: 100%; }
.htl-team .htl-member-open[aria-expanded="true"] { font-weight: 650; }
.htl-team tr.htl-idle td, .htl-team tr.htl-idle th { background: rgba(255, 179, 71, 0.06); }
.htl-team .htl-badge { display: inline-block; border: 2px solid var(--warm); color: var(--warm); border-radius: 12px; padding: 0 10px; font-weight: 650; white-space: nowrap; }
@media (max-width: 900px) { .htl-team .htl-badge { white-space: normal; } .htl-team table.htl-members { --name-max: 9em; } }
.htl-team .htl-count-detail { display: block; font-size: 0.85em; white-space: nowrap; }
.htl-team .htl-badge::before { content: "! "; }
.htl-team .htl-practised { color: var(--muted); }
.htl-team .htl-practised::before { content: "✓ "; }
.htl-team .htl-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.htl-team .htl-member { border-color: var(--accent); }
.htl-team .htl-member h3:focus { outline: none; }
.htl-team .htl-member h3:focus-visible { outline: 3px solid var(--warm); outline-offset: 2px; }
.htl-team .htl-progress { margin: 0; }
.htl-team .htl-progress-chart text { font-size: 13px; }
.htl-team .htl-progress-chart .line { fill: none; stroke-width: 2.5; }
.htl-team .htl-s1 .line { stroke: #56b4e9; } .htl-team .dot.htl-s1 { fill: #56b4e9; }
.htl-team .htl-s2 .line { stroke: #e69f00; } .htl-team .dot.htl-s2 { fill: #e69f00; }
.htl-team .htl-s3 .line { stroke: #cc79a7; } .htl-team .dot.htl-s3 { fill: #cc79a7; }
.htl-team .htl-legend { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; margin: 6px 0; padding: 0; }
.htl-team .htl-legend li { display: flex; align-items: center; gap: 6px; }
.htl-team details { margin-top: 6px; }
.htl-team summary { cursor: pointer; color: var(--accent); }
.htl-team .htl-insight h4 { margin: 12px 0 4px; }
.htl-team .htl-insight-list { margin: 0; padding-left: 20px; }
.htl-team .htl-insight-list li { margin: 6px 0; display: flex; flex-direction: column; align-items: flex-start; gap: 2px; }
.htl-team .htl-insight-list li::marker { color: var(--muted); }
.htl-team .htl-weakest { font-size: 1.15em; font-weight: 650; }
.htl-team .htl-example { margin-top: 2px; }
@media print {
  .htl-team .htl-table-scroll { overflow: visible; }
  .htl-team .htl-member-open { display: inline !important; color: #000; text-decoration: none; }
  .htl-team .htl-badge { border-color: #000; color: #000; }
  .htl-team details > table { display: table; }
}
`;

const ID = 'htl-team-styles';

export function injectTeamStyles(doc: Document = document): void {
  adoptStyles(doc, ID, CSS);
}
