// Lint's typed-replies check (issue 13): two replies of a node too alike for the matcher to tell
// apart are reported at the reply's own text — in a call's file and in a string table — and the
// shipped calls have none.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, SCENARIOS } from './support.js';

const original = readFileSync(join(SCENARIOS, 'first-call.json'), 'utf8');
const table = readFileSync(join(SCENARIOS, 'first-call.ru.json'), 'utf8');
const alike = (ds: ReturnType<typeof lint>) => ds.filter((d) => d.code === 'replies-alike');

describe('lint: replies too alike for typed replies', () => {
  it('reports a reply whose say would be taken as another, at its say, with what to write', () => {
    const echo = "I'm sorry it's late. Let me look up your order — one moment.";
    const text = original.replace('"say": "Deliveries usually take a week. It will arrive tomorrow."', `"say": ${JSON.stringify(echo)}`);
    expect(text).not.toBe(original);
    const ds = alike(lint({ 'first-call.json': text }));
    expect(ds.length).toBeGreaterThan(0);
    const line = text.split('\n').findIndex((l) => l.includes(JSON.stringify(echo))) + 1;
    const d = ds.find((x) => x.line === line)!;
    expect(d).toMatchObject({ severity: 'warning', file: join(SCENARIOS, 'first-call.json'), path: ['nodes', 'opening', 'replies', 1, 'say'] });
    expect(d.message).toContain('cannot tell reply "opening.2" from "opening.1" at node "opening"');
    expect(d.hint).toContain('examples');
  });

  it('reports the same in a string table, at the reply\'s string', () => {
    const text = table.replace('"Доставка обычно занимает неделю. Завтра привезут."', '"Извините за задержку. Сейчас найду ваш заказ, одну минуту."');
    expect(text).not.toBe(table);
    const ds = alike(lint({ 'first-call.json': original, 'first-call.ru.json': text }));
    expect(ds.map((d) => [d.file, d.path])).toContainEqual([join(SCENARIOS, 'first-call.ru.json'), ['strings', 'reply.opening.2']]);
  });

  it('finds nothing in the calls as shipped', () => {
    expect(alike(lint({ 'first-call.json': original, 'first-call.ru.json': table }))).toEqual([]);
  });
});
