// The command line as a trainer uses it: exit codes (0 clean, 1 problems, 2 wrong usage),
// --json output for programs, and the files it writes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, edited } from './support.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'scenario-cli-'));

describe('scenario CLI', () => {
  it('new writes a commented template that lints clean; refuses to overwrite; rejects a bad id', () => {
    const dir = tmp();
    const file = join(dir, 'late-parcel.json');
    expect(cli(['new', 'late-parcel', '--out', file]).status).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^\/\/ /m);
    expect(text).toContain('"id": "late-parcel"');
    const lint = cli(['lint', file]);
    expect([lint.status, lint.stdout.trim()]).toEqual([0, '1 file(s) checked: 0 error(s), 0 warning(s)']);
    expect(cli(['new', 'late-parcel', '--out', file]).status).toBe(2);
    expect(cli(['new', 'Bad Id', '--out', join(dir, 'x.json')]).status).toBe(2);
  }, 60_000);

  it('lint: 1 with file:line:col messages when problems are found, and --json for programs', () => {
    const dir = tmp();
    const file = join(dir, 'broken.json');
    writeFileSync(file, edited((d) => void (d.nodes.status.replies[1].next = 'escalate')));
    const text = cli(['lint', file]);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: "next" names no node "escalate" — did you mean "escalated"`, 'm'));
    const json = cli(['lint', '--json', file]);
    expect(json.status).toBe(1);
    const out = JSON.parse(json.stdout);
    expect(out).toMatchObject({ files: 1, errors: 1 });
    expect(out.diagnostics[0]).toMatchObject({ code: 'unknown-node', severity: 'error', file });
  }, 60_000);

  it('wrong usage exits 2', () => {
    expect(cli([]).status).toBe(2);
    expect(cli(['frobnicate']).status).toBe(2);
    expect(cli(['lint'], ROOT, { SCENARIO_DIR: join(tmp(), 'none') }).status).toBe(2);
    expect(cli(['lint', 'no/such/dir']).status).toBe(2);
    expect(cli(['lint', '--bogus', 'scenarios']).status).toBe(2);
    expect(cli(['graph', 'scenarios/first-call.json', '--format', 'png']).status).toBe(2);
    expect(cli(['simulate', 'scenarios/first-call.json', '--path', '9']).status).toBe(2);
    expect(cli(['help']).status).toBe(0);
  }, 60_000);

  it('simulate --json: bounds, endings and the ideal path; --path --json: turns, ledger, transcript', () => {
    const sim = cli(['simulate', 'scenarios/first-call.json', '--json']);
    expect(sim.status).toBe(0);
    const report = JSON.parse(sim.stdout);
    expect(report.bounds.judgment).toMatchObject({ best: 100, worst: 0 });
    expect(report.idealPath).toMatchObject({ path: '1,1,1', turns: 3 });
    expect(report.endings.map((e: { node: string }) => e.node)).toContain('thanks');
    const play = cli(['simulate', 'scenarios/first-call.json', '--path', report.idealPath.path, '--json']);
    const played = JSON.parse(play.stdout);
    expect(played.score).toMatchObject({ politeness: 100, accuracy: 100, judgment: 100, ideal: true });
    expect(played.transcript.events[0]).toEqual({ type: 'ANSWER' });
    const text = cli(['simulate', 'scenarios/first-call.json', '--path', '2,2']);
    expect(text.stdout).toContain('accuracy    -40   reply opening.2');
    expect(text.stdout).toContain('ended at gives-up: hung-up');
  }, 60_000);

  it('graph: mermaid, dot and svg, well formed', () => {
    const mermaid = cli(['graph', 'scenarios/first-call.json']).stdout.trim().split('\n');
    expect(mermaid[0]).toBe('flowchart TD');
    // Every line is a node, a link, a class or a style statement of a flowchart.
    for (const line of mermaid.slice(1)) expect(line).toMatch(/^ {2}(n\d+(\[".*"\]|\(\[".*"\]\))|n\d+ (-->|==>|-\.->)\|".*"\| n\d+|classDef \w+ .+|class [n\d,]+ \w+|style n\d+ .+|linkStyle [\d,]+ .+)$/);
    expect(mermaid.filter((l) => l.includes('==>')).length).toBe(3); // the ideal path: 3 replies

    const dot = cli(['graph', 'scenarios/first-call.json', '--format', 'dot']).stdout;
    expect(dot.startsWith('digraph call {')).toBe(true);
    expect(dot.match(/->/g)?.length).toBeGreaterThan(5);

    const dir = tmp();
    const out = join(dir, 'call.svg');
    expect(cli(['graph', 'scenarios/first-call.json', '--format', 'svg', '--out', out]).status).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(parsed.svg).toBeDefined();
    // Graphviz writes "-" as &#45;; every node of the call is drawn, endings in their outcome's colour.
    for (const id of ['opening', 'thanks', 'gives-up', 'escalated']) expect(svg).toContain(`<title>${id.replace(/-/g, '&#45;')}</title>`);
    expect(svg).toContain('fill="#009e73"'); // retained
    expect(svg).toContain('fill="#d55e00"'); // hung up
  }, 60_000);
});
