// The call graph as SVG, laid out by Graphviz compiled to WebAssembly (@viz-js/viz): the same
// DOT as `--format dot`, with no Graphviz to install.
import { instance } from '@viz-js/viz';
import type { CallGraph } from './callGraph.js';
import { toDot } from './toDot.js';

export async function toSvg(g: CallGraph): Promise<string> {
  const viz = await instance();
  const result = viz.render(toDot(g), { format: 'svg' });
  if (result.status !== 'success') {
    throw new Error(`Graphviz could not draw the call: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  return result.output;
}
