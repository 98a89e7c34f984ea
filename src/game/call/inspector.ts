// `?inspect`: shows the session's state machine live in the Stately inspector (it opens in a new
// window). Loaded only when asked for.
//
// The inspector subscribes to the session actor's system; the actor, which started before the
// trainer clicked, is announced by hand with its current snapshot.
import type { Session } from '../../engine/index.js';

export async function inspectSession(session: Session): Promise<() => void> {
  const { createBrowserInspector } = await import('@statelyai/inspect');
  const inspector = createBrowserInspector();
  const actor = session.actorRef;
  const snapshot = actor.getSnapshot() as { value: unknown; context: unknown; status: 'active' };
  // The inspector reads the machine's definition from the actor itself.
  inspector.actor(actor, { value: snapshot.value, context: snapshot.context, status: snapshot.status });
  const sub = actor.system.inspect(inspector.inspect);
  return () => {
    sub.unsubscribe();
    inspector.stop();
  };
}
