// The call graph in Graphviz's DOT language (also what the SVG is rendered from).
import { OUTCOMES } from '../../engine/index.js';
import { IDEAL_COLOUR, OUTCOME_COLOURS, QUIET_COLOUR, shorten, edgeText, mergeQuiet, type CallGraph } from './callGraph.js';

/**
 * A font Debian ships (fonts-dejavu-core, which Chromium depends on) that Graphviz has metrics
 * for: Graphviz sizes boxes by its own table of glyph widths, so the font drawn must be the one
 * measured, or text runs out of its box.
 */
export const GRAPH_FONT = 'DejaVu Sans';

/** A DOT string literal. */
const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;


export function toDot(g: CallGraph): string {
  const lines = [
    'digraph call {',
    `  label=${q(`${g.title}${g.hasIdealPath ? ' — bold: the shortest ideal path' : ' — no ideal path'}; dashed grey: timeouts and the customer giving up`)}; labelloc=t; fontname=${q(GRAPH_FONT)};`,
    `  rankdir=TB; node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname=${q(GRAPH_FONT)}, fontsize=11]; edge [fontname=${q(GRAPH_FONT)}, fontsize=9];`,
  ];
  for (const n of g.nodes) {
    const attrs = [`label=${q(`${n.outcome ? `${n.id} · ${n.outcome}` : n.id}${n.label ? `\n${shorten(n.label, 60)}` : ''}\n${shorten(n.say, 60)}`)}`];
    if (n.outcome) attrs.push(`shape=box`, `style="filled"`, `fillcolor=${q(OUTCOME_COLOURS[n.outcome])}`, `fontcolor="#ffffff"`);
    if (n.start) attrs.push('peripheries=2');
    if (n.onIdealPath) attrs.push('penwidth=3');
    lines.push(`  ${q(n.id)} [${attrs.join(', ')}];`);
  }
  const { edges, quiet } = mergeQuiet(g.edges);
  for (const e of edges) {
    const attrs = [`label=${q(edgeText(e))}`];
    if (e.takes > 0) attrs.push('arrowhead=diamond');
    if (e.onIdealPath) attrs.push('penwidth=3', `color=${q(IDEAL_COLOUR)}`);
    else attrs.push('color="#666666"');
    lines.push(`  ${q(e.from)} -> ${q(e.to)} [${attrs.join(', ')}];`);
  }
  // Timeouts and ways to the customer giving up: thin, grey, dashed, one line per pair of nodes.
  for (const e of quiet) {
    lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(e.label)}, style=dashed, color=${q(QUIET_COLOUR)}, fontcolor="#6b6b6b", fontsize=8, penwidth=0.7, arrowsize=0.6];`);
  }
  // A legend of the outcome colours used.
  const used = OUTCOMES.filter((o) => g.nodes.some((n) => n.outcome === o));
  if (used.length > 0) {
    lines.push('  subgraph cluster_legend { label="outcomes"; fontsize=10; style=dashed;');
    for (const o of used) lines.push(`    ${q(`legend:${o}`)} [label=${q(o)}, style=filled, fillcolor=${q(OUTCOME_COLOURS[o])}, fontcolor="#ffffff"];`);
    lines.push('  }');
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
