// "Test from here" on the game's side: the call editor leaves in this tab's storage the call, the
// line to start from (with facts, mood and patience) and its unsaved texts, then opens the call
// with `&test=editor`. The library plays those texts and starts the call there, for this visit
// only; the call is practice and is never kept (no best, no history, no board); a strip on every
// screen says so and leads back to the editor, which opens where the trainer was.
import type { StartState } from '../../engine/index.js';
import { adoptStyles, h } from '../../leaderboard/dom.js';
import { editorTranslator } from '../../editor/page/i18n.js';
import { markEditorTest } from './editorTestFlag.js';
import type { ScenarioLibrary } from './ScenarioLibrary.js';

/** The editor's key (src/editor/page/editorPage.ts TEST_KEY). */
const TEST_KEY = 'holdtheline.editor.test';

export interface EditorTest {
  readonly id: string;
  readonly locale: string;
  readonly start: StartState;
  readonly texts: Readonly<Record<string, string>>;
  readonly back: string;
}

/** The test the address and the tab's storage ask for, or null. */
export function editorTestFor(search: string, storage: Pick<Storage, 'getItem'> | undefined = globalThis.sessionStorage): EditorTest | null {
  if (new URLSearchParams(search).get('test') !== 'editor' || !storage) return null;
  try {
    const t = JSON.parse(storage.getItem(TEST_KEY) ?? 'null') as EditorTest | null;
    if (!t || typeof t.id !== 'string' || !t.start || typeof t.start.node !== 'string' || typeof t.back !== 'string') return null;
    // Only back to this site's own editor.
    const back = new URL(t.back, location.href);
    if (back.origin !== location.origin) return null;
    return { ...t, texts: t.texts && typeof t.texts === 'object' ? t.texts : {} };
  } catch {
    return null;
  }
}

/** Sets the library up for the test the address asks for (if any) and shows the strip. */
export function applyEditorTest(library: ScenarioLibrary, search: string = location.search): void {
  const test = editorTestFor(search);
  if (!test) return;
  markEditorTest();
  for (const [name, text] of Object.entries(test.texts)) library.replaceFile(name, text);
  const problems = library.testFrom(test.id, test.start);
  showStrip(test, problems);
}

const CSS = `
.htl-editor-test { position: fixed; left: 50%; top: 2px; transform: translateX(-50%); z-index: 1000; max-width: min(620px, calc(100vw - 16px));
  padding: 2px 10px; border-radius: 6px; background: #1b2736; color: #eef2f7; border: 2px solid #ffb347; font: 13px/1.35 system-ui, sans-serif; }
.htl-editor-test a { color: #8cc4ff; font-weight: 650; margin-left: 8px; }
.htl-editor-test a:focus-visible { outline: 3px solid #ffb347; outline-offset: 2px; }
`;

function showStrip(test: EditorTest, problems: readonly string[]): void {
  adoptStyles(document, 'htl-editor-test', CSS);
  // The editor's own strings (src/i18n/locales/<lang>/editor.json), not the game's.
  const { t: say } = editorTranslator(new URLSearchParams(location.search).get('lang') ?? document.documentElement.lang);
  const text = problems.length > 0 ? say('test.problem', { problems: problems.join('; ') }) : say('test.note', { node: test.start.node });
  document.body.append(h('nav', { class: 'htl-editor-test', 'aria-label': say('test.title'), ...(problems.length > 0 ? { role: 'alert' } : {}) }, text, h('a', { href: test.back }, say('test.back'))));
}
