// The panel's messages in the trainer's words: a new reply with no words and no line chosen, a
// reply leading to a line that is not there and a line with no replies are said plainly, never
// as a JSON path; other messages are left as the checks wrote them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCall } from '../../src/editor/checks.js';
import { addNode, addReply, setField } from '../../src/editor/operations.js';
import { editorTranslator } from '../../src/editor/page/i18n.js';
import { plainMessage } from '../../src/editor/page/panel.js';
import { applyFileEdits, parseText } from '../../src/editor/roundTrip.js';
import { SHIPPED_DIR } from '../support/shipped.js';

const FILE = 'update-warning.json';

describe('the panel’s messages', () => {
  it.each(['en', 'ru', 'pl', 'uk'])('%s: the common problems of a new reply and a new line are said plainly', (lang) => {
    const { t } = editorTranslator(lang);
    let text = readFileSync(join(SHIPPED_DIR, FILE), 'utf8');
    const value = () => parseText(text).value;
    text = applyFileEdits(text, addReply(value(), 'defended', '', ''));
    text = applyFileEdits(text, addNode(value(), 'waiting').edits);
    // A line that is not there is found once the file loads (the references are checked then).
    const dangling = applyFileEdits(readFileSync(join(SHIPPED_DIR, FILE), 'utf8'), setField(['nodes', 'opening', 'replies', 0, 'next'], 'no-such-line'));
    const ds = [text, dangling].flatMap((x) => checkCall({ file: FILE, text: x }).diagnostics.filter((d) => d.file === FILE && d.severity === 'error'));
    const said = ds.map((d) => [d.path.join('.'), plainMessage(t, d)]);
    expect(said.length).toBeGreaterThanOrEqual(4);
    for (const [path, plain] of said) {
      expect(plain, path!).toBeTruthy();
      expect(plain).not.toMatch(/nodes\.|"say"|\[\d+\]/);
    }
    expect(said.find(([p]) => p === 'nodes.opening.replies.0.next')![1]).toContain('no-such-line');
    // Nothing here suggests pointing the reply back at its own line.
    expect(said.find(([p]) => p === 'nodes.opening.replies.0.next')![1]).not.toContain('opening');
  });

  it('leaves the other messages as the checks wrote them', () => {
    const { t } = editorTranslator('en');
    const text = readFileSync(join(SHIPPED_DIR, FILE), 'utf8').replace('"reveals": "order-found"', '"reveals": "no-such-fact"');
    const d = checkCall({ file: FILE, text }).diagnostics.find((x) => x.code === 'unknown-fact')!;
    expect(plainMessage(t, d)).toBeNull();
  });
});
