// The simulate reports as text for people.
import { DIMENSIONS, gradeOf, type LedgerEntry, type LedgerCause } from '../../engine/index.js';
import type { PacedDecision, PlayReport } from './playPath.js';
import type { PathReport, SimulationReport } from './simulateCall.js';

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const ending = (p: PathReport) => (p.ending ? `${p.ending.node} (${p.ending.label ? `"${p.ending.label}", ` : ''}${p.ending.outcome})` : 'no ending');
/** Weighted points, rounded for reading (fractional weights give fractions). */
const points = (n: number) => `${Math.round(n * 10) / 10} point(s)`;
const way = (p: PathReport) => `--path ${p.path || '(none)'}  ${p.turns} turn(s), ends at ${ending(p)}`;

export function formatSimulation(r: SimulationReport): string {
  const lines: string[] = [];
  const moves = ['replies', ...(r.moves.timeouts ? ['timeouts'] : []), ...(r.moves.hangUp ? ['hanging up'] : [])].join(', ');
  lines.push(`${r.scenario.file}: "${r.scenario.title}" (${r.scenario.id}, ${r.scenario.locale})`);
  lines.push(`${r.states} reachable states, moves counted: ${moves}${r.exactTurns ? ' (turns tracked exactly: the call can loop or run to the turn limit)' : ''}`);
  if (r.truncated) lines.push('WARNING: exploration stopped at the state limit; the figures cover only the states explored');
  lines.push('', 'skill        best  worst');
  for (const d of DIMENSIONS) lines.push(`${pad(d, 12)} ${pad(r.bounds[d].best, 5)} ${r.bounds[d].worst}`);
  if (r.overall) lines.push(`${pad('overall', 12)} ${pad(`${r.overall.best} ${gradeOf(r.overall.best)}`, 5)} ${r.overall.worst} ${gradeOf(r.overall.worst)}`);
  else lines.push('overall      (not worked out: the call has too many distinct paths to keep)');
  lines.push('', 'the shortest path to each (fewest moves):');
  for (const [name, b] of [...DIMENSIONS.map((d) => [d, r.bounds[d]] as const), ...(r.overall ? [['overall', r.overall] as const] : [])]) {
    lines.push('', `${name}:`, `  best  ${b.best}: ${way(b.bestPath)}`, `        ${b.bestPath.steps}`);
    lines.push(`  worst ${b.worst}: ${way(b.worstPath)}`, `        ${b.worstPath.steps}`);
  }
  lines.push('', `${r.endings.length} distinct ending(s) reachable:`);
  lines.push(`  ${pad('ending', 20)} ${pad('outcome', 11)} ${pad('ideal', 6)} ${pad('best overall', 13)} cheapest path (fewest weighted points lost, then turns)`);
  for (const e of r.endings) {
    // "ideal" only where the path shown ends ideally; "can be" where this path misses what the ideal requires.
    const ideal = e.best.ideal ? 'ideal' : e.ideal ? 'can be' : '';
    lines.push(`  ${pad(e.node, 20)} ${pad(e.outcome, 11)} ${pad(ideal, 6)} ${pad(`${e.best.overall} (${e.best.grade})`, 13)} --path ${e.best.path} (${e.best.turns} turn(s), ${points(e.best.pointsLost)} lost)`);
  }
  if (r.endings.some((e) => e.ideal && !e.best.ideal)) {
    lines.push('  ("can be": ideal only with every fact its ideal requires; the cheapest path shown ends there without them)');
  }
  lines.push('');
  if (r.idealPath) {
    const p = r.idealPath;
    lines.push(`ideal path: --path ${p.path}  (${p.turns} turn(s), ${points(p.pointsLost)} lost, overall ${p.overall} ${p.grade}, ends at ${ending(p)})`, `  ${p.steps}`);
    lines.push('  (the fewest points lost, weighted as the overall score weighs the skills, then the fewest turns)');
  } else lines.push('ideal path: none — no sequence of moves reaches an ideal ending with what it requires known');
  return lines.join('\n');
}

