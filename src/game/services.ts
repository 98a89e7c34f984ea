// What every scene gets: the flow to send events to, and the game's shared parts.
import type { i18n } from 'i18next';
import type { ApiClient, Identity, Outbox } from '../client/index.js';
import type { AudioMixer } from './audio/AudioMixer.js';
import type { FlowActor } from './flow/director.js';
import type { Launch } from './flow/launch.js';
import type { History } from './history/History.js';
import type { Bests } from './library/bests.js';
import type { ScenarioLibrary } from './library/ScenarioLibrary.js';
import type { SettingsStore } from './settings/SettingsStore.js';
import type { UiLayer } from './ui/UiLayer.js';
import type { Viewport } from './ui/viewport.js';

export interface IdentityStore {
  get(): Identity | null;
  set(identity: Identity | null): void;
}

export interface Services {
  readonly flow: FlowActor;
  readonly settings: SettingsStore;
  readonly i18n: i18n;
  readonly audio: AudioMixer;
  readonly viewport: Viewport;
  readonly ui: UiLayer;
  readonly client: ApiClient;
  readonly outbox: Outbox;
  readonly identity: IdentityStore;
  readonly bests: Bests;
  /** Every call played on this device ("My history"). */
  readonly history: History;
  /** Practice calls and branches waiting to be uploaded to the player's history on the server. */
  readonly historyOutbox: Outbox;
  readonly launch: Launch;
  /** The engine and the scenarios, loaded after the title screen shows. */
  library(): Promise<ScenarioLibrary>;
}
