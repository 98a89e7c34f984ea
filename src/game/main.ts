// The page's entry. `?view=meeting&team=<code>` (the projector page) and `?view=trainer` show the
// leaderboard's pages without Phaser; any other address starts the game.
import { config } from 'zod/mini';
import './ui/styles.css';

// The page's Content-Security-Policy allows no eval (src/server/securityHeaders.ts): zod checks
// what it parses without compiling checkers with new Function, and does not even try (a try that
// fails is still reported as a violation). Set before any module that defines a schema is loaded.
config({ jitless: true });

async function start(): Promise<void> {
  const q = new URLSearchParams(location.search);
  if (q.has('view')) {
    const [{ mountViewForUrl }, { createApiClient }] = await Promise.all([import('../leaderboard/index.js'), import('../client/index.js')]);
    const app = document.getElementById('app')!;
    app.classList.add('htl-page');
    app.replaceChildren();
    if (mountViewForUrl(app, location.href, { client: createApiClient('') })) return;
    location.replace(location.pathname);
    return;
  }
  const { startGame } = await import('./game.js');
  startGame(location);
}

void start();
