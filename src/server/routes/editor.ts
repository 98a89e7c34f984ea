// The call editor's files (issue 18): read a call's file and its string tables, each with the
// hash of its text, and save one back. A save names the hash it was based on: if the file
// changed on disk since (another editor), it is answered 409 with the disk's version, and only
// `overwrite` replaces it. A save that would not load is refused with the loader's messages
// (file:line:column). Files are found by listing the scenario folder, never by joining a name to
// a path, and written atomically (a temporary file beside it, then renamed over it).
// Under `npm run dev` the routes are open (the trainer's own machine); under `npm start` they
// need the trainer token.
import { createHash } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { formatDiagnostic, loadScenarioFiles, type Diagnostic } from '../../engine/index.js';
import { ID_PATTERN } from '../../engine/format/schema.js';
import { baseName } from '../../engine/load/fileKinds.js';
import { filesOfCall, scenarioFilesIn } from '../../tools/folder/scenarioFolder.js';
import { HttpError } from '../httpError.js';
import type { ScenarioLibrary } from '../scenarios.js';
import { requireTrainer } from './auth.js';

export interface EditorRouteOptions {
  readonly dir: string;
  readonly library: ScenarioLibrary;
  readonly trainerToken: string;
  /** `npm run dev`: no token asked. */
  readonly open: boolean;
}

/** A file of a call as the editor gets it. */
export interface EditorFile {
  readonly name: string;
  readonly kind: 'original' | 'table';
  readonly text: string;
  readonly hash: string;
}

/** The hash of a file's text (its bytes as UTF-8): what a save names as its base. */
export const textHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);

/** A saved call's file is at most this large (a generated call of 1,000 nodes is about 1 MB). */
const SAVE_LIMIT = 8 * 1024 * 1024;
const FILE_NAME = /^[a-z][a-z0-9_-]*(\.[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)?\.json$/;

function checkId(id: string): void {
  if (!ID_PATTERN.test(id) || id.length > 100) throw new HttpError(400, 'bad-call-id', `"${id}" is not a call id: ids are lower-case words joined by dashes, e.g. "update-warning"`);
}

/** The call's files in the folder, by name: the original first, then its tables. */
function callFiles(dir: string, id: string): Map<string, string> {
  const byName = new Map<string, string>();
  const paths = filesOfCall(dir, id).sort((a, b) => Number(baseName(b) === `${id}.json`) - Number(baseName(a) === `${id}.json`));
  for (const path of paths) if (!byName.has(baseName(path))) byName.set(baseName(path), path);
  if (!byName.has(`${id}.json`)) throw new HttpError(404, 'unknown-call', `the scenario folder has no call "${id}" (no ${id}.json in it or its subfolders)`);
  return byName;
}

const errorsOf = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error');

export const editorRoutes: FastifyPluginAsync<EditorRouteOptions> = async (app, o) => {
  const allow = (req: FastifyRequest) => {
    if (!o.open) requireTrainer(req, o.trainerToken);
  };

  // Whether the editor needs the trainer token here (so the page asks for it before any request is refused).
  app.get('/editor/access', async () => ({ open: o.open }));

  // The calls the editor can open: each original in the folder (not its string tables), by id.
  app.get('/editor/calls', async (req) => {
    allow(req);
    const calls: { id: string; title: string }[] = [];
    for (const path of scenarioFilesIn(o.dir)) {
      let value: unknown;
      try {
        value = JSON.parse(await readFile(path, 'utf8'));
      } catch {
        continue;
      }
      const v = value as { id?: unknown; title?: unknown; translates?: unknown } | null;
      if (!v || typeof v.id !== 'string' || v.translates !== undefined || baseName(path) !== `${v.id}.json`) continue;
      calls.push({ id: v.id, title: typeof v.title === 'string' ? v.title : v.id });
    }
    return { calls: calls.sort((a, b) => a.id.localeCompare(b.id)) };
  });

  app.get<{ Params: { id: string } }>('/editor/calls/:id', async (req) => {
    allow(req);
    checkId(req.params.id);
    const files: EditorFile[] = [];
    for (const [name, path] of callFiles(o.dir, req.params.id)) {
      const text = await readFile(path, 'utf8');
      files.push({ name, kind: name === `${req.params.id}.json` ? 'original' : 'table', text, hash: textHash(text) });
    }
    return { id: req.params.id, files };
  });

  app.put<{ Params: { id: string; name: string }; Body: { text: string; base: string; overwrite?: boolean } }>(
    '/editor/calls/:id/files/:name',
    {
      bodyLimit: SAVE_LIMIT,
      schema: {
        body: {
          type: 'object',
          required: ['text', 'base'],
          additionalProperties: false,
          properties: { text: { type: 'string', maxLength: SAVE_LIMIT }, base: { type: 'string', pattern: '^[0-9a-f]{32}$' }, overwrite: { type: 'boolean' } },
        },
      },
    },
    async (req, reply) => {
      allow(req);
      const { id, name } = req.params;
      checkId(id);
      const files = callFiles(o.dir, id);
      const path = FILE_NAME.test(name) ? files.get(name) : undefined;
      if (!path) throw new HttpError(404, 'unknown-file', `the call "${id}" has no file "${name}"; the editor saves ${[...files.keys()].join(', ')}`);
      const { text, base, overwrite } = req.body;

      // The save must load: an original alone, a table with the original as it is on disk.
      const original = `${id}.json`;
      const sources = [{ file: name, text }];
      if (name !== original) sources.unshift({ file: original, text: await readFile(files.get(original)!, 'utf8') });
      const loaded = loadScenarioFiles(sources).find((l) => l.file === name)!;
      const errors = errorsOf(loaded.diagnostics);
      if (!loaded.ok || errors.length > 0) {
        return reply.code(422).send({
          error: { code: 'would-not-load', message: `the file was not saved: it would not load (${formatDiagnostic(errors[0] ?? loaded.diagnostics[0]!)})` },
          diagnostics: errors.map((d) => ({ message: d.message, hint: d.hint, line: d.line, col: d.col, code: d.code, path: d.path, text: formatDiagnostic(d) })),
        });
      }
      if (loaded.kind === 'scenario' && loaded.scenario.id !== id) {
        throw new HttpError(422, 'id-changed', `the file's "id" is "${loaded.scenario.id}", but it is the file of "${id}"; keep the id, or make a new call with npm run scenario -- new`);
      }

      const disk = await readFile(path, 'utf8');
      const diskHash = textHash(disk);
      if (diskHash !== base && !overwrite) {
        return reply.code(409).send({
          error: { code: 'changed-on-disk', message: `${name} changed on disk since you opened it (another editor?): reload it, or overwrite it with your version` },
          disk: { text: disk, hash: diskHash },
        });
      }
      if (disk !== text) await writeAtomically(path, text);
      void o.library.scan().catch(() => undefined);
      return { name, hash: textHash(text), changed: disk !== text };
    },
  );
};

/** Writes beside the file and renames over it: a reader sees the old file or the new, never half of one. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${baseName(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
