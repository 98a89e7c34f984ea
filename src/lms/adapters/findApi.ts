// SCORM's API object is put on a window of the LMS: this one's parents (a frameset, an iframe),
// or the window that opened this one and its parents (a pop-up). SCORM's own search order.
const MAX_DEPTH = 10;

function upFrom(win: Window | null, name: string): unknown {
  for (let w = win, depth = 0; w && depth <= MAX_DEPTH; depth++) {
    try {
      const api = (w as unknown as Record<string, unknown>)[name];
      if (api) return api;
    } catch {
      // a window of another origin: not the LMS's API
    }
    if (w.parent === w) break;
    w = w.parent;
  }
  return null;
}

export function findApi<T>(name: 'API' | 'API_1484_11', win: Window = window): T | null {
  return (upFrom(win, name) ?? upFrom(win.opener as Window | null, name) ?? (win.top?.opener ? upFrom(win.top.opener as Window, name) : null)) as T | null;
}
