// Settings kept in localStorage, with change notification, and the one answer to "should this
// move?": the player's choice, or the system's prefers-reduced-motion when they left it to it.
import { STORAGE } from '../config.js';
import type { Language } from '../../i18n/index.js';
import { restoreSettings, type Settings } from './settings.js';

type Listener = (s: Settings) => void;

export class SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<Listener>();
  private readonly systemReduce: MediaQueryList | null;

  constructor(
    browserLanguage: Language,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
  ) {
    let raw: unknown = null;
    try {
      raw = JSON.parse(storage.getItem(STORAGE.settings) ?? 'null');
    } catch {
      // unreadable: defaults
    }
    this.current = restoreSettings(raw, browserLanguage);
    this.systemReduce = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
    this.systemReduce?.addEventListener('change', () => this.emit());
    this.applyMotion();
  }

  get(): Settings {
    return this.current;
  }

  update(patch: Partial<Settings>): void {
    this.current = restoreSettings({ ...this.current, ...patch }, this.current.language);
    try {
      this.storage.setItem(STORAGE.settings, JSON.stringify(this.current));
    } catch {
      // storage full or blocked: the settings still apply for this visit
    }
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
