// Named constants shared by every scene: the design frame, scene keys, storage keys.

/** Every layout is drawn in this frame and scaled to fit the window (see ui/viewport.ts). */
export const DESIGN = { width: 1280, height: 720 } as const;

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
} as const;
export type SceneKey = (typeof SCENES)[keyof typeof SCENES];

export const STORAGE = {
  settings: 'holdtheline.settings',
  bests: 'holdtheline.bests',
  mode: 'holdtheline.mode',
  offline: 'holdtheline.offline',
} as const;

/** The key that shows and hides the trainer's debug overlay during a call. */
export const DEBUG_KEY = 'Backquote';
