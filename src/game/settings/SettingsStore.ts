// Settings kept in localStorage, with change notification, and the one answer to "should this
// move?": the player's choice, or the system's prefers-reduced-motion when they left it to it.
import type { Language } from '../../i18n/index.js';
import { defaultSettings, restoreSettings, type Settings } from './settings.js';
import { readSettings, writeSettings } from './storedSettings.js';

type Listener = (s: Settings) => void;

export class SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<Listener>();
  private readonly systemReduce: MediaQueryList | null;
  /** Settings saved by a newer version of the game are left alone: changes here last this visit. */
  private readonly keepStored: boolean;

  constructor(
    browserLanguage: Language,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
  ) {
    const stored = readSettings(storage, browserLanguage);
    this.current = stored.kind === 'restored' ? stored.value : defaultSettings(browserLanguage);
    this.keepStored = stored.kind === 'newer';
    this.systemReduce = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
    this.systemReduce?.addEventListener('change', () => this.emit());
    this.applyMotion();
  }

  get(): Settings {
    return this.current;
  }

  update(patch: Partial<Settings>): void {
    this.current = restoreSettings({ ...this.current, ...patch }, this.current.language);
    // When storage is full or blocked (writeSettings says false) they still apply for this visit.
    if (!this.keepStored) writeSettings(this.storage, this.current);
    this.emit();
  }

  get reducedMotion(): boolean {
    const m = this.current.motion;
    return m === 'reduce' || (m === 'system' && (this.systemReduce?.matches ?? false));
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** CSS transitions and animations follow the same answer (see ui/styles.css). */
  private applyMotion(): void {
    globalThis.document?.documentElement.classList.toggle('reduce-motion', this.reducedMotion);
  }

  private emit(): void {
    this.applyMotion();
    for (const fn of this.listeners) fn(this.current);
  }
}
