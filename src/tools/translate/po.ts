// A call's texts as a gettext PO catalogue for translators, and back into a string table.
// One entry per text: msgctxt is the table's key, msgid the original text, msgstr the
// translation; extracted comments say who speaks, what the trainer's notes around it are, and
// where the game limits its length. Pure: the CLI reads and writes the files.
import { po as gettextPo, type GetTextTranslation, type GetTextTranslations } from 'gettext-parser';
import {
  STRINGS_SCHEMA_VERSION,
  defaultReplyId,
  isTableValue,
  loadScenario,
  composeTable,
  parseTable,
  sourceHash,
  tableFromTranslation,
  tableText,
  textsOf,
  type Diagnostic,
  type ScenarioFile,
  type SourceText,
  type StringsFile,
  type StringsParsed,
  type TextEntry,
} from '../../engine/index.js';

/** Captions longer than this are set in a smaller type (src/game/call/CaptionPresenter.ts). */
export const CAPTION_SMALLER_AFTER = 170;

export class PoError extends Error {
  override readonly name = 'PoError';
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
  }
}

const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** What a translator is told about one text: who says it, where it shows, the notes around it. */
function notesFor(e: TextEntry, file: ScenarioFile): string[] {
  const customer = file.customer?.name ?? 'the customer';
  const node = e.node ? (file.nodes?.[e.node] as Record<string, unknown> | undefined) : undefined;
  const line = typeof node?.say === 'string' && node.say ? `“${clip(node.say)}”` : null;
  const reply = e.reply && node && Array.isArray(node.replies) ? (node.replies as Record<string, unknown>[]).find((r, i) => (r.id ?? defaultReplyId(e.node!, i)) === e.reply) : undefined;
  const replySay = typeof reply?.say === 'string' ? `“${clip(reply.say)}”` : null;
  const end = typeof node?.end === 'string' ? node.end : null;
  switch (e.kind) {
    case 'title':
      return ["Where: the call's title, on the call card and the debrief."];
    case 'brief':
      return ['Where: what the trainee is told before the call.'];
    case 'customer-name':
      return ["Where: the customer's name, on the call card and beside every line."];
    case 'persona':
      return ['Where: who the customer is, on the call card.'];
    case 'fact':
      return ['Where: something the trainee finds out, listed in the debrief ("found" or "missed").'];
    case 'why':
      return ['Where: the debrief, explaining why this is the right ending.'];
    case 'line': {
      const notes = [`Speaker: the customer, ${customer}.`, `Where: a spoken line, captioned. No length limit; captions over ${CAPTION_SMALLER_AFTER} characters are set smaller.`];
      if (typeof node?.hint === 'string') notes.push(`Trainer's hint for the trainee here: ${clip(node.hint, 200)}`);
      if (end) notes.push(`The call ends here (${end}).`);
      return notes;
    }
    case 'hint':
      return [`Where: a hint in practice mode, shown with the customer's line ${line ?? ''}.`.replace(' .', '.')];
    case 'label':
      return [`Where: the debrief, naming how the call ended (instead of "${end ?? 'the outcome'}").`];
    case 'ending-feedback':
      return [`Where: the debrief, the trainer's comment when the call ends at ${line ?? `"${e.node}"`}${end ? ` (${end})` : ''}.`];
    case 'timeout-feedback':
      return [`Where: the debrief, the trainer's comment when the trainee says nothing for too long${line ? ` at ${line}` : ''}.`];
    case 'silence':
      return [
        `Speaker: the customer, ${customer}.`,
        `Where: a spoken line, captioned: what the customer says when the trainee has said nothing for a while${line ? ` after ${line}` : ' (at any line of the call)'}; the same replies follow.`,
      ];
    case 'reply': {
      const notes = ['Speaker: the trainee (a reply button; keys 1-9). No length limit; the button wraps.'];
      if (line) notes.push(`Answers the customer: ${line}`);
      if (typeof reply?.feedback === 'string') notes.push(`Trainer's comment on this reply: ${clip(reply.feedback, 200)}`);
      return notes;
    }
    case 'reply-feedback':
      return [`Where: the debrief, the trainer's comment on the trainee's reply ${replySay ?? ''}.`.replace(' .', '.')];
    case 'doing':
      return [`Where: a caption while the action ${replySay ?? ''} runs, e.g. "Looking up the order…".`.replace('action  runs', 'action runs')];
    case 'examples':
      return [
        `Speaker: the trainee. Other ways a trainee might type the reply ${replySay ?? ''}, one per line, for typed replies; never shown.`.replace('reply  ,', 'reply,'),
        "Write your language's own phrasings, as many as it needs (not a line-by-line translation); each must fit only this reply.",
      ];
  }
}

