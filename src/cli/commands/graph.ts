// scenario graph <file> [--format mermaid|dot|svg] [--out <file>]
import { writeFileSync } from 'node:fs';
import { callGraph } from '../../tools/graph/callGraph.js';
import { toDot } from '../../tools/graph/toDot.js';
import { toMermaid } from '../../tools/graph/toMermaid.js';
import { toSvg } from '../../tools/graph/toSvg.js';
import { oneScenarioFile } from '../files.js';
import { loadOne } from '../loadOne.js';
import { EXIT, UsageError, parseCommand, write } from '../usage.js';

const FORMATS = ['mermaid', 'dot', 'svg'] as const;
type Format = (typeof FORMATS)[number];

export async function graphCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { format: { type: 'string' }, out: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('graph needs exactly one scenario file (or a call id in the scenario folder)');
  const format = (values.format ?? 'mermaid') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format is one of ${FORMATS.join(', ')}, not "${values.format}"`);
  const loaded = loadOne(oneScenarioFile(positionals[0]!));
  if (!loaded.ok) return loaded.exit;
  const graph = callGraph(loaded.scenario);
  let text: string;
  switch (format) {
    case 'mermaid':
      text = toMermaid(graph);
      break;
    case 'dot':
      text = toDot(graph);
      break;
    case 'svg':
      text = await toSvg(graph);
      break;
  }
  if (values.out) {
    writeFileSync(values.out, text);
    process.stderr.write(`wrote ${values.out}\n`);
  } else write(text);
  return EXIT.clean;
}