function cause(c: LedgerCause): string {
  switch (c.kind) {
    case 'reply':
      return `reply ${c.reply}`;
    case 'timeout':
      return `timer ran out at ${c.node}`;
    case 'hang-up':
      return `hung up at ${c.node}`;
    case 'missed-fact':
      return `key fact "${c.fact}" never found`;
    case 'outcome':
      return `outcome ${c.outcome} (credit ${c.credit})`;
    case 'unmet':
      return `"${c.fact}" not known when ending ${c.outcome}`;
    case 'forbidden':
      return `"${c.fact}" happened before ending ${c.outcome}, which the ideal forbids`;
    case 'over-par':
      return `${c.turns} turns, par ${c.par}`;
    case 'unanswered':
      return 'the phone was never answered';
  }
}

const entry = (e: LedgerEntry) => `      ${pad(e.dimension, 11)} ${pad(e.points, 5)} ${cause(e.cause)}${e.note ? ` — ${e.note}` : ''}`;

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** A decision's wait under --think, on one line. */
function paced(p: PacedDecision): string {
  const timer = p.timerMs === null ? 'no timer' : `timer ${seconds(p.timerMs)}`;
  const what = p.result === 'answered' ? `answered after ${seconds(p.thoughtMs)}` : p.result === 'timed-out' ? `the timer ran out after ${seconds(p.thoughtMs)}, before the answer` : `the customer hung up after ${seconds(p.thoughtMs)}, before the answer`;
  return `  thinking: patience ${p.patienceAtStart} → ${p.patienceAtEnd} while waiting (${timer}); ${what}`;
}

export function formatPlay(r: PlayReport): string {
  const lines: string[] = [];
  if (r.thinkMs !== null) lines.push(`exam pacing: the trainee takes ${seconds(r.thinkMs)} per decision`, '');
  for (const t of r.turns) {
    lines.push(`turn ${t.turn} at ${t.node}`, `  customer: ${t.customer}`);
    const p = r.pacing.find((x) => x.turn === t.turn);
    if (p) lines.push(paced(p));
    lines.push(`  trainee:  ${t.move}`);
    lines.push(`  mood ${t.moodBefore} → ${t.moodAfter}, patience ${t.patienceBefore} → ${t.patienceAfter}${t.revealed.length ? `, found: ${t.revealed.join(', ')}` : ''}`);
    if (t.ledger.length > 0) lines.push('  ledger:', ...t.ledger.map(entry));
    if (t.better) {
      const reach = t.better.yours === null ? `best still possible ${t.better.overall}` : `best still possible ${t.better.overall}, after this move ${t.better.yours}`;
      lines.push(`  better:   ${t.better.reply}: ${t.better.say} (${reach})`);
      if (t.better.why) lines.push(`            ${t.better.why}`);
    }
  }
  for (const p of r.pacing.filter((x) => !r.turns.some((t) => t.turn === x.turn))) lines.push(`turn ${p.turn} at ${p.node}`, paced(p));
  if (r.stopped) lines.push('', `stopped: ${r.stopped}`);
  if (r.thinkMs !== null) {
    const lowest = Math.min(...r.pacing.map((p) => p.patienceAtEnd), ...r.turns.map((t) => t.patienceAfter));
    const timeouts = r.turns.filter((t) => t.move.startsWith('(said nothing')).length;
    lines.push('', `pacing: lowest patience ${Number.isFinite(lowest) ? lowest : '—'}, ${timeouts} timeout(s), ${r.ending?.outcome === 'hung-up' ? 'the customer hung up' : 'no hang-up'}`);
  }
  if (r.ending) {
    lines.push('', `ended at ${r.ending.node}: ${r.ending.outcome}${r.ending.say ? ` — "${r.ending.say}"` : ''}`);
    if (r.ending.feedback) lines.push(`  ${r.ending.feedback}`);
    if (r.endLedger.length > 0) lines.push('  judged at the end:', ...r.endLedger.map(entry));
  } else lines.push('', 'the call has not ended (scores so far)');
  const s = r.score;
  lines.push('', `politeness ${s.politeness}, accuracy ${s.accuracy}, judgment ${s.judgment} — overall ${s.overall}, grade ${s.grade}${s.ideal ? ' (ideal ending)' : ''}`);
  return lines.join('\n');
}