export interface ExportInput {
  readonly original: SourceText;
  readonly locale: string;
  /** The call's file in that language, if there is one: a table or a whole-file translation. */
  readonly existing?: SourceText | null;
}

export interface ExportResult {
  readonly po: string;
  readonly entries: number;
  readonly translated: number;
  /** Translated from an older text of the original: marked fuzzy. */
  readonly stale: number;
}

/** The existing translation as a table (a whole-file translation is converted on the fly). */
function existingTable(original: SourceText, existing: SourceText): StringsParsed {
  let text = existing.text;
  const parsedValue = parseTable(text, existing.file);
  if (!isTableValue(parsedValue.doc.value)) text = tableFromTranslation(original, existing);
  const table = parseTable(text, existing.file);
  if (!table.ok) throw new PoError(`${existing.file} is not a table that can be read`, table.diagnostics);
  return table.table;
}

export function exportPo(input: ExportInput): ExportResult {
  const loaded = loadScenario(input.original.text, input.original.file);
  if (isTableValue(loaded.doc.value)) throw new PoError(`${input.original.file} is a string table; export from the original it translates (its "translates" id, .json), with --locale ${input.locale}`);
  if (!loaded.ok) throw new PoError(`${input.original.file} does not load`, loaded.diagnostics);
  const s = loaded.scenario;
  if (input.locale === s.locale) throw new PoError(`${input.original.file} is already in "${s.locale}"; give the language to translate into, e.g. --locale uk`);
  const table = input.existing ? existingTable(input.original, input.existing) : null;
  if (table && table.locale !== input.locale) throw new PoError(`${input.existing!.file} is in "${table.locale}", not "${input.locale}"`);
  const file = loaded.doc.value as ScenarioFile;
  const translations: Record<string, Record<string, GetTextTranslation>> = { '': { '': { msgid: '', msgstr: [''] } } };
  let translated = 0;
  let stale = 0;
  const texts = textsOf(loaded.doc.value);
  for (const e of texts) {
    const done = table?.strings[e.key];
    const outdated = done !== undefined && done.source !== sourceHash(e.text);
    if (done) translated++;
    if (outdated) stale++;
    const at = loaded.doc.locate(e.path);
    translations[e.key] = {
      [e.text]: {
        msgctxt: e.key,
        msgid: e.text,
        msgstr: [done?.text ?? ''],
        comments: {
          extracted: notesFor(e, file).join('\n'),
          reference: `${input.original.file}:${at.line}`,
          ...(outdated ? { flag: 'fuzzy', translator: 'The original text changed since this was translated: check it, then clear "fuzzy".' } : {}),
        },
      },
    };
  }
  const catalogue: GetTextTranslations = {
    charset: 'utf-8',
    headers: {
      'Project-Id-Version': `Hold the Line: ${s.id}`,
      Language: input.locale,
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
      'X-Generator': 'npm run scenario -- export',
      'X-Scenario': s.id,
      'X-Original': input.original.file,
      'X-Source-Language': s.locale,
    },
    translations,
  };
  const po = gettextPo.compile(catalogue, { foldLength: 0 }).toString('utf8');
  return { po: po.endsWith('\n') ? po : `${po}\n`, entries: texts.length, translated, stale };
}

/** What one PO file says about a call: its id, language, and original's path as exported. */
export function poHeaders(poText: string): { id: string | null; locale: string | null; original: string | null } {
  const h = parsePo(poText).headers;
  return { id: h['X-Scenario'] ?? null, locale: h.Language ?? null, original: h['X-Original'] ?? null };
}

