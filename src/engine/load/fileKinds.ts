// Which files in a scenario folder are what, by name alone: the one home of the rule that every
// reader of a folder (the CLI, the dev server's plugin, the server's library, the sound
// generator) imports. Pure string functions: the engine reads no folders.

/** Files beside the calls that are not calls: the format's JSON Schema and golden plan files. */
const NOT_SCENARIOS = ['.schema.json', '.plans.json'] as const;

/** The last part of a path ("a/b/c.json" → "c.json"), for either separator. */
export const baseName = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/** Whether a file (a name or a path) in a scenario folder is a scenario file. */
export function isScenarioFile(path: string): boolean {
  const name = baseName(path);
  return name.endsWith('.json') && !name.startsWith('.') && !NOT_SCENARIOS.some((s) => name.endsWith(s));
}

/** Whether a folder under a scenario folder is looked in (not node_modules, not hidden ones). */
export const isScenarioSubfolder = (name: string): boolean => name !== 'node_modules' && !name.startsWith('.');

/** Whether a file is a voice recording a scenario can name. */
export const isVoiceFile = (path: string): boolean => /\.(webm|ogg|mp3|m4a)$/.test(baseName(path));

/**
 * Whether a scenario file is (by its name) one of call `id`'s: `<id>.json`, or a language's
 * `<id>.<locale>.json`. `id` may name the locale itself ("update-warning.ru").
 */
export function isFileOfCall(path: string, id: string): boolean {
  if (!isScenarioFile(path)) return false;
  const stem = baseName(path).slice(0, -'.json'.length);
  if (stem === id) return true;
  return stem.startsWith(`${id}.`) && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(stem.slice(id.length + 1));
}

/** Whether a command-line argument names a call by id rather than a path. */
export const looksLikeCallId = (arg: string): boolean => !/[/\\]/.test(arg) && !arg.endsWith('.json') && /^[A-Za-z0-9][\w.-]*$/.test(arg);
