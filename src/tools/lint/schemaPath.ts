// Where the editors' schemas are (the project's scenarios/ folder), and the "$schema" a file
// should write to reach one from where it is — inside the project or in a trainer's own folder.
import { dirname, relative, resolve, sep } from 'node:path';

const SCHEMAS = resolve(import.meta.dirname, '../../../scenarios');

/** The "$schema" value that reaches `schema` ("scenario.schema.json" or "strings.schema.json") from `file`. */
export function schemaRefFor(file: string, schema: 'scenario.schema.json' | 'strings.schema.json'): string {
  const rel = relative(dirname(resolve(file)), resolve(SCHEMAS, schema)).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
