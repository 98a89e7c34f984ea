// The server's library reads string tables beside their originals: the composed call is a
// version like any other, known by its hash, stored as the composed JSON, and a result played
// on it replays from the store after the table has changed on disk.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFiles, replay, tableFromTranslation } from '../../src/engine/index.js';
import { ScenarioLibrary } from '../../src/server/scenarios.js';
import { openDatabase } from '../../src/server/store/database.js';
import { Store } from '../../src/server/store/store.js';
import { SCENARIO_DIR, finished } from './support.js';

describe("the server's scenario library and string tables", () => {
  it('verifies a result played on a composed call, from the folder and later from the store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'htl-tables-'));
    const data = mkdtempSync(join(tmpdir(), 'htl-tables-data-'));
    // The shipped call and its Russian translation as written in format version 1 (a frozen copy).
    const v1 = join(SCENARIO_DIR, '../tests/engine/fixtures/translations-v1');
    copyFileSync(join(v1, 'never-satisfied.json'), join(dir, 'never-satisfied.json'));
    const read = (f: string) => ({ file: `scenarios/${f}`, text: readFileSync(join(v1, f), 'utf8') });
    const table = tableFromTranslation(read('never-satisfied.json'), read('never-satisfied.ru.json'));
    writeFileSync(join(dir, 'never-satisfied.ru.json'), table);

    const { db, dialect } = await openDatabase({ dataDir: data });
    try {
      const store = new Store(db, dialect);
      const logged: string[] = [];
      const library = new ScenarioLibrary({ dir, store, log: (m) => logged.push(m) });
      await library.scan();
      expect(logged).toEqual([]);
      expect(library.knows('never-satisfied', 'ru')).toBe(true);

      // What the game plays: the same composition, from the same texts.
      const [, composed] = loadScenarioFiles([
        { file: 'scenarios/never-satisfied.json', text: readFileSync(join(dir, 'never-satisfied.json'), 'utf8') },
        { file: 'scenarios/never-satisfied.ru.json', text: table },
      ]);
      if (!composed!.ok) throw new Error('the table does not compose');
      const played = finished(composed!.scenario, { seed: 11 });
      const onServer = await library.get(played.transcript.hash);
      expect(onServer?.locale).toBe('ru');
      expect(replay(onServer!, played.transcript, { requireEnd: true }).score).toEqual(played.score);
      const stored = await store.scenarioVersion(played.transcript.hash);
      expect(stored!.text).toBe(composed!.text);

      // The translator fixes a word: a new version; yesterday's result still replays, from the store.
      writeFileSync(join(dir, 'never-satisfied.ru.json'), table.replace('Всё не так', 'Всё опять не так'));
      const fresh = new ScenarioLibrary({ dir, store });
      await fresh.scan();
      const old = await fresh.get(played.transcript.hash);
      expect(old?.title).toBe('Всё не так');
      expect(replay(old!, played.transcript, { requireEnd: true }).score).toEqual(played.score);
      expect((await store.scenarioIndex()).filter((v) => v.id === 'never-satisfied' && v.locale === 'ru')).toHaveLength(2);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
      rmSync(data, { recursive: true, force: true });
    }
  }, 60_000);
});
