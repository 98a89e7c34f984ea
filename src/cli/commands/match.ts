// scenario match <file> --node <id> --text "<text>" [--locale ru] [--json]
// What the game's matcher takes a typed reply as, at one node with all its replies on offer.
import { existsSync } from 'node:fs';
import { matchReply } from '../../engine/match/index.js';
import { oneScenarioFile } from '../files.js';
import { loadOne } from '../loadOne.js';
import { EXIT, UsageError, parseCommand, write, writeJson } from '../usage.js';

/** The file of the call in `locale`: the file itself when it is in that language, else `<id>.<locale>.json` beside it. */
function fileIn(file: string, locale: string): string {
  const table = file.replace(/(\.[a-z]{2,3}(?:-[A-Z]{2})?)?\.json$/, `.${locale}.json`);
  if (!existsSync(table)) throw new UsageError(`${file}: no translation into "${locale}" beside it (${table})`);
  return table;
}

export function matchCommand(args: readonly string[]): number {
  const { values, positionals } = parseCommand(args, {
    node: { type: 'string' },
    text: { type: 'string' },
    locale: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('match needs exactly one scenario file (or a call id in the scenario folder)');
  if (values.node === undefined) throw new UsageError('match needs --node <id>: the line the typed reply answers');
  if (values.text === undefined || values.text.trim() === '') throw new UsageError('match needs --text "<what the trainee typed>"');
  const file = oneScenarioFile(positionals[0]!);
  let loaded = loadOne(file);
  if (!loaded.ok) return loaded.exit;
  if (values.locale !== undefined && loaded.scenario.locale !== values.locale) {
    loaded = loadOne(fileIn(file, values.locale));
    if (!loaded.ok) return loaded.exit;
  }
  const s = loaded.scenario;
  const node = s.nodes.get(values.node);
  if (!node || node.replies.length === 0) {
    const withReplies = [...s.nodes.values()].filter((n) => n.replies.length > 0).map((n) => n.id);
    throw new UsageError(`${s.file}: no node "${values.node}" with replies; the nodes with replies are ${withReplies.join(', ')}`);
  }
  const m = matchReply(s, node.id, node.replies.map((r) => r.id), values.text);
  if (values.json) {
    writeJson({ reply: m.reply, confidence: m.confidence, evidence: m.evidence });
    return EXIT.clean;
  }
  const closest = m.candidates.map((c) => `${c.reply} (${c.confidence})`).join(', ');
  const because = m.evidence.length > 0 ? `; matched ${m.evidence.map((e) => `"${e}"`).join(', ')}` : '';
  if (m.verdict === 'confident') write(`${node.id}: taken as ${m.reply} (confidence ${m.confidence})${because}`);
  else if (m.verdict === 'unsure') write(`${node.id}: no confident match (best ${m.confidence}); the game asks "Did you mean…" with ${closest}${because}`);
  else write(`${node.id}: matches no reply; the game asks the trainee to rephrase or pick a reply`);
  return EXIT.clean;
}
