// How deep a JSON text nests, found in one pass over the text without building anything, so a
// body nested 100,000 levels deep is refused before JSON.parse, a schema or JSON.stringify
// recurses into it (a stack overflow would be a 500). Strings are skipped whole: brackets inside
// them do not count.

/** The deepest an API body may nest: a result's body is 4 levels deep (body, transcript, events, event). */
export const MAX_JSON_DEPTH = 32;

/** The first depth past `max` that `text` reaches, or null when it stays within `max`. */
export function tooDeep(text: string, max: number = MAX_JSON_DEPTH): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return depth;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return null;
}
