// npm run scenario -- match: the game's matcher from the command line (issue 13), in the
// call's language or a translation's, as JSON for programs or one readable line.
import { describe, expect, it } from 'vitest';
import { matchReply } from '../../src/engine/match/index.js';
import { shippedCall } from '../support/shipped.js';
import { cli } from './support.js';

const all = (file: string, node: string) => shippedCall(file).nodes.get(node)!.replies.map((r) => r.id);

describe('scenario match', () => {
  it('prints exactly what matchReply gives, with --json, in the original and with --locale', () => {
    for (const [file, locale, text] of [
      ['first-call.json', undefined, "Sorry it's late, I'll look up your order"],
      ['first-call.json', 'pl', 'Przepraszam za opóźnienie, sprawdzę pana zamówienie'],
      ['first-call.json', undefined, 'order'],
      ['first-call.json', undefined, 'I like pizza'],
    ] as const) {
      const out = cli(['match', 'scenarios/first-call.json', '--node', 'opening', '--text', text, '--json', ...(locale ? ['--locale', locale] : [])]);
      expect(out.status, out.stderr).toBe(0);
      const shipped = locale ? `first-call.${locale}.json` : file;
      const m = matchReply(shippedCall(shipped), 'opening', all(shipped, 'opening'), text);
      expect(JSON.parse(out.stdout)).toEqual({ reply: m.reply, confidence: m.confidence, evidence: m.evidence });
    }
  }, 60_000);

  it('says in a line what the reply was taken as, and refuses a node without replies or a missing translation', () => {
    const line = cli(['match', 'first-call', '--node', 'opening', '--text', 'Did you check your spam folder?']);
    expect([line.status, line.stdout.trim()]).toEqual([0, expect.stringMatching(/^opening: taken as opening\.3 \(confidence [\d.]+\); matched "check your spam folder"$/)]);
    expect(cli(['match', 'first-call', '--node', 'opening', '--text', 'I like pizza']).stdout).toContain('matches no reply');
    const noNode = cli(['match', 'first-call', '--node', 'nowhere', '--text', 'hello']);
    expect([noNode.status, noNode.stderr]).toEqual([2, expect.stringContaining('the nodes with replies are opening')]);
    expect(cli(['match', 'first-call', '--node', 'opening', '--text', 'hello', '--locale', 'de']).status).toBe(2);
    expect(cli(['match', 'first-call', '--node', 'opening']).status).toBe(2);
  }, 60_000);
});
