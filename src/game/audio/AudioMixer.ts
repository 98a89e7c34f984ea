// Every sound the game makes goes through here (howler underneath). Three promises:
// - nothing sounds, and no audio context is made, before the player's first gesture;
// - a sound that is missing or cannot be decoded is silence, never an error or a wait;
// - each channel's volume (and the master) applies at once, also to sounds already playing.
import { Howl, Howler } from 'howler';
import type { SettingsStore } from '../settings/SettingsStore.js';
import { CHANNEL_OF, FORMATS, LEVEL, SOUNDS, type Format, type SoundKey } from './sounds.js';

interface Loaded {
  readonly url: string;
  readonly format: Format;
}

export class AudioMixer {
  /** Fetched sound files, as object URLs, until the gesture lets us decode them. */
  private readonly fetched = new Map<SoundKey, Loaded>();
  /** Each sound's download, once asked for (done whether it arrived or not). */
  private readonly fetching = new Map<SoundKey, Promise<void>>();
  private readonly howls = new Map<SoundKey, Howl>();
  private readonly loops = new Set<SoundKey>();
  private readonly voices = new Map<string, Howl>();
  private currentVoice: Howl | null = null;
  private unlocked = false;

  constructor(
    private readonly files: Record<SoundKey, Partial<Record<Format, string>>>,
    private readonly settings: SettingsStore,
  ) {
    const unlock = () => {
      removeEventListener('pointerdown', unlock, true);
      removeEventListener('keydown', unlock, true);
      this.unlock();
    };
    addEventListener('pointerdown', unlock, true);
    addEventListener('keydown', unlock, true);
    settings.subscribe(() => this.applyVolumes());
  }

  get isUnlocked(): boolean {
    return this.unlocked;
  }

  /**
   * Downloads these sounds (progress 0–1 as they arrive). Never rejects: a failed file is silence.
   * Asked again for a sound on its way, it waits for that download rather than starting another.
   * Nothing waits for it before the first screen: a sound asked to play before its file is here is
   * silent, and a loop asked for starts once its file has arrived (and the player has gestured).
   */
  async preload(keys: readonly SoundKey[] = SOUNDS, onProgress: (done: number) => void = () => {}): Promise<void> {
    let done = 0;
    await Promise.all(
      keys.map(async (key) => {
        await (this.fetching.get(key) ?? this.fetchOne(key));
        onProgress(++done / keys.length);
      }),
    );
  }

  private fetchOne(key: SoundKey): Promise<void> {
    const choice = this.pickFormat(key);
    const got = (async () => {
      if (!choice) return;
      try {
        const res = await fetch(choice.url);
        if (res.ok) this.fetched.set(key, { url: URL.createObjectURL(await res.blob()), format: choice.format });
      } catch {
        // offline or missing: silence
      }
      if (this.unlocked) this.decodeAll();
    })();
    this.fetching.set(key, got);
    return got;
  }

  play(key: SoundKey): void {
    this.howls.get(key)?.play();
  }

  /** Starts or stops a looping sound; asked before the first gesture, it starts with it. */
  loop(key: SoundKey, on: boolean): void {
    if (on === this.loops.has(key)) return;
    const howl = this.howls.get(key);
    if (on) {
      this.loops.add(key);
      if (howl && !howl.playing()) howl.play();
    } else {
      this.loops.delete(key);
      howl?.stop();
    }
  }

  stopAll(): void {
    for (const k of [...this.loops]) this.loop(k, false);
    this.stopVoice();
  }

  /** Fetches voice lines ahead of time so they start without delay. */
  prepareVoices(urls: readonly string[]): void {
    if (!this.unlocked) return;
    for (const url of urls) this.voiceHowl(url);
  }

  /** Speaks a voice line (stopping the one before); resolves when it ends or cannot play. */
  speak(url: string): Promise<void> {
    this.stopVoice();
    if (!this.unlocked) return Promise.resolve();
    const howl = this.voiceHowl(url);
    this.currentVoice = howl;
    return new Promise((done) => {
      const finish = () => {
        howl.off('end', finish).off('loaderror', finish).off('playerror', finish).off('stop', finish);
        done();
      };
      howl.once('end', finish).once('loaderror', finish).once('playerror', finish).once('stop', finish);
      if (howl.state() === 'unloaded') finish();
      else howl.play();
    });
  }

  stopVoice(): void {
    this.currentVoice?.stop();
    this.currentVoice = null;
  }

  private voiceHowl(url: string): Howl {
    let howl = this.voices.get(url);
    if (!howl) {
      howl = new Howl({ src: [url], format: [url.split('?')[0]!.split('.').pop() ?? 'webm'], volume: this.volumeOf('voice', 1), preload: true });
      // A voice that cannot load is silence; unload it so `speak` returns at once next time.
      howl.once('loaderror', () => howl!.unload());
      this.voices.set(url, howl);
    }
    return howl;
  }

  private pickFormat(key: SoundKey): Loaded | null {
    for (const format of FORMATS) {
      const url = this.files[key][format];
      if (url && Howler.codecs(format)) return { url, format };
    }
    return null;
  }

  private unlock(): void {
    if (this.unlocked) return;
    this.unlocked = true;
    this.decodeAll();
  }

  private decodeAll(): void {
    for (const [key, file] of this.fetched) {
      if (this.howls.has(key)) continue;
      const howl = new Howl({
        src: [file.url],
        format: [file.format],
        loop: key === 'ring' || key === 'hold' || key === 'typing',
        volume: this.volumeOf(CHANNEL_OF[key], LEVEL[key]),
      });
      howl.once('loaderror', () => this.howls.delete(key));
      howl.once('load', () => {
        if (this.loops.has(key) && !howl.playing()) howl.play();
      });
      this.howls.set(key, howl);
    }
  }

  private volumeOf(channel: 'voice' | 'effects' | 'music', level: number): number {
    const v = this.settings.get().volume;
    return v.master * v[channel] * level;
  }

  private applyVolumes(): void {
    for (const [key, howl] of this.howls) howl.volume(this.volumeOf(CHANNEL_OF[key], LEVEL[key]));
    for (const howl of this.voices.values()) howl.volume(this.volumeOf('voice', 1));
  }
}
