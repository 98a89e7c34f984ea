// A file named relative to another (a scenario's "voice"), as a project-relative path.
export function besideFile(file: string, relative: string): string {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  const parts: string[] = [];
  for (const p of (dir + relative).split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  // An absolute name (a scenario folder outside the project) stays absolute.
  return (file.startsWith('/') ? '/' : '') + parts.join('/');
}
