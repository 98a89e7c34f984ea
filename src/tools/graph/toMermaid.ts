// The call graph as a Mermaid flowchart (renders in GitHub, GitLab and most Markdown viewers).
import { OUTCOMES } from '../../engine/index.js';
import { IDEAL_COLOUR, OUTCOME_COLOURS, shorten, edgeText, type CallGraph } from './callGraph.js';

/** Mermaid text in double quotes: quotes and the characters Mermaid reads as syntax become entities. */
const text = (s: string) => `"${s.replace(/"/g, '#quot;').replace(/[|<>]/g, (c) => `#${c.charCodeAt(0)};`).replace(/\r?\n/g, '<br/>')}"`;


export function toMermaid(g: CallGraph): string {
  // Mermaid ids: plain words only, so nodes are numbered and labelled with their real id.
  const ids = new Map(g.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ['flowchart TD'];
  for (const n of g.nodes) {
    const label = text(`${n.id}\n${shorten(n.say, 60)}${n.outcome ? `\n(${n.label ? `${shorten(n.label, 60)}: ` : ''}${n.outcome})` : ''}`);
    lines.push(`  ${ids.get(n.id)}${n.outcome ? `([${label}])` : `[${label}]`}`);
  }
  const idealLinks: number[] = [];
  g.edges.forEach((e, i) => {
    const arrow = e.onIdealPath ? '==>' : e.quiet ? '-.->' : '-->';
    if (e.onIdealPath) idealLinks.push(i);
    lines.push(`  ${ids.get(e.from)} ${arrow}|${text(edgeText(e))}| ${ids.get(e.to)}`);
  });
  for (const o of OUTCOMES) {
    const members = g.nodes.filter((n) => n.outcome === o).map((n) => ids.get(n.id)!);
    if (members.length === 0) continue;
    const cls = o.replace('-', '_');
    lines.push(`  classDef ${cls} fill:${OUTCOME_COLOURS[o]},color:#ffffff,stroke:#333333`);
    lines.push(`  class ${members.join(',')} ${cls}`);
  }
  const start = g.nodes.find((n) => n.start);
  if (start) lines.push(`  style ${ids.get(start.id)} stroke-width:3px`);
  if (idealLinks.length > 0) lines.push(`  linkStyle ${idealLinks.join(',')} stroke:${IDEAL_COLOUR},stroke-width:3px`);
  return lines.join('\n') + '\n';
}
