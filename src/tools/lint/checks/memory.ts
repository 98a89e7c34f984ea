// Format 2's hidden memory, checked as a trainer means it: a flag or counter that nothing sets
// or changes (so every condition on it has one answer), one that nothing reads (so it changes
// nothing), and a "$return" taken where the call has come from nowhere — at its first line, or
// after a line that repeated itself — so it repeats the line instead of going back.
import { RETURN_TARGET, type Branch, type Condition, type DialogueNode, type MemoryChange, type Scenario } from '../../../engine/index.js';
import { pathTo, type StateGraph } from '../../../engine/analysis/stateGraph.js';
import { pathArgument } from '../../analysis/describe.js';
import { nodePath, replyPath, type FileContext } from '../context.js';

/** Every change to memory the call can make: replies, timeouts, entry effects. */
function allChanges(s: Scenario): MemoryChange[] {
  const out: MemoryChange[] = [];
  for (const node of s.nodes.values()) {
    for (const r of node.replies) out.push(...r.set);
    if (node.timeout) out.push(...node.timeout.set);
    if (node.enter) out.push(...node.enter.set);
  }
  return out;
}

/** The flags and counters every condition of the call reads ("if", a branch's "if", an ideal's "requires", feedback variants). */
function namesRead(s: Scenario): Set<string> {
  const read = new Set<string>();
  const counterId = new Map([...s.counters.values()].map((c) => [c.index, c.id]));
  const see = (c: Condition | null) => {
    if (!c) return;
    for (const id of [...c.known, ...c.unknown]) read.add(id);
    for (const x of c.compare) if (typeof x.on === 'object') read.add(counterId.get(x.on.counter) ?? '');
  };
  for (const i of s.ideal) for (const id of [...i.requires, ...i.forbids]) read.add(id);
  for (const node of s.nodes.values()) {
    for (const b of node.timeout?.next ?? []) see(b.when);
    for (const v of node.feedbackVariants) see(v.when);
    for (const r of node.replies) {
      see(r.when);
      for (const b of r.next) see(b.when);
    }
  }
  return read;
}

const returns = (branches: readonly Branch[]) => branches.some((b) => b.to === RETURN_TARGET);

export function checkMemory(ctx: FileContext, g: StateGraph): void {
  const s = ctx.scenario;
  if (s.schemaVersion < 2) return;
  const changes = allChanges(s);
  const read = namesRead(s);
  for (const flag of Object.keys((ctx.raw as { flags?: object }).flags ?? {})) {
    if (!changes.some((c) => c.kind === 'flag' && c.flag === flag && c.on)) {
      ctx.report('memory-never-set', ['flags', flag], `flag "${flag}" is never set, so every condition on it has the same answer`, `set it where it happens: "set": "${flag}" on a reply, a timeout or a node's "enter"; or remove it`, true);
    } else if (!read.has(flag)) {
      ctx.report('memory-never-read', ['flags', flag], `flag "${flag}" is set but no condition reads it, so it changes nothing`, `test it where it matters ("if": "${flag}" or "!${flag}", or an ideal's "requires"); or remove it`, true);
    }
  }
  for (const counter of s.counters.values()) {
    if (!changes.some((c) => c.kind === 'counter' && c.counter === counter.index)) {
      ctx.report('memory-never-set', ['counters', counter.id], `counter "${counter.id}" is never changed, so it stays 0`, `change it where it happens: "set": "${counter.id}+1"; or remove it`, true);
    } else if (!read.has(counter.id)) {
      ctx.report('memory-never-read', ['counters', counter.id], `counter "${counter.id}" changes but no condition reads it, so it changes nothing`, `test it where it matters, e.g. "if": "${counter.id}>=3"; or remove it`, true);
    }
  }
  if (!s.memory.returns) return;
  // A "$return" with nowhere to go back to: a reachable state at its node that came from no other line.
  const reported = new Set<string>();
  g.states.forEach((st, id) => {
    if (st.ending || st.cameFrom !== null) return;
    const node: DialogueNode = s.nodes.get(st.node)!;
    const where = (path: readonly (string | number)[]) => {
      const key = path.join('.');
      if (reported.has(key)) return;
      reported.add(key);
      const moves = pathTo(g, id);
      const at = moves.length > 0 ? `after --path ${pathArgument(moves)}` : 'at the first line';
      ctx.report('return-to-nowhere', path, `"${RETURN_TARGET}" here can be taken where the call came to "${node.id}" from no other line (${at}): it repeats "${node.id}" instead of going back`, `name the node to go to instead of "${RETURN_TARGET}", or make sure "${node.id}" is only reached from other lines`);
    };
    node.replies.forEach((r, i) => {
      if (returns(r.next) && (st.offered & (1 << i)) !== 0) where(replyPath(node.id, i, 'next'));
    });
    if (node.timeout && returns(node.timeout.next)) where([...nodePath(node.id), 'timeout', 'next']);
  });
}
