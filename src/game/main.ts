// The page's entry. `?view=meeting&team=<code>` (the projector page) and `?view=trainer` show the
// leaderboard's pages without Phaser, `?view=editor&scenario=<id>` the call editor; any other
// address starts the game.
import { config } from 'zod/mini';
import { pickRenderer } from './ui/renderer.js';
import './ui/styles.css';

// The page's Content-Security-Policy allows no eval (src/server/securityHeaders.ts): zod checks
// what it parses without compiling checkers with new Function, and does not even try (a try that
// fails is still reported as a violation). Set before any module that defines a schema is loaded.
config({ jitless: true });

async function start(): Promise<void> {
  const q = new URLSearchParams(location.search);
  if (q.get('view') === 'editor') {
    // The call editor (issue 18): a view of its own, loaded only here.
    const { mountEditor } = await import('../editor/page/editorPage.js');
    const app = document.getElementById('app')!;
    app.replaceChildren();
    mountEditor(app, { id: q.get('scenario') ?? '', lang: q.get('lang') });
    return;
  }
  if (q.has('view')) {
    const [{ mountViewForUrl }, { createApiClient }] = await Promise.all([import('../leaderboard/index.js'), import('../client/index.js')]);
    const app = document.getElementById('app')!;
    app.classList.add('htl-page');
    app.replaceChildren();
    if (mountViewForUrl(app, location.href, { client: createApiClient('') })) return;
    location.replace(location.pathname);
    return;
  }
  // Asked while the game's code downloads, when the main thread has nothing else to do.
  const game = import('./game.js');
  const renderer = pickRenderer(location.search);
  const { startGame } = await game;
  startGame(location, renderer);
}

void start();
