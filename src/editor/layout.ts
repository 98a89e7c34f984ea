// The map's layout: elkjs's layered algorithm (lines in columns from the opening to the endings,
// replies routed around them), given the size of each node's box. Layout runs only when the
// map's shape changes (a line or a reply added, removed or pointed elsewhere), never for an edit
// of words. `elk` is given: the page runs it in a web worker, the bench and tests in-process.
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { CallMap } from './callMap.js';

export interface Placed {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface EdgeRoute {
  readonly id: string;
  /** Points of the polyline, start to end. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface MapLayout {
  readonly nodes: ReadonlyMap<string, Placed>;
  readonly edges: readonly EdgeRoute[];
  readonly width: number;
  readonly height: number;
}

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 64;

export async function layoutMap(elk: ELK, map: CallMap): Promise<MapLayout> {
  const ids = new Set(map.nodes.map((n) => n.id));
  const graph: ElkNode = {
    id: 'call',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '24',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      // Fewer passes of crossing minimisation: a 1,000-line call lays out in seconds, not tens.
      'elk.layered.thoroughness': '1',
      'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
    },
    children: map.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    // A reply to a line that is not there (yet) is drawn nowhere; the checks name it.
    edges: map.edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to).map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
  const out = await elk.layout(graph);
  const nodes = new Map<string, Placed>();
  for (const c of out.children ?? []) nodes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? NODE_WIDTH, height: c.height ?? NODE_HEIGHT });
  const edges: EdgeRoute[] = ((out.edges ?? []) as ElkExtendedEdge[]).map((e) => {
    const s = e.sections?.[0];
    return { id: e.id, points: s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [] };
  });
  return { nodes, edges, width: out.width ?? 0, height: out.height ?? 0 };
}
