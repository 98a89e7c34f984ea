// Names, over real HTTP against the real server on SQLite and (with TEST_DATABASE_URL)
// PostgreSQL: kept in composed form (NFC) without stray invisible characters; refused when
// nothing visible is left (U+3164, U+2800, zero-width spaces); refused when they read the same as
// a member's name (Unicode confusable skeletons: "Vіctor" with a Cyrillic і beside "Victor"),
// with a sentence naming that member; emoji joined with ZWJ and a Persian zero-width non-joiner
// inside a word accepted as typed. The rules themselves: src/server/names.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameSkeleton, tidyName } from '../../src/server/names.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { call, serverBackends } from './support.js';

const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
const CYRILLIC_I = '\u0456';
const ZWJ = '\u200D';
const ZWNJ = '\u200C';
const CODER = `👩${ZWJ}💻`;
const ALIREZA = `علی${ZWNJ}رضا`;

describe('names (the rules)', () => {
  it('keeps joiners that join, drops the invisible characters that do nothing', () => {
    expect(tidyName(`${CODER} Dana`)).toEqual({ name: `${CODER} Dana` });
    expect(tidyName(ALIREZA)).toEqual({ name: ALIREZA });
    expect(tidyName(`An\u200Bna`)).toEqual({ name: 'Anna' });
    expect(tidyName(`${ZWJ}Anna${ZWNJ}`)).toEqual({ name: 'Anna' });
    expect(tidyName('\u202EAnna')).toEqual({ name: 'Anna' }); // a right-to-left override would reorder the board
    expect(tidyName('❤\uFE0F Kim')).toEqual({ name: '❤\uFE0F Kim' });
    expect(tidyName('Zoe\u0308')).toEqual({ name: 'Zo\u00EB' });
    for (const blank of ['\u3164', '\u2800', '\u200B\u200B', ' \u3164 \u2800 ', '\uFFA0', ZWJ]) expect(tidyName(blank)).toEqual({ refused: 'name-empty' });
    expect(tidyName('A\u0007b')).toEqual({ refused: 'name-control' });
  });

  it('gives look-alikes one skeleton, and different names different ones', () => {
    expect(nameSkeleton(`V${CYRILLIC_I}ctor`)).toBe(nameSkeleton('Victor'));
    expect(nameSkeleton('BiII')).toBe(nameSkeleton('Bill'));
    expect(nameSkeleton(`An${ZWNJ}na`)).toBe(nameSkeleton('Anna'));
    expect(nameSkeleton('\u0410nna')).toBe(nameSkeleton('Anna')); // Cyrillic А
    expect(nameSkeleton('Olga')).not.toBe(nameSkeleton('Ольга'));
    expect(nameSkeleton('Zoë')).not.toBe(nameSkeleton('Zoe'));
    expect(nameSkeleton('Łukasz')).not.toBe(nameSkeleton('Lukasz'));
  });
});

describe.each(serverBackends())('names on $name', ({ setup }) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let code: string;

  const post = (path: string, body?: unknown, headers?: Record<string, string>) => call(server.url, 'POST', path, body, headers);
  const join = (name: string, extra: Record<string, unknown> = {}) => post('/api/join', { code, name, ...extra });

  beforeAll(async () => {
    const db = await setup();
    drop = db.drop;
    server = await startServer(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {});
    code = (await post('/api/teams', { name: 'Names' }, trainer)).body.code;
    expect((await join('Victor')).status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await server?.dispose();
    await drop?.();
  });

  it('refuses "Vіctor" (Cyrillic і) beside "Victor", naming Victor, and lets a different person join as "Vіctor (2)"', async () => {
    const lookalike = `V${CYRILLIC_I}ctor`;
    const refused = await join(lookalike);
    expect([refused.status, refused.body.error.code, refused.body.error.existing]).toEqual([409, 'name-confusable', 'Victor']);
    expect(refused.body.error.message).toContain('"Victor"');
    const other = await join(lookalike, { asNew: true });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    expect(other.body.player.name).toBe(`${lookalike} (2)`);
    // Case and invisible characters do not make a name different either.
    expect((await join('VICTOR')).body.error.code).toBe('name-taken');
    expect((await join('Vic\u200Btor')).body.error).toMatchObject({ code: 'name-taken', existing: 'Victor' });
  });

  it('refuses a name with nothing visible in it, in words', async () => {
    for (const blank of ['\u3164', '\u2800', '\u200B\u200B\u200B', '\u3164 \u2800']) {
      const r = await join(blank);
      expect([r.status, r.body.error.code], JSON.stringify(blank)).toEqual([400, 'name-empty']);
      expect(r.body.error.message).toMatch(/visible/);
    }
  });

  it('keeps a name composed (NFC) and without stray invisible characters; the decomposed form is the same name', async () => {
    const zoe = await join('  Zoe\u0308  ');
    expect(zoe.status).toBe(200);
    expect(zoe.body.player.name).toBe('Zo\u00EB');
    expect((await join('Zo\u00EB')).body.error.code).toBe('name-taken');
    expect((await join('\u202EMia\u200B')).body.player.name).toBe('Mia');
  });

  it('accepts an emoji sequence joined with ZWJ and a Persian name with a zero-width non-joiner, as typed', async () => {
    const coder = await join(`${CODER} Dana`);
    expect(coder.status, JSON.stringify(coder.body)).toBe(200);
    expect(coder.body.player.name).toBe(`${CODER} Dana`);
    const alireza = await join(ALIREZA);
    expect(alireza.status, JSON.stringify(alireza.body)).toBe(200);
    expect(alireza.body.player.name).toBe(ALIREZA);
    // The same letters without the non-joiner differ only by an invisible character: taken for the same name.
    expect((await join('علیرضا')).body.error).toMatchObject({ code: 'name-confusable', existing: ALIREZA });
  });

  it('refuses a trainer renaming someone to a look-alike of another member', async () => {
    const bill = await join('Bill');
    const bob = await join('Bob');
    expect([bill.status, bob.status]).toEqual([200, 200]);
    const r = await call(server.url, 'PATCH', `/api/teams/${code}/players/${bob.body.player.id}`, { name: 'BiII' }, trainer);
    expect([r.status, r.body.error.code, r.body.error.existing]).toEqual([409, 'name-confusable', 'Bill']);
    expect(r.body.error.message).toContain('"Bill"');
  });
});
