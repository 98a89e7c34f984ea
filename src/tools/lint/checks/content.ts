// What the file says, checked without playing it: feedback on every reply, conditions on facts
// that something reveals (a reply, a timeout, a node's "enter"), voice files that exist, and the
// "$schema" reference editors use.
import { dirname, isAbsolute, resolve } from 'pathe';
import type { Diagnostic } from '../../../engine/index.js';

type JsonPath = Diagnostic['path'];
import { listOf, replyPath, type FileContext } from '../context.js';
import { schemaRefFor } from '../schemaPath.js';

export function checkFeedback(ctx: FileContext): void {
  for (const node of ctx.scenario.nodes.values()) {
    for (const r of node.replies) {
      if (r.feedback === null || r.feedback.trim() === '') {
        ctx.report('no-feedback', replyPath(node.id, r.index), `reply ${r.index + 1} of node "${node.id}" has no feedback for the debrief`, 'add "feedback": "…", saying why this reply is good or bad');
      }
    }
  }
}

export function checkFactsRevealed(ctx: FileContext): void {
  const s = ctx.scenario;
  const revealed = new Set<string>();
  for (const node of s.nodes.values()) {
    for (const r of node.replies) for (const f of r.reveals) revealed.add(f);
    for (const f of node.timeout?.reveals ?? []) revealed.add(f);
    for (const f of node.enter?.reveals ?? []) revealed.add(f);
  }
  // Flags (format 2) are set, not revealed: memory.ts checks that something sets them.
  for (const f of s.flags.keys()) revealed.add(f);
  const hint = (f: string) => `add "reveals": "${f}" to the reply (or action) that finds it out`;
  // The path is made only for a message (a call of 10,000 nodes has tens of thousands of conditions).
  const checkCondition = (path: () => JsonPath, known: readonly string[], unknown: readonly string[]) => {
    for (const f of known) {
      if (!revealed.has(f)) ctx.report('fact-never-revealed', path(), `this condition needs fact "${f}", which nothing reveals, so it never holds`, hint(f));
    }
    for (const f of unknown) {
      if (!revealed.has(f)) ctx.report('fact-never-revealed', path(), `this condition excludes fact "${f}", which nothing reveals, so it always holds`, hint(f));
    }
  };
  for (const node of s.nodes.values()) {
    for (const r of node.replies) {
      if (r.when) checkCondition(() => replyPath(node.id, r.index, 'if'), r.when.known, r.when.unknown);
      for (let i = 0; i < r.next.length; i++) {
        const b = r.next[i]!;
        if (b.when) checkCondition(() => replyPath(node.id, r.index, 'next', i, 'if'), b.when.known, b.when.unknown);
      }
    }
  }
  s.ideal.forEach((ideal, i) => {
    const missing = ideal.requires.filter((f) => !revealed.has(f));
    if (missing.length > 0) {
      const path = Array.isArray(ctx.raw.ideal) ? ['ideal', i, 'requires'] : ['ideal', 'requires'];
      ctx.report('fact-never-revealed', path, `the ideal requires ${listOf(missing)}, which nothing reveals`, hint(missing[0]!));
    }
  });
  for (const fact of s.facts.values()) {
    if (fact.key && !revealed.has(fact.id)) {
      ctx.report('fact-never-revealed', ['facts', fact.id], `key fact "${fact.id}" is never revealed, so every call loses accuracy for missing it`, hint(fact.id), true);
    }
  }
}

export function checkVoices(ctx: FileContext): void {
  const dir = dirname(ctx.file);
  for (const node of ctx.scenario.nodes.values()) {
    if (!node.voice) continue;
    const path = isAbsolute(node.voice) ? node.voice : resolve(dir, node.voice);
    if (!ctx.env.fileExists(path)) {
      ctx.report('missing-voice', ['nodes', node.id, 'voice'], `voice file "${node.voice}" does not exist (looked for ${path}); the line will play silently`, 'generate it with the game\'s voice script, or fix the path (relative to this file)');
    }
  }
}

export function checkSchemaRef(ctx: FileContext): void {
  const ref = ctx.raw.$schema;
  if (ref === undefined) {
    ctx.report('schema-ref', [], 'the file has no "$schema", so editors cannot check or complete it', `add "$schema": "${schemaRefFor(ctx.file, 'scenario.schema.json')}" as the first property (the path from this file to the game's scenarios/scenario.schema.json)`);
    return;
  }
  if (/^[a-z]+:/i.test(ref)) return; // a URL: not ours to check
  const path = resolve(dirname(ctx.file), ref);
  if (!ctx.env.fileExists(path)) {
    ctx.report('schema-ref', ['$schema'], `"$schema" points to "${ref}", which does not exist (looked for ${path})`, `write "$schema": "${schemaRefFor(ctx.file, 'scenario.schema.json')}" (the path from this file to the game's scenarios/scenario.schema.json)`);
  }
}
