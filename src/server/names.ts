// Players' and teams' names: what is kept of a typed name, when it is refused, and when two names
// look the same on a board (Unicode's confusable skeletons, UTS #39).
//
// Kept: the composed form (NFC), spaces made single, and the invisible characters that belong
// where they stand — a zero-width joiner inside an emoji sequence (👩‍💻) or a word, a Persian
// zero-width non-joiner inside a word (می‌خواهم), a variation selector after what it varies (❤️),
// the tag characters of a flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿). Every other invisible character is dropped (zero-width
// spaces, bidirectional overrides, Hangul fillers, the blank Braille pattern), so a name that is
// nothing but those is empty, and refused.
import unhomoglyph from 'unhomoglyph';
import { HttpError } from './httpError.js';

/** Unicode's default-ignorable characters (invisible by design), and blanks that are not among them. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800\u3164\uFFA0\u115F\u1160]/u;
const JOINERS = new Set(['\u200C', '\u200D']);
/** What a joiner may stand after, and before: letters and their marks, emoji and their modifiers. */
const JOINS_AFTER = /[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u;
const JOINS_BEFORE = /[\p{L}\p{M}\p{Extended_Pictographic}]/u;
const VARIATION_SELECTOR = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
const TAG = /[\u{E0020}-\u{E007F}]/u;
const BLACK_FLAG = '\u{1F3F4}';
/** Left after the invisible ones are dropped, these are refused: controls, private use, unassigned, lone surrogates, other formatting. */
const REFUSED = /[\p{Cc}\p{Co}\p{Cn}\p{Cs}\p{Cf}]/u;

export type NameRefusal = 'name-empty' | 'name-control';

/** Each invisible character kept only where it does something (see the file's head). */
function dropStrayInvisibles(chars: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!INVISIBLE.test(c)) {
      out.push(c);
      continue;
    }
    const before = out[out.length - 1];
    const after = chars[i + 1];
    if (JOINERS.has(c)) {
      if (before !== undefined && after !== undefined && JOINS_AFTER.test(before) && JOINS_BEFORE.test(after)) out.push(c);
    } else if (VARIATION_SELECTOR.test(c)) {
      if (before !== undefined && !INVISIBLE.test(before) && !/\s/u.test(before)) out.push(c);
    } else if (TAG.test(c)) {
      if (before === BLACK_FLAG || (before !== undefined && TAG.test(before))) out.push(c);
    }
  }
  return out;
}

/** Whether the kept character is allowed to be there (a joiner, selector or tag kept above). */
const keptInvisible = (c: string) => JOINERS.has(c) || VARIATION_SELECTOR.test(c) || TAG.test(c);

/**
 * The name as it is kept, or why it is refused: null when it is fine. Does not throw, so the
 * game could check a name the same way before sending it.
 */
export function tidyName(typed: string): { name: string } | { refused: NameRefusal } {
  const chars = dropStrayInvisibles([...typed.normalize('NFC')]);
  const name = chars.join('').replace(/\s+/gu, ' ').trim().normalize('NFC');
  if ([...name].some((c) => REFUSED.test(c) && !keptInvisible(c))) return { refused: 'name-control' };
  const visible = [...name].filter((c) => !INVISIBLE.test(c) && !/\s/u.test(c));
  if (visible.length === 0) return { refused: 'name-empty' };
  return { name };
}

/** The name as it is kept (tidyName), or a 400 with the reason's code and a sentence. */
export function cleanName(typed: string): string {
  const tidy = tidyName(typed);
  if ('name' in tidy) return tidy.name;
  throw tidy.refused === 'name-empty'
    ? new HttpError(400, 'name-empty', 'a name needs at least one visible character (spaces and invisible characters do not count)')
    : new HttpError(400, 'name-control', 'a name cannot hold control or formatting characters; type it again with letters, digits, spaces or emoji');
}

/** UTS #39's skeleton: decompose, map each character to the one it is confused with, decompose again. */
function skeleton(s: string): string {
  return unhomoglyph(s.normalize('NFD')).normalize('NFD');
}

/**
 * What a name looks like, for telling look-alikes apart: two names with the same key would read
 * the same on a board ("Vіctor" with a Cyrillic і and "Victor"; "BiII" and "Bill"). Invisible
 * characters and case do not count: the skeleton, lower-cased, skeletoned again (lower-casing
 * can turn a letter into one with a different skeleton: I → i, where I looked like l).
 */
export function nameSkeleton(name: string): string {
  const bare = [...name.normalize('NFC')].filter((c) => !INVISIBLE.test(c)).join('').replace(/\s+/gu, ' ').trim();
  return skeleton(skeleton(bare).toLowerCase());
}
