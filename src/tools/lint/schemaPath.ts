// Where the editors' schemas are (the project's scenarios/ folder), and the "$schema" a file
// should write to reach one from where it is — inside the project or in a trainer's own folder.
// Runs in the browser too (the call editor's live checks), where there is no project folder.
import { dirname, relative, resolve } from 'pathe';

/** This file's folder under Node; undefined in the browser. */
const here = (import.meta as { dirname?: string }).dirname;

/** The "$schema" value that reaches `schema` ("scenario.schema.json" or "strings.schema.json") from `file`. */
export function schemaRefFor(file: string, schema: 'scenario.schema.json' | 'strings.schema.json'): string {
  // In the browser: the copy of the schema the scenario folder keeps beside its calls.
  if (!here) return `./${schema}`;
  const rel = relative(dirname(resolve(file)), resolve(here, '../../../scenarios', schema));
  return rel.startsWith('.') ? rel : `./${rel}`;
}
