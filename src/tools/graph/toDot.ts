// The call graph in Graphviz's DOT language (also what the SVG is rendered from).
import { OUTCOMES } from '../../engine/index.js';
import { IDEAL_COLOUR, OUTCOME_COLOURS, shorten, edgeText, type CallGraph } from './callGraph.js';

/** A DOT string literal. */
const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;


export function toDot(g: CallGraph): string {
  const lines = [
    'digraph call {',
    `  label=${q(`${g.title}${g.hasIdealPath ? ' — bold: the shortest ideal path' : ' — no ideal path'}`)}; labelloc=t; fontname="Helvetica";`,
    '  rankdir=TB; node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=11]; edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const n of g.nodes) {
    const attrs = [`label=${q(`${n.id}\n${shorten(n.say, 60)}`)}`];
    if (n.outcome) attrs.push(`shape=box`, `style="filled"`, `fillcolor=${q(OUTCOME_COLOURS[n.outcome])}`, `fontcolor="#ffffff"`, `xlabel=${q(n.outcome)}`);
    if (n.start) attrs.push('peripheries=2');
    if (n.onIdealPath) attrs.push('penwidth=3');
    lines.push(`  ${q(n.id)} [${attrs.join(', ')}];`);
  }
  for (const e of g.edges) {
    const attrs = [`label=${q(edgeText(e))}`];
    if (e.kind === 'timeout') attrs.push('style=dashed');
    if (e.takes > 0) attrs.push('arrowhead=diamond');
    if (e.onIdealPath) attrs.push('penwidth=3', `color=${q(IDEAL_COLOUR)}`);
    else attrs.push('color="#666666"');
    lines.push(`  ${q(e.from)} -> ${q(e.to)} [${attrs.join(', ')}];`);
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
