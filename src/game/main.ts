// The page's entry. `?view=meeting&team=<code>` (the projector page) and `?view=trainer` show the
// leaderboard's pages without Phaser; any other address starts the game.
import './ui/styles.css';

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
