// Helpers for the editor's tests.

/**
 * The lines one text has and the other lacks, by a longest common subsequence of lines (what
 * `git diff` shows as - and +), after the common first and last lines are set aside.
 */
export function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const p = x.slice(head, x.length - tail);
  const q = y.slice(head, y.length - tail);
  // lcs[i][j]: the longest common subsequence of p[i..] and q[j..].
  const lcs = Array.from({ length: p.length + 1 }, () => new Int32Array(q.length + 1));
  for (let i = p.length - 1; i >= 0; i--) for (let j = q.length - 1; j >= 0; j--) lcs[i]![j] = p[i] === q[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < p.length || j < q.length) {
    if (i < p.length && j < q.length && p[i] === q[j]) (i++, j++);
    else if (j < q.length && (i === p.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) added.push(q[j++]!);
    else removed.push(p[i++]!);
  }
  return { removed, added };
}
