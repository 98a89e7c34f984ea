// The settings as stored under "holdtheline.settings": `{ v: 1, ...Settings }`. Version 0 (before
// versions) had the same fields without `v`. Each field is repaired on its own (see settings.ts).
import { readStored, writeStored, type Report, type Restored, type StoredFormat } from '../../client/restore.js';
import type { Language } from '../../i18n/index.js';
import { STORAGE } from '../config.js';
import { defaultSettings, settingsSchema, type Settings } from './settings.js';

/** The format for a browser whose own language is `language` (the default when none is saved). */
export function settingsFormat(language: Language): StoredFormat<Settings> {
  return {
    what: 'the saved settings',
    ifUnreadable: 'the defaults are used until they are changed',
    migrations: [(v0) => v0],
    schema: settingsSchema(defaultSettings(language)),
  };
}

export function readSettings(storage: Pick<Storage, 'getItem'>, language: Language, report?: Report): Restored<Settings> {
  return readStored(storage, STORAGE.settings, settingsFormat(language), report);
}

/** False when the browser's storage is full or blocked: the settings still apply for this visit. */
export function writeSettings(storage: Pick<Storage, 'setItem'>, settings: Settings): boolean {
  return writeStored(storage, STORAGE.settings, settingsFormat(settings.language), settings);
}
