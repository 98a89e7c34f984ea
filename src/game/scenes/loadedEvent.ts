// What the flow is told once the first screen can show: who is signed in, whether the player
// chose to play offline, whether the guided first call is due, and — for a call opened by its
// address — the library's calls and that call. Boot tells it at once when no call was asked for
// (nothing needs loading, so no preloader shows); the preloader tells it after loading the call.
import { STORAGE } from '../config.js';
import type { FlowEvent } from '../flow/flowMachine.js';
import { guideDue } from '../guide/guideStore.js';
import type { Services } from '../services.js';

type Loaded = Extract<FlowEvent, { type: 'LOADED' }>;

export function loadedEvent(services: Services, library: Pick<Loaded, 'calls' | 'launch'> = { calls: [], launch: null }): Loaded {
  const identity = services.identity.get();
  const player = identity ? { name: identity.player.name, team: identity.team.name } : null;
  const offline = localStorage.getItem(STORAGE.offline) === '1';
  // A first visit plays the guided call before the picker (not a call opened by its address).
  return { type: 'LOADED', ...library, player, offline, guideDue: guideDue(localStorage) };
}
