// A string table as it is written to disk: one line per string, so a table reads like a list
// and a change shows as one line in a diff.
import type { StringsFile } from '../format/strings.js';

export function tableText(table: StringsFile): string {
  const { strings, voices, ...head } = table;
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const block = (name: string, entries: [string, string][]) =>
    entries.length === 0
      ? `  ${JSON.stringify(name)}: {}`
      : `  ${JSON.stringify(name)}: {\n${entries.map(([k, v]) => `    ${JSON.stringify(k)}: ${v}`).join(',\n')}\n  }`;
  // The fixed-width hash first, so the texts line up.
  const entry = (e: { text: string; source?: string | undefined }) =>
    `{ ${e.source !== undefined ? `"source": ${JSON.stringify(e.source)}, ` : ''}"text": ${JSON.stringify(e.text)} }`;
  lines.push(block('strings', Object.entries(strings).map(([k, e]) => [k, entry(e)])));
  if (voices && Object.keys(voices).length > 0) lines.push(block('voices', Object.entries(voices).map(([k, v]) => [k, JSON.stringify(v)])));
  return `{\n${lines.join(',\n')}\n}\n`;
}
