// The smallest call with voices to make and list: two lines the customer speaks, an ending, and
// the call's silence lines. Tests of the voice generator and of `scenario -- list` add to it.
export function tinyCall(silence: readonly string[] = ['Hello?']) {
  return {
    schemaVersion: 2,
    id: 'tiny',
    title: 'Tiny',
    locale: 'en',
    brief: 'A test.',
    customer: { name: 'Ann Test', gender: 'female' },
    ideal: { outcome: 'retained' },
    timeout: { after: 20, say: [...silence] },
    nodes: {
      opening: { say: 'My order never came.', replies: [{ id: 'sorry', say: 'Sorry, let me check.', next: 'thanks' }] } as Record<string, unknown>,
      thanks: { say: 'Thanks, bye.', end: 'retained' } as Record<string, unknown>,
    } as Record<string, Record<string, unknown>>,
  };
}
