// npm run scenario -- <command>: the trainers' tools.
// Exit status: 0 clean, 1 problems found, 2 wrong usage.
import { exportCommand } from './commands/export.js';
import { graphCommand } from './commands/graph.js';
import { importCommand } from './commands/import.js';
import { lintCommand } from './commands/lint.js';
import { listCommand } from './commands/list.js';
import { matchCommand } from './commands/match.js';
import { migrateCommand } from './commands/migrate.js';
import { newCommand } from './commands/new.js';
import { packageCommand } from './commands/package.js';
import { pinCommand } from './commands/pin.js';
import { simulateCommand } from './commands/simulate.js';
import { EXIT, UsageError } from './usage.js';

const USAGE = `usage: npm run scenario -- <command> [options]

commands:
  lint [<files, folders or call ids>] [--json]
      check scenario files (no argument: the whole scenario folder): format, links,
      reachability, endings, the ideal, loops, feedback, facts, whether each skill can
      be aced and failed, voices, translations
  list [<folder>] [--json]
      every call in the folder: its languages, and those in which every line it can
      speak has a voice file (--json: [{"id", "locales", "voiced"}])
  graph <file or call id> [--format mermaid|dot|svg] [--out <file>]
      the call as a graph (default mermaid, printed); replies on the edges, actions
      marked, endings coloured by outcome, the shortest ideal path in bold
  simulate <file or call id> [--json] [--timeouts] [--hang-up]
      the best and worst score of each skill and overall, each with the shortest path
      that reaches it, every ending and how to reach it, the shortest ideal path (the
      trainee's replies only, unless --timeouts / --hang-up add letting the timer run
      out / hanging up)
  simulate <file> --path 1,3,2 [--seed n] [--mode exam|practice] [--json]
      play the call: each move a reply's id, or its position as listed in the file under
      its node (1 = the first reply written there); "t" lets the timer run out, "h" hangs up;
      prints the turns with the scores' ledger, exactly as the game computes them
  simulate <file> --think <seconds> [--path 1,3,2] [--seed n]
      play in an exam (the ideal path unless --path) with the trainee taking that long
      over each decision: patience at each turn, and where the timer runs out or the
      customer hangs up
  new <id> [--out <file>] [--locale <code>] [--force]
      a new scenario file from a commented template (default <scenario folder>/<id>.json)
  pin <file> --path <moves> --name "<plan>" [--seed n] [--mode practice|exam] [--note "<why>"]
      play the moves (reply ids or positions as for simulate --path, "t", "h") and write
      the plan — steps, ending, scores — into <id>.plans.json beside the call (a plan of
      the same name is replaced); the golden tests and lint play every plan file
  export <original> --locale <code> [--out <file.po>]
      the call's texts as a gettext PO file for translators (speaker, the trainer's notes
      as context; the translation so far if <id>.<code>.json exists): docs/translating.md
  import <file.po> [--out <table>] [--original <file>]
      a translated PO file into the call's string table (<id>.<code>.json beside the
      original), with each text's source hash; fuzzy and empty entries are not imported
  match <file or call id> --node <id> --text "<text>" [--locale <code>] [--json]
      what the game's matcher takes a typed reply as at that node, all its replies on
      offer (--locale: the call's translation beside it; --json: {"reply", "confidence",
      "evidence"}, reply null unless the match is confident)
  migrate [<files, folders or call ids>] [--dry-run]
      rewrite files of format version 1 for version 2: a call's file changes only its
      "schemaVersion" (comments kept); a whole-file translation becomes a string table
  package <scorm12|scorm2004|cmi5> <file, call id or assignment file> --out <file.zip>
          [--pass 80] [--seed n] [--title "<title>"]
      an LMS package: the game's call screen, the call(s), their voices and sounds, and
      the manifest; it reports completion, pass or fail (the overall mark --pass, default
      80, and an assignment file's skill gates), the scores and each skill as an objective,
      and resumes an interrupted call (README: Packages for an LMS)

the scenario folder is SCENARIO_DIR (default scenarios/, subfolders included); a call
id (e.g. update-warning, or update-warning.ru) names its <id>.json / <id>.<locale>.json there

exit status: 0 nothing found, 1 problems found, 2 wrong usage
`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return lintCommand(rest);
      case 'list':
        return listCommand(rest);
      case 'graph':
        return await graphCommand(rest);
      case 'simulate':
        return simulateCommand(rest);
      case 'new':
        return newCommand(rest);
      case 'export':
        return exportCommand(rest);
      case 'import':
        return importCommand(rest);
      case 'migrate':
        return migrateCommand(rest);
      case 'match':
        return matchCommand(rest);
      case 'pin':
        return pinCommand(rest);
      case 'package':
        return await packageCommand(rest);
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return EXIT.clean;
      case undefined:
        process.stderr.write(USAGE);
        return EXIT.usage;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n(npm run scenario -- help shows every command)\n`);
    return EXIT.usage;
  }
}

process.exitCode = await main(process.argv.slice(2));
