// `?inspect`: shows the session's state machine live in the Stately inspector (it opens in a new
// window). Loaded only when asked for.
//
// The engine's Session makes its actor itself and takes no inspection observer, so this reaches
// its actor's system, which xstate lets any observer subscribe to; the actor, which started
// before we could attach, is announced by hand with its current snapshot.
import type { AnyActorRef } from 'xstate';
import type { Session } from '../../engine/index.js';

export async function inspectSession(session: Session): Promise<() => void> {
  const { createBrowserInspector } = await import('@statelyai/inspect');
  const inspector = createBrowserInspector();
  const actor = (session as unknown as { actor?: AnyActorRef }).actor;
  if (!actor) {
    console.warn('?inspect: this engine version does not expose its session actor; nothing to inspect');
    return () => inspector.stop();
  }
  const snapshot = actor.getSnapshot() as { value: unknown; context: unknown; status: 'active' };
  // The inspector reads the machine's definition from the actor itself.
  inspector.actor(actor, { value: snapshot.value, context: snapshot.context, status: snapshot.status });
  const sub = actor.system.inspect(inspector.inspect);
  return () => {
    sub.unsubscribe();
    inspector.stop();
  };
}
