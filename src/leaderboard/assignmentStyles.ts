// The look of assignments on the team page (.htl-assignments) and of the certificate page
// (.htl-certificate), beside the shared kit in styles.ts. The certificate is light on screen and
// in print: a bordered page that fits A4 and Letter alike (the smaller of the two, with margins).
import { adoptStyles } from './dom.js';

const CSS = `
.htl-assignments .htl-assignment { margin: 0 0 16px; }
.htl-assignments .htl-assignment:last-child { margin-bottom: 0; }
.htl-assignments .htl-assignment-meta { margin: 0 0 8px; color: var(--muted); }
.htl-assignments .htl-status-bar { display: flex; height: 14px; border-radius: 7px; overflow: hidden; border: 1px solid var(--line); margin: 6px 0; }
.htl-assignments .htl-status-bar span { display: block; }
.htl-assignments .htl-legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0 0 8px; padding: 0; list-style: none; }
.htl-assignments .htl-legend li::before { content: ""; display: inline-block; width: 0.8em; height: 0.8em; margin-right: 6px; border-radius: 2px; background: var(--sc); vertical-align: -1px; }
.htl-assignments [data-status="passed"] { --sc: #4da3ff; }
.htl-assignments [data-status="in-progress"] { --sc: #a9b4c2; }
.htl-assignments [data-status="not-started"] { --sc: #3a4656; }
.htl-assignments [data-status="overdue"] { --sc: #ffb347; }
.htl-assignments [data-status="failed"] { --sc: #e0702a; }
.htl-assignments .htl-status-bar span[data-status] { background: var(--sc); }
.htl-assignments .htl-status { display: inline-block; border: 2px solid var(--sc); border-radius: 12px; padding: 0 10px; white-space: nowrap; font-weight: 650; }
.htl-assignments .htl-status[data-status="passed"]::before { content: "✓ "; }
.htl-assignments .htl-status[data-status="failed"]::before, .htl-assignments .htl-status[data-status="overdue"]::before { content: "! "; }
.htl-assignments a { color: var(--accent); }
.htl-assignments .htl-table-scroll { overflow-x: auto; }

.htl-assign-trainer .htl-assign-form { display: flex; flex-direction: column; gap: 10px; max-width: 760px; margin-top: 12px; }
.htl-assign-trainer .htl-assign-form h4 { margin: 0; }
.htl-assign-trainer fieldset { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; display: flex; flex-wrap: wrap; gap: 6px 18px; }
.htl-assign-trainer fieldset > p { flex-basis: 100%; margin: 0; }
.htl-assign-trainer .htl-field { display: flex; flex-direction: column; gap: 2px; max-width: 24em; }
.htl-assign-trainer .htl-assign-form > button { align-self: flex-start; }
.htl-assign-trainer .htl-assign-grid { display: flex; flex-wrap: wrap; gap: 8px 18px; }
.htl-assign-trainer input[type="text"] { min-width: 24em; }
.htl-assign-trainer input[type="number"] { width: 8em; }
.htl-assign-trainer input { font: inherit; color: var(--text); background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 3px 6px; }
.htl-assign-trainer input[type="checkbox"] { accent-color: var(--accent); width: 1.1em; height: 1.1em; }
.htl-assign-trainer ul { margin: 4px 0 8px; padding-left: 20px; }
.htl-assign-trainer li { margin: 4px 0; }
.htl-assign-trainer .htl-assign-rounds { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 4px; }

.htl-certificate { --ink: #1d2633; --gold: #9a6b12; --paper: #fffdf7; min-height: 100vh; margin: 0; padding: 24px; box-sizing: border-box;
  background: #e9e5da; color: var(--ink); font: 16px/1.5 Georgia, "Times New Roman", "Noto Serif", serif; }
.htl-certificate *, .htl-certificate *::before, .htl-certificate *::after { box-sizing: inherit; }
.htl-certificate .htl-cert-tools { max-width: 190mm; margin: 0 auto 12px; display: flex; justify-content: flex-end; gap: 8px; font-family: system-ui, sans-serif; }
.htl-certificate button { font: 15px system-ui, sans-serif; padding: 6px 16px; border-radius: 6px; border: 1px solid var(--ink); background: var(--ink); color: var(--paper); cursor: pointer; }
.htl-certificate button:focus-visible { outline: 3px solid var(--gold); outline-offset: 2px; }
.htl-certificate .htl-cert-page { max-width: 190mm; min-height: 120mm; margin: 0 auto; background: var(--paper); padding: 12mm; border: 1px solid #c9bfa6;
  box-shadow: 0 2px 12px rgba(0, 0, 0, 0.15); }
.htl-certificate .htl-cert-frame { border: 3px double var(--gold); outline: 1px solid var(--gold); outline-offset: 4px; padding: 10mm 12mm; text-align: center; }
.htl-certificate h1 { font-size: 30px; letter-spacing: 0.06em; text-transform: uppercase; margin: 0 0 8mm; color: var(--gold); font-weight: normal; }
.htl-certificate .htl-cert-name { font-size: 34px; margin: 2mm 0; font-style: italic; overflow-wrap: anywhere; }
.htl-certificate .htl-cert-title { font-size: 22px; margin: 2mm 0 6mm; overflow-wrap: anywhere; }
.htl-certificate .htl-cert-small { margin: 0; color: #4a5563; }
.htl-certificate table { margin: 6mm auto; border-collapse: collapse; min-width: 60%; font-variant-numeric: tabular-nums; }
.htl-certificate th, .htl-certificate td { padding: 4px 10px; border-bottom: 1px solid #d8cfb8; text-align: right; }
.htl-certificate th:first-child, .htl-certificate td:first-child { text-align: left; }
.htl-certificate .htl-cert-code { font: 600 18px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: 0.08em; word-spacing: 0.3em; margin: 1mm 0; }
.htl-certificate .htl-cert-url { font: 13px ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; color: #4a5563; margin: 0; }
.htl-certificate .htl-cert-dates { display: flex; justify-content: space-between; gap: 12px; margin: 6mm 0 4mm; flex-wrap: wrap; }
.htl-certificate .htl-cert-void { text-align: center; max-width: 150mm; margin: 10vh auto; background: var(--paper); padding: 12mm; border: 1px solid #c9bfa6; }
.htl-certificate .htl-cert-void h1 { color: #8a3b12; }
.htl-certificate .htl-cert-valid { max-width: 190mm; margin: 0 auto 12px; padding: 8px 14px; border: 2px solid #2f7d32; border-radius: 6px; background: #eef7ee; color: #1e5a21;
  font: 600 17px/1.4 system-ui, sans-serif; }
@page { size: auto; margin: 12mm; }
@media print {
  /* A white page whatever the app's own background (printed with background graphics on). */
  html:has(.htl-certificate), body:has(.htl-certificate), :has(> .htl-certificate) { background: #fff !important; margin: 0; padding: 0; }
  /* The certificate centred on the page (its printable height: the page less its margins). */
  .htl-certificate { background: #fff; padding: 0; min-height: 0; height: calc(100vh - 1mm); display: flex; flex-direction: column; justify-content: center; }
  .htl-certificate .htl-cert-valid { display: none; }
  .htl-certificate .htl-cert-tools { display: none; }
  .htl-certificate .htl-cert-page { box-shadow: none; border: 0; margin: 0 auto; max-width: 186mm; padding: 0; break-inside: avoid; }
  .htl-certificate .htl-cert-frame { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export const injectAssignmentStyles = (doc: Document = document): void => adoptStyles(doc, 'htl-assignments', CSS);
