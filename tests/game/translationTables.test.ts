// The game's library with string tables: a table beside its original is one more language of
// the call; saving the original recomposes its tables (and tells the call on screen); a broken
// table keeps the last good version and names the place in the table.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { tableFromTranslation } from '../../src/engine/index.js';
import { ScenarioLibrary } from '../../src/game/library/ScenarioLibrary.js';
import { ROOT } from './support/scenarios.js';

/** The shipped translations as written in format version 1, with their original (a frozen copy). */
const v1 = (name: string) => readFileSync(`${ROOT}/tests/engine/fixtures/translations-v1/${name}`, 'utf8');
const shipped: Record<string, string> = Object.fromEntries(['never-satisfied.json', 'never-satisfied.ru.json', 'never-satisfied.pl.json'].map((n) => [`scenarios/${n}`, v1(n)]));
const ORIGINAL = 'scenarios/never-satisfied.json';
const TABLE = 'scenarios/never-satisfied.uk.json';
// A Ukrainian table, made from the Polish translation's texts for the test.
const table = tableFromTranslation({ file: ORIGINAL, text: shipped[ORIGINAL]! }, { file: 'scenarios/never-satisfied.pl.json', text: shipped['scenarios/never-satisfied.pl.json']! }).replace('"locale": "pl"', '"locale": "uk"');

describe('the game library and string tables', () => {
  it('offers a table as one more language of its call, composed from the original', () => {
    const lib = new ScenarioLibrary({ ...shipped, [TABLE]: table }, {});
    expect(lib.problems()).toEqual([]);
    const call = lib.calls().find((c) => c.id === 'never-satisfied')!;
    expect([...call.versions.keys()].sort()).toEqual(['en', 'pl', 'ru', 'uk']);
    const uk = lib.get({ id: 'never-satisfied', locale: 'uk' })!;
    const pl = lib.get({ id: 'never-satisfied', locale: 'pl' })!;
    expect(uk.file).toBe(TABLE);
    expect(uk.nodes.get('opening')!.say).toBe(pl.nodes.get('opening')!.say);
  });

  it('recomposes a table when its original is saved, and tells whoever shows it', () => {
    const lib = new ScenarioLibrary({ [ORIGINAL]: shipped[ORIGINAL]!, [TABLE]: table }, {});
    const heard = vi.fn();
    lib.subscribe(heard);
    lib.update(ORIGINAL, shipped[ORIGINAL]!.replace('"mood": 25', '"mood": 45'));
    expect(lib.get({ id: 'never-satisfied', locale: 'uk' })!.customer.mood).toBe(45);
    expect(heard.mock.calls.map((c) => c[0])).toEqual([ORIGINAL, TABLE]);
  });

  it('keeps the last good table when a broken one is saved, naming the place in the table', () => {
    const lib = new ScenarioLibrary({ [ORIGINAL]: shipped[ORIGINAL]!, [TABLE]: table }, {});
    const before = lib.get({ id: 'never-satisfied', locale: 'uk' })!;
    lib.update(TABLE, table.replace('"schemaVersion": 2', '"schemaVersion": 3'));
    expect(lib.get({ id: 'never-satisfied', locale: 'uk' })).toBe(before);
    expect(lib.problemIn(TABLE)!.messages).toEqual([expect.stringMatching(/^scenarios\/never-satisfied\.uk\.json:3:\d+: error: this string table says format version 3/)]);
  });
});
