// Words for what the analyses find: paths as the reply positions a trainer can read in the file
// (and pass to `simulate --path`), and states as what is known and how the customer feels.
import type { Edge, Scenario, StateInfo } from '../../engine/index.js';

/** One move as typed after --path: the reply's position in the file (from 1), "t" for letting the timer run out, "h" for hanging up. */
export function moveToken(e: Edge): string {
  switch (e.move.kind) {
    case 'reply':
      return String(e.move.reply.index + 1);
    case 'timeout':
      return 't';
    case 'hang-up':
      return 'h';
  }
}

export const pathArgument = (path: readonly Edge[]) => path.map(moveToken).join(',');

/** "opening#1 → order-shipped#2": the node of each move and the move, as a trainer finds them in the file. */
export function pathSteps(states: readonly StateInfo[], path: readonly Edge[]): string {
  let node = states[0]?.node ?? '';
  const parts: string[] = [];
  for (const e of path) {
    parts.push(`${node}#${moveToken(e)}`);
    node = states[e.to]!.node;
  }
  return parts.length > 0 ? parts.join(' → ') : '(no moves)';
}

/**
 * "knowing order-found, mood 40, patience 70" — and, for a call with hidden memory (format 2),
 * the flags set, the counters that are not 0 (by id, when the scenario is given) and where the
 * call came from for "$return".
 */
export function describeState(st: StateInfo, s?: Scenario): string {
  const counterIds = s ? [...s.counters.keys()] : [];
  const facts = st.facts.length > 0 ? `knowing ${st.facts.join(', ')}` : 'knowing nothing yet';
  const memory: string[] = [];
  if (st.flags.length > 0) memory.push(`flags ${st.flags.join(', ')}`);
  st.counters.forEach((v, i) => v !== 0 && memory.push(`${counterIds[i] ?? `counter ${i + 1}`} ${v}`));
  if (st.cameFrom !== null) memory.push(`came from ${st.cameFrom}`);
  return `${facts}${memory.length > 0 ? `, ${memory.join(', ')}` : ''}, mood ${st.mood}, patience ${st.patience}`;
}
