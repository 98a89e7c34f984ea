// Where a spoken line's recording is: the file a trainer named ("voice" on a node, a table's
// "voices"), or else the conventional place, voice/<call>/<locale>/<name>.webm beside the call's
// file — which the generator (assets/generate.ts) writes, the game plays when it exists, and
// `scenario -- list` counts. One rule for all three, so a voice is never made where nobody looks.
import type { DialogueNode, Scenario } from './model.js';
import type { SpokenLine } from '../rules/spokenLine.js';

/** The file name (without folder) of a line's voice, from its string-table key. */
export function voiceName(key: string): string {
  // line.opening → opening; line.opening.timeout.say.2 → opening.silence-2; timeout.say.1 → silence-1
  const silence = /^(?:line\.([^.]+)\.)?timeout\.say\.(\d+)$/.exec(key);
  if (silence) return silence[1] ? `${silence[1]}.silence-${silence[2]}` : `silence-${silence[2]}`;
  return key.startsWith('line.') ? key.slice('line.'.length) : key;
}

/** The conventional voice file of a line, relative to the scenario's file. */
export function conventionalVoice(s: Pick<Scenario, 'id' | 'locale'>, key: string): string {
  return `voice/${s.id}/${s.locale}/${voiceName(key)}.webm`;
}

/** The voice file for a spoken line, relative to the scenario's file: the one named, or the conventional one. */
export function voiceOf(s: Pick<Scenario, 'id' | 'locale'>, node: DialogueNode, line: SpokenLine): string {
  if (!line.silence && node.voice) return node.voice;
  return conventionalVoice(s, line.key);
}

/** Every line a call can speak (each node's line and each silence line once), with its voice file. */
export function spokenLines(s: Scenario): { readonly node: DialogueNode; readonly line: SpokenLine; readonly voice: string }[] {
  const out: { node: DialogueNode; line: SpokenLine; voice: string }[] = [];
  const seen = new Set<string>();
  for (const node of s.nodes.values()) {
    if (node.builtIn || node.say === '') continue;
    const own: SpokenLine = { key: `line.${node.id}`, say: node.say, silence: false };
    out.push({ node, line: own, voice: voiceOf(s, node, own) });
    if (node.replies.length === 0) continue;
    for (const l of node.timeout?.silence ?? []) {
      // The call's default silence lines are shared by every node: one file each.
      if (seen.has(l.key)) continue;
      seen.add(l.key);
      const line: SpokenLine = { key: l.key, say: l.say, silence: true };
      out.push({ node, line, voice: voiceOf(s, node, line) });
    }
  }
  return out;
}