function parsePo(poText: string): GetTextTranslations {
  try {
    return gettextPo.parse(poText, { defaultCharset: 'utf-8' });
  } catch (e) {
    throw new PoError(`not a PO file that can be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export interface ImportInput {
  readonly po: string;
  readonly original: SourceText;
  /** The table to update, if the output file exists. */
  readonly existing?: SourceText | null;
  /** The table's file name, for messages. */
  readonly out: string;
}

export interface ImportResult {
  readonly table: string;
  readonly locale: string;
  readonly imported: readonly string[];
  readonly fuzzy: readonly string[];
  readonly empty: readonly string[];
  /** Keys the original no longer has. */
  readonly unknown: readonly string[];
  /** What the new table still lacks or holds stale, from composing it with the original. */
  readonly diagnostics: readonly Diagnostic[];
}

export function importPo(input: ImportInput): ImportResult {
  const catalogue = parsePo(input.po);
  const loaded = loadScenario(input.original.text, input.original.file);
  if (!loaded.ok) throw new PoError(`${input.original.file} does not load`, loaded.diagnostics);
  const s = loaded.scenario;
  const locale = catalogue.headers.Language?.trim();
  if (!locale) throw new PoError('the PO file has no "Language" header; set the language in your PO editor (e.g. uk) and save it again');
  const id = catalogue.headers['X-Scenario'];
  if (id && id !== s.id) throw new PoError(`the PO file translates "${id}", and ${input.original.file} is "${s.id}"`);
  let strings: Record<string, { text: string; source?: string }> = {};
  let voices: Record<string, string> | undefined;
  if (input.existing) {
    const t = parseTable(input.existing.text, input.existing.file);
    if (!isTableValue(t.doc.value)) throw new PoError(`${input.existing.file} is a whole-file translation, not a string table; turn it into one first (npm run scenario -- migrate), or import with --out to another file`);
    if (!t.ok) throw new PoError(`${input.existing.file} is a string table with problems; fix them first`, t.diagnostics);
    if (t.table.locale !== locale) throw new PoError(`${input.existing.file} is in "${t.table.locale}", and the PO file in "${locale}"`);
    strings = { ...t.table.strings };
    voices = t.table.voices;
  }
  const texts = textsOf(loaded.doc.value);
  const known = new Set(texts.map((t) => t.key));
  const imported: string[] = [];
  const fuzzy: string[] = [];
  const empty: string[] = [];
  const unknown: string[] = [];
  for (const [ctx, byId] of Object.entries(catalogue.translations)) {
    for (const entry of Object.values(byId)) {
      if (entry.msgid === '' && ctx === '') continue; // the header
      const key = entry.msgctxt ?? ctx;
      if (!known.has(key)) unknown.push(key || entry.msgid);
      else if (entry.comments?.flag?.split(',').some((f) => f.trim() === 'fuzzy')) fuzzy.push(key);
      else if (!entry.msgstr[0]) empty.push(key);
      else {
        strings[key] = { text: entry.msgstr[0], source: sourceHash(entry.msgid) };
        imported.push(key);
      }
    }
  }
  // In the original's order; whatever the table held beyond it stays at the end (lint reports it).
  const ordered: Record<string, { text: string; source?: string }> = {};
  for (const t of texts) if (strings[t.key]) ordered[t.key] = strings[t.key]!;
  for (const [k, v] of Object.entries(strings)) if (!(k in ordered)) ordered[k] = v;
  const schema = (loaded.doc.value as { $schema?: unknown }).$schema;
  const table: StringsFile = {
    $schema: typeof schema === 'string' && schema.endsWith('scenario.schema.json') ? schema.replace(/scenario\.schema\.json$/, 'strings.schema.json') : './strings.schema.json',
    schemaVersion: STRINGS_SCHEMA_VERSION,
    translates: s.id,
    locale,
    strings: ordered,
    ...(voices ? { voices } : {}),
  };
  const text = tableText(table);
  const composed = composeTable({ file: input.original.file, doc: loaded.doc, scenario: s }, text, input.out);
  return { table: text, locale, imported, fuzzy, empty, unknown, diagnostics: composed.diagnostics };
}
