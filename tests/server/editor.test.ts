// The call editor's file routes on the real server (`npm start`) over a copy of two shipped calls
// in a temporary folder: read with a hash, save byte for byte, refuse a save that would not load
// (file:line:column), answer 409 with the disk's version when the file changed since, overwrite
// only when asked, the trainer token required, and no way out of the folder.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { call, SCENARIO_DIR } from './support.js';

const temp = mkdtempSync(join(tmpdir(), 'htl-editor-api-'));
const folder = join(temp, 'calls');
mkdirSync(join(folder, 'sub'), { recursive: true });
for (const f of ['update-warning.json', 'update-warning.ru.json', 'scenario.schema.json', 'strings.schema.json']) copyFileSync(join(SCENARIO_DIR, f), join(folder, f));
copyFileSync(join(SCENARIO_DIR, 'first-call.json'), join(folder, 'sub', 'first-call.json'));
writeFileSync(join(temp, 'secret.json'), '{"not":"yours"}');
const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
const original = () => readFileSync(join(folder, 'update-warning.json'), 'utf8');

describe('the call editor’s files (npm start, with the trainer token)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { SCENARIO_DIR: folder } });
  }, 120_000);
  afterAll(async () => {
    await server?.dispose();
    rmSync(temp, { recursive: true, force: true });
  });

  const open = async (id = 'update-warning') => (await call(server.url, 'GET', `/api/editor/calls/${id}`, undefined, trainer)).body;

  it('needs the trainer token, and says so before asking', async () => {
    expect((await call(server.url, 'GET', '/api/editor/access')).body).toEqual({ open: false });
    expect((await call(server.url, 'GET', '/api/editor/calls/update-warning')).status).toBe(401);
    expect((await call(server.url, 'GET', '/api/editor/calls/update-warning', undefined, { authorization: 'Bearer wrong' })).status).toBe(403);
    const r = await call(server.url, 'PUT', '/api/editor/calls/update-warning/files/update-warning.json', { text: original(), base: '0'.repeat(32) });
    expect(r.status).toBe(401);
  });

  it('lists the calls it can open (originals, not their tables)', async () => {
    const r = await call(server.url, 'GET', '/api/editor/calls', undefined, trainer);
    expect(r.body.calls.map((c: { id: string }) => c.id)).toEqual(['first-call', 'update-warning']);
    expect(r.body.calls[1].title).toBe('The update warning');
    expect((await call(server.url, 'GET', '/api/editor/calls')).status).toBe(401);
  });

  it('reads the original and its string tables, each with a hash; a call in a subfolder too', async () => {
    const body = await open();
    expect(body.files.map((f: any) => [f.name, f.kind])).toEqual([['update-warning.json', 'original'], ['update-warning.ru.json', 'table']]);
    expect(body.files[0].text).toBe(original());
    expect(body.files[0].hash).toMatch(/^[0-9a-f]{32}$/);
    expect((await open('first-call')).files[0].text).toBe(readFileSync(join(folder, 'sub', 'first-call.json'), 'utf8'));
  });

  it('saves a change exactly as sent, and the same text again changes nothing', async () => {
    const { files } = await open();
    const text = files[0].text.replace('"Finally, a person.', '"At last, a person.');
    const saved = await call(server.url, 'PUT', '/api/editor/calls/update-warning/files/update-warning.json', { text, base: files[0].hash }, trainer);
    expect([saved.status, saved.body.changed]).toEqual([200, true]);
    expect(original()).toBe(text);
    const again = await call(server.url, 'PUT', '/api/editor/calls/update-warning/files/update-warning.json', { text, base: saved.body.hash }, trainer);
    expect([again.status, again.body.changed, again.body.hash]).toEqual([200, false, saved.body.hash]);
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('answers 409 with the disk’s version when the file changed since it was opened; overwrites only when asked', async () => {
    const { files } = await open();
    const theirs = files[0].text.replace('"Gordon Pike"', '"Gordon Peake"');
    writeFileSync(join(folder, 'update-warning.json'), theirs);
    const mine = files[0].text.replace('"medium"', '"hard"');
    const conflict = await call(server.url, 'PUT', '/api/editor/calls/update-warning/files/update-warning.json', { text: mine, base: files[0].hash }, trainer);
    expect([conflict.status, conflict.body.error.code, conflict.body.disk.text]).toEqual([409, 'changed-on-disk', theirs]);
    expect(original()).toBe(theirs);
    const forced = await call(server.url, 'PUT', '/api/editor/calls/update-warning/files/update-warning.json', { text: mine, base: files[0].hash, overwrite: true }, trainer);
    expect(forced.status).toBe(200);
    expect(original()).toBe(mine);
  });

  it('refuses a save that would not load, with file:line:column, and leaves the file alone', async () => {
    const { files } = await open();
    const before = original();
    const broken = files[0].text.replace('"next": "order-open"', '"next": "no-such-node"');
    const r = await call(server.url, 'PUT', '/api/editor/calls/update-warning/files/update-warning.json', { text: broken, base: files[0].hash }, trainer);
    expect([r.status, r.body.error.code]).toEqual([422, 'would-not-load']);
    const line = broken.split('\n').findIndex((l: string) => l.includes('"no-such-node"')) + 1;
    expect(r.body.error.message).toContain(`update-warning.json:${line}:`);
    expect(r.body.diagnostics[0].line).toBe(line);
    const syntax = await call(server.url, 'PUT', '/api/editor/calls/update-warning/files/update-warning.json', { text: '{ "schemaVersion": 2,', base: files[0].hash }, trainer);
    expect(syntax.status).toBe(422);
    const table = await call(server.url, 'PUT', '/api/editor/calls/update-warning/files/update-warning.ru.json', { text: files[1].text.replace('"translates": "update-warning"', '"translates": "nothing-here"'), base: files[1].hash }, trainer);
    expect(table.status).toBe(422);
    expect(original()).toBe(before);
  });

  it('reads and writes only the call’s own files in the folder: no other name, no way out', async () => {
    const { files } = await open();
    const put = (id: string, name: string) => call(server.url, 'PUT', `/api/editor/calls/${id}/files/${name}`, { text: '{"not":"yours"}', base: files[0].hash }, trainer);
    for (const [id, name] of [
      ['update-warning', '..%2Fsecret.json'],
      ['update-warning', '..%2F..%2Fsecret.json'],
      ['update-warning', 'first-call.json'],
      ['update-warning', 'scenario.schema.json'],
      ['update-warning', 'update-warning.plans.json'],
      ['first-call', 'update-warning.json'],
    ] as const) {
      expect((await put(id, name)).status, `${id}/${name}`).toBe(404);
    }
    for (const id of ['..', '..%2Fsecret', 'Update-Warning', 'secret']) {
      expect([400, 404]).toContain((await call(server.url, 'GET', `/api/editor/calls/${id}`, undefined, trainer)).status);
      expect([400, 404]).toContain((await put(id, `${id}.json`)).status);
    }
    expect(readFileSync(join(temp, 'secret.json'), 'utf8')).toBe('{"not":"yours"}');
  });

  it('refuses a call whose "id" no longer matches its file', async () => {
    const { files } = await open();
    const r = await call(server.url, 'PUT', '/api/editor/calls/update-warning/files/update-warning.json', { text: files[0].text.replace('"id": "update-warning"', '"id": "other-call"'), base: files[0].hash }, trainer);
    expect([r.status, r.body.error.code]).toEqual([422, 'id-changed']);
  });
});
