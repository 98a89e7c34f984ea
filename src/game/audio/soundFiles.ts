// The URLs of the generated sound files (bundled by vite), by sound and format.
import { SOUNDS, type Format, type SoundKey } from './sounds.js';

const urls = import.meta.glob<string>('/assets/sounds/*.{webm,mp3}', { query: '?url', import: 'default', eager: true });

/** The URL of each sound in each format that exists. */
export function soundFiles(): Record<SoundKey, Partial<Record<Format, string>>> {
  const out = Object.fromEntries(SOUNDS.map((k) => [k, {}])) as Record<SoundKey, Partial<Record<Format, string>>>;
  for (const [path, url] of Object.entries(urls)) {
    const m = /\/([a-z]+)\.(webm|mp3)$/.exec(path);
    const key = m?.[1] as SoundKey | undefined;
    if (key && key in out) out[key][m![2] as Format] = url;
  }
  return out;
}
