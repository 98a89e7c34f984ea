// Named constants shared by every scene: the design frame, scene keys, storage keys.

/** A landscape window's layouts are drawn in this frame and scaled to fit it (see ui/viewport.ts). */
export const DESIGN = { width: 1280, height: 720 } as const;

/**
 * A window taller than it is wide (a phone held upright) gets a portrait frame instead: this many
 * design units wide (the window's width in CSS pixels, kept within these bounds, so type is its
 * real size on a phone and grows on a tablet) and as tall as the window. Its screens are arranged
 * for the narrow frame by CSS (`.htl-portrait`).
 */
export const PORTRAIT = { minWidth: 360, maxWidth: 520 } as const;

export const SCENES = {
  boot: 'Boot',
  preloader: 'Preloader',
  title: 'Title',
  signIn: 'SignIn',
  picker: 'Picker',
  call: 'Call',
  debrief: 'Debrief',
  leaderboard: 'Leaderboard',
  settings: 'Settings',
  history: 'History',
} as const;
export type SceneKey = (typeof SCENES)[keyof typeof SCENES];

export const STORAGE = {
  settings: 'holdtheline.settings',
  bests: 'holdtheline.bests',
  mode: 'holdtheline.mode',
  offline: 'holdtheline.offline',
  /** Whether this browser has had the guided first call (guide/guideStore.ts). */
  guide: 'holdtheline.guide',
  /** Prefix of the calls in "My history", one entry per call (history/History.ts). */
  history: 'holdtheline.history.',
  /** Prefix of the practice calls waiting to be uploaded to the player's history on the server. */
  historyOutbox: 'holdtheline.history-outbox.',
  /** Whether the team's exams take typed replies only, as its last ticket said (call/examTicket.ts). */
  typedOnly: 'holdtheline.typed-only',
} as const;

/** The key that shows and hides the trainer's debug overlay during a call. */
export const DEBUG_KEY = 'Backquote';
