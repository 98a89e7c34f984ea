// Shared helpers for the engine tests: loading fixtures and shipped scenarios, and playing a
// move on a live Session the way a player would (time passing in 100 ms ticks).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, loadScenario, type Move, type Scenario, type Session } from '../../src/engine/index.js';
import { shippedCalls } from '../support/shipped.js';

export const SCENARIO_DIR = join(import.meta.dirname, '../../scenarios');
export const FIXTURE_DIR = join(import.meta.dirname, 'fixtures');

export function loadFile(path: string, name = path): Scenario {
  const result = loadScenario(readFileSync(path, 'utf8'), name);
  if (!result.ok) throw new Error(`${name} does not load:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`);
  return result.scenario;
}

export const loadFixture = (name: string) => loadFile(join(FIXTURE_DIR, name), `fixtures/${name}`);

/** Every scenario file shipped in scenarios/, loaded (translations composed). */
export const shippedScenarios = (): Scenario[] => shippedCalls();

/** A JSON text of a scenario, changed by `edit` (for tests of what bad input does). */
export function editedScenario(name: string, edit: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(readFileSync(join(FIXTURE_DIR, name), 'utf8'));
  edit(doc);
  return JSON.stringify(doc, null, 2);
}

/** Plays one move as a player would: click the reply, or wait in real ticks. */
export function playMove(session: Session, move: Move): void {
  const turn = session.view.turn;
  switch (move.kind) {
    case 'reply': {
      const shown = session.view.replies.find((r) => r.id === move.reply.id);
      if (!shown) throw new Error(`reply ${move.reply.id} is not on offer`);
      if (!session.choose(shown.n)) throw new Error(`CHOOSE ${shown.n} refused`);
      break;
    }
    case 'timeout':
      break;
    case 'hang-up':
      if (!session.hangUp()) throw new Error('HANG_UP refused');
      return;
  }
  // Time passes until the action finishes or the timer runs out (a turn is taken or the call ends).
  for (let guard = 0; guard < 100_000 && !session.ended; guard++) {
    const v = session.view;
    if (v.phase === 'listening' && v.turn > turn) return;
    session.advance(100);
  }
}
