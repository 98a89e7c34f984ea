// What the editor remembers of where the trainer was, per call, in this tab: the line selected,
// map or list, the language of the texts, the map's pan and zoom, and the start chosen for Test
// from here on each line — so coming back from a test, or reloading, opens where they were.
import type { StartState } from '../../engine/index.js';
import type { MapViewState } from './mapView.js';

export interface ViewMemory {
  node: string | null;
  mode: 'map' | 'list';
  lang: string | null;
  map: MapViewState | null;
  starts: Record<string, StartState>;
}

export const viewKey = (id: string) => `holdtheline.editor.view.${id}`;

export function readMemory(id: string): ViewMemory {
  try {
    const v = JSON.parse(sessionStorage.getItem(viewKey(id)) ?? 'null') as Partial<ViewMemory> | null;
    return { node: v?.node ?? null, mode: v?.mode === 'list' ? 'list' : 'map', lang: v?.lang ?? null, map: v?.map ?? null, starts: v?.starts ?? {} };
  } catch {
    return { node: null, mode: 'map', lang: null, map: null, starts: {} };
  }
}
