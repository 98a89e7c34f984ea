// What loads before the title screen stays small: only the library's module (loaded after the
// title) may use the engine at run time; everything else in the game imports its types only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/scenarios.js';

// The library loads after the title; src/game/dev/ is Node tooling (vite plugin, generators), never shipped.
const LAZY = new Set(['src/game/library/ScenarioLibrary.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('bundle boundaries', () => {
  it('uses the engine at run time only in modules loaded after the title', () => {
    const offenders = sources(join(ROOT, 'src/game'))
      .map((p) => relative(ROOT, p))
      .filter((f) => !LAZY.has(f) && !f.startsWith('src/game/dev/'))
      .filter((f) => /^import\s+(?!type\b)[^;]*from\s+'[./]+engine\/index\.js'/m.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('loads the leaderboard, the inspector and the library only when needed', () => {
    const eager = sources(join(ROOT, 'src/game')).filter((p) => !p.includes('/dev/'));
    for (const p of eager) {
      const text = readFileSync(p, 'utf8');
      expect(text, relative(ROOT, p)).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+'[./]+leaderboard\/index\.js'/m);
      expect(text, relative(ROOT, p)).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+'@statelyai\/inspect'/m);
      if (!p.endsWith('library/lazy.ts')) expect(text, relative(ROOT, p)).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+'[./]+library\/ScenarioLibrary\.js'/m);
    }
  });
  it('gives Phaser only the first screens; the later ones are imported only by the scene loader, as chunks of their own', () => {
    const later = ['SignInScene', 'PickerScene', 'CallScene', 'DebriefScene', 'LeaderboardScene', 'SettingsScene', 'HistoryScene'];
    const loader = readFileSync(join(ROOT, 'src/game/scenes/sceneLoader.ts'), 'utf8');
    for (const scene of later) expect(loader).toContain(`import('./${scene}.js')`);
    for (const p of sources(join(ROOT, 'src/game')).filter((f) => !f.includes('/dev/'))) {
      const text = readFileSync(p, 'utf8');
      for (const scene of later) expect(text, relative(ROOT, p)).not.toMatch(new RegExp(`^import\\s+(?!type\\b)[^;]*from\\s+'[./]+(scenes/)?${scene}\\.js'`, 'm'));
    }
  });

  it('loads the typed replies’ matcher only from call/typedMatcher.ts, by import(), and nothing else brings it in', () => {
    const matcher = /from\s+'[./]+(engine\/)?match\/index\.js'|import\(\s*'[./]+(engine\/)?match\/index\.js'\s*\)/;
    const runtime = /^import\s+(?!type\b)[^;]*from\s+'[./]+(engine\/)?match\/[^']*'/m;
    for (const p of [...sources(join(ROOT, 'src/game')), ...sources(join(ROOT, 'src/leaderboard')), ...sources(join(ROOT, 'src/client'))].filter((f) => !f.includes('/dev/'))) {
      const text = readFileSync(p, 'utf8');
      expect(text, relative(ROOT, p)).not.toMatch(runtime);
      if (!p.endsWith('call/typedMatcher.ts') && !p.endsWith('leaderboard/replayView.ts')) expect(text.replace(/^import\s+type\b[^;]*;/gm, ''), relative(ROOT, p)).not.toMatch(matcher);
    }
    expect(readFileSync(join(ROOT, 'src/game/call/typedMatcher.ts'), 'utf8')).toContain("import('../../engine/match/index.js')");
    // Nor does the rest of the engine (which the library loads after the title) at run time.
    for (const p of sources(join(ROOT, 'src/engine')).filter((f) => !f.includes('/engine/match/'))) {
      expect(readFileSync(p, 'utf8'), relative(ROOT, p)).not.toMatch(/^(import|export)\s+(?!type\b)[^;]*from\s+'[./]+(match\/)[^']*'/m);
    }
  });
});
