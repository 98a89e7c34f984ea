// A call's translation as a string table (format version 2) — defined once, here.
// One file per language holds only the texts of one call, keyed by stable ids ("line.opening",
// "reply.listen.feedback"; see translation/texts.ts for every key), each with a short hash of the
// original text it was translated from, so the checker can tell when the original has changed
// since. The structure (numbers, conditions, links) stays in the original alone.
// scenarios/strings.schema.json is generated from this (npm run schema).
import { z } from 'zod';

export const STRINGS_SCHEMA_VERSION = 2;

/** A source hash: 8 hex digits, a 32-bit hash of the original text (translation/texts.ts). */
export const SOURCE_HASH_PATTERN = /^[0-9a-f]{8}$/;

export const stringEntrySchema = z
  .object({
    text: z.string().min(1).describe('The text in this language.'),
    source: z
      .string()
      .regex(SOURCE_HASH_PATTERN, { message: 'a source hash is 8 hex digits, as `npm run scenario -- import` writes it' })
      .optional()
      .describe(
        'Hash of the original text this was translated from (8 hex digits). When the original changes, the checker reports the string as stale. Written by `npm run scenario -- import`.',
      ),
  })
  .strict();

export const stringsSchema = z
  .object({
    $schema: z.string().optional().describe('"./strings.schema.json", so editors check and complete this file.'),
    schemaVersion: z.literal(STRINGS_SCHEMA_VERSION).describe('The version of this format: 2.'),
    translates: z
      .string()
      .regex(/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/, { message: 'the id of the call this translates, e.g. "never-satisfied"' })
      .describe('The id of the call this translates; the original is the file of that id in the same folder.'),
    locale: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, { message: 'locale is a language code such as "ru", "pl" or "uk"' })
      .describe('The language of these texts, e.g. "ru", "pl", "uk".'),
    strings: z
      .record(z.string().min(1), stringEntrySchema)
      .describe('The texts by key: "title", "brief", "customer.name", "fact.<id>", "line.<node>", "reply.<reply id>", … (docs/translating.md).'),
    voices: z
      .record(z.string().min(1), z.string().min(1))
      .optional()
      .describe('Recorded lines in this language by node id, relative to this file, e.g. {"opening": "voice/<id>/ru/opening.webm"}. A node without one here is silent in this language.'),
  })
  .strict();

export type StringsFile = z.input<typeof stringsSchema>;
export type StringsParsed = z.output<typeof stringsSchema>;
export type StringEntry = z.output<typeof stringEntrySchema>;
