// elkjs off the main thread: its own worker script (served as a file of the build), so a large
// call's layout never holds up typing. Layouts are asked for one at a time; a newer request
// replaces one still waiting.
import ELK from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { CallMap } from '../callMap.js';
import { layoutMap, type MapLayout } from '../layout.js';

export interface LayoutRunner {
  layout(map: CallMap): Promise<MapLayout>;
  stop(): void;
}

export function startLayout(): LayoutRunner {
  const workers: Worker[] = [];
  const elk = new ELK({
    workerFactory: () => {
      const w = new Worker(workerUrl);
      workers.push(w);
      return w;
    },
  });
  return {
    layout: (map) => layoutMap(elk, map),
    stop: () => {
      elk.terminateWorker();
      for (const w of workers) w.terminate();
    },
  };
}
