// The editor's requests to the server (src/server/routes/editor.ts). Under `npm start` they carry
// the trainer token the trainer page keeps in this tab; under `npm run dev` none is needed.
import type { BaseFile } from '../document.js';

export const TOKEN_KEY = 'holdtheline.trainerToken';

export interface Problem {
  readonly text: string;
  readonly line: number;
  readonly col: number;
}

export type SaveAnswer =
  | { readonly kind: 'saved'; readonly hash: string }
  | { readonly kind: 'conflict'; readonly disk: { readonly text: string; readonly hash: string }; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string; readonly problems: readonly Problem[] }
  | { readonly kind: 'failed'; readonly status: number; readonly message: string };

export class EditorApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function headers(): Record<string, string> {
  const token = globalThis.sessionStorage?.getItem(TOKEN_KEY);
  return token ? { authorization: `Bearer ${token}` } : {};
}

export async function openCall(id: string): Promise<BaseFile[]> {
  // Under npm start the token is needed: asked for first, rather than after a refusal.
  if (!globalThis.sessionStorage?.getItem(TOKEN_KEY)) {
    const access = (await (await fetch('/api/editor/access')).json().catch(() => ({}))) as { open?: boolean };
    if (access.open === false) throw new EditorApiError(401, 'trainer-token-required', 'this needs the trainer token');
  }
  const res = await fetch(`/api/editor/calls/${encodeURIComponent(id)}`, { headers: headers() });
  const body = (await res.json().catch(() => ({}))) as { files?: BaseFile[]; error?: { code: string; message: string } };
  if (!res.ok || !body.files) throw new EditorApiError(res.status, body.error?.code ?? 'failed', body.error?.message ?? `the server answered ${res.status}`);
  return body.files;
}

export async function saveFile(id: string, name: string, text: string, base: string, overwrite = false): Promise<SaveAnswer> {
  const res = await fetch(`/api/editor/calls/${encodeURIComponent(id)}/files/${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { ...headers(), 'content-type': 'application/json' },
    body: JSON.stringify({ text, base, ...(overwrite ? { overwrite: true } : {}) }),
  });
  const body = (await res.json().catch(() => ({}))) as any;
  if (res.ok) return { kind: 'saved', hash: body.hash };
  if (res.status === 409 && body.disk) return { kind: 'conflict', disk: body.disk, message: body.error?.message ?? '' };
  if (res.status === 422) return { kind: 'refused', message: body.error?.message ?? '', problems: body.diagnostics ?? [] };
  return { kind: 'failed', status: res.status, message: body.error?.message ?? `the server answered ${res.status}` };
}

/** The calls in the scenario folder the editor can open; null when this server has no editor. */
export async function listCalls(): Promise<{ id: string; title: string }[] | null> {
  const res = await fetch('/api/editor/calls', { headers: headers() });
  if (res.status === 404) return null;
  const body = (await res.json().catch(() => ({}))) as { calls?: { id: string; title: string }[]; error?: { code: string; message: string } };
  if (!res.ok || !body.calls) throw new EditorApiError(res.status, body.error?.code ?? 'failed', body.error?.message ?? `the server answered ${res.status}`);
  return body.calls;
}
