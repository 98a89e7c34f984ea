// `scenario -- list`: every call in a folder with the languages it plays in and those fully
// voiced — every line, silence lines too, with its file where the game looks (format/voices.ts).
// On a folder of its own, so voice files can be added and taken away; then the shipped library.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listCalls } from '../../src/cli/commands/list.js';
import { cli, SCENARIOS } from './support.js';
import { tinyCall } from '../support/tinyCall.js';

const dir = mkdtempSync(join(tmpdir(), 'htl-list-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const call = tinyCall();
const table = { schemaVersion: 2, translates: 'tiny', locale: 'pl', strings: { title: { text: 'Malutki' } } };

function voice(locale: string, name: string): void {
  mkdirSync(join(dir, 'voice/tiny', locale), { recursive: true });
  writeFileSync(join(dir, 'voice/tiny', locale, `${name}.webm`), 'x');
}

describe('scenario list', () => {
  writeFileSync(join(dir, 'tiny.json'), JSON.stringify(call, null, 2));
  writeFileSync(join(dir, 'tiny.pl.json'), JSON.stringify(table, null, 2));

  it('lists a call’s languages, voiced only where every line has its file', () => {
    for (const name of ['opening', 'silence-1', 'thanks']) voice('en', name);
    voice('pl', 'opening');
    const r = cli(['list', dir, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ id: 'tiny', locales: ['en', 'pl'], voiced: ['en'] }]);
    expect(cli(['list', dir]).stdout).toMatch(/tiny\s+en pl\s+en\s+\(pl: 2 lines without a voice\)/);
    for (const name of ['silence-1', 'thanks']) voice('pl', name);
    expect(listCalls(dir).calls[0]!.voiced).toEqual(['en', 'pl']);
    // A silence line without its file: not voiced.
    rmSync(join(dir, 'voice/tiny/en/silence-1.webm'));
    expect(listCalls(dir).calls[0]).toMatchObject({ voiced: ['pl'], unvoiced: { en: 1 } });
  });

  it('names a broken file and exits 1, still listing the rest; a missing folder is wrong usage', () => {
    writeFileSync(join(dir, 'broken.json'), '{ "schemaVersion": 2, "id": "broken" ');
    const r = listCalls(dir);
    expect(r.calls.map((c) => c.id)).toEqual(['tiny']);
    expect(r.problems.join('\n')).toMatch(/broken\.json:\d+:\d+/);
    rmSync(join(dir, 'broken.json'));
    const missing = cli(['list', join(dir, 'nope')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
  });
});

describe('the shipped library', () => {
  it('has every call in en, ru, pl and uk, and voiced in all four', () => {
    const { calls, problems } = listCalls(SCENARIOS);
    expect(problems).toEqual([]);
    expect(calls.map((c) => c.id)).toHaveLength(9);
    for (const c of calls) {
      expect(c.locales, c.id).toEqual(expect.arrayContaining(['en', 'ru', 'pl', 'uk']));
      expect(c.voiced, c.id).toEqual(expect.arrayContaining(['en', 'ru', 'pl', 'uk']));
    }
  });
});
