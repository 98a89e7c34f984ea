// `scenario -- package`: what it refuses (with a message for the trainer), the assignment file,
// the manifests (well-formed XML, text escaped), and a package built from a call id as a trainer
// types it. The packages' behaviour in an LMS is tested in Chromium (tests/lms/).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { packageCommand } from '../../src/cli/commands/package.js';
import { UsageError } from '../../src/cli/usage.js';
import { assignmentFileSchema } from '../../src/tools/lms/assignmentFile.js';
import { cmi5Xml, identifierOf, scorm12Manifest, scorm2004Manifest } from '../../src/tools/lms/manifests.js';
import { cli, ROOT } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'htl-package-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scenario -- package', () => {
  it('refuses a wrong command line, saying what is wrong (exit status 2)', { timeout: 60_000 }, async () => {
    const cases: [string[], RegExp][] = [
      [[], /the standard first: scorm12, scorm2004, cmi5/],
      [['scorm12', 'first-call'], /needs --out <file.zip>/],
      [['scorm12', 'first-call', '--out', 'x.zip', '--pass', '101'], /--pass is a whole number from 0 to 100, not "101"/],
      [['scorm12', 'no-such-call', '--out', 'x.zip'], /no call "no-such-call"/],
    ];
    for (const [args, message] of cases) await expect(packageCommand(args), args.join(' ')).rejects.toThrow(message);
    await expect(packageCommand(['scorm12', 'first-call', '--out', 'x.zip', '--frobnicate'])).rejects.toBeInstanceOf(UsageError);
    // As a trainer runs it: the message, and exit status 2.
    const r = cli(['package', 'scorm3', 'first-call', '--out', 'x.zip']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not "scorm3"/);
  });

  it('refuses an assignment file that is not valid, naming the field (exit status 1)', { timeout: 60_000 }, () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ assignment: 1, title: 'Week 1', calls: [], passGates: { overall: 80, skills: { charm: 50 } } }));
    const r = cli(['package', 'cmi5', file, '--out', join(dir, 'bad.zip')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/at calls: /);
    expect(r.stderr).toMatch(/at passGates\.skills/);
    expect(r.stderr).toMatch(/is not a valid assignment file/);
  });

  it('builds a package from a call id with the default pass mark of 80 and a new seed per try', { timeout: 60_000 }, () => {
    const out = join(dir, 'first-call.zip');
    const r = cli(['package', 'scorm12', 'first-call', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const files = unzipSync(readFileSync(out));
    const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
    expect(XMLValidator.validate(manifest)).toBe(true);
    expect(manifest).toContain('<title>Where is my order?</title>');
    const options = Object.entries(files).find(([n]) => /htl-package.*\.js$/.test(n))!;
    const text = new TextDecoder().decode(options[1]);
    expect(text).toContain('gates:{overall:80,skills:{}}');
    expect(text).toContain('seed:null');
  });
});

describe('assignment files', () => {
  it('take a title, calls in order, the pass gates and an optional seed; nothing else', () => {
    const a = assignmentFileSchema.parse({ assignment: 1, title: 'Week 1', calls: ['vague-refund', 'late-defect.pl'], passGates: { overall: 80, skills: { judgment: 70 } } });
    expect(a).toEqual({ assignment: 1, title: 'Week 1', calls: ['vague-refund', 'late-defect.pl'], passGates: { overall: 80, skills: { judgment: 70 } } });
    expect(assignmentFileSchema.safeParse({ ...a, extra: true }).success).toBe(false);
    expect(assignmentFileSchema.safeParse({ ...a, assignment: 2 }).success).toBe(false);
    expect(assignmentFileSchema.safeParse({ ...a, calls: Array(41).fill('x') }).success).toBe(false);
  });
});

describe('manifests', () => {
  const meta = { id: 'urn:hold-the-line:package:scorm12:a-en-1234', title: 'Refunds & "no" <fast>', description: '', launch: 'index.html', masteryScore: 75, files: ['index.html', 'assets/a b.js'] };

  it.each([
    ['SCORM 1.2', scorm12Manifest],
    ['SCORM 2004', scorm2004Manifest],
    ['cmi5', cmi5Xml],
  ])('%s: well-formed, the title escaped', (_, make) => {
    const xml = make(meta);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('Refunds &amp; &quot;no&quot; &lt;fast&gt;');
  });

  it('makes XML identifiers from the package IRI, and gives cmi5 the pass mark as a mastery score', () => {
    expect(identifierOf(meta.id)).toBe('htl-scorm12-a-en-1234');
    expect(cmi5Xml(meta)).toContain('masteryScore="0.75"');
    expect(scorm12Manifest(meta)).not.toContain('masteryscore');
  });
});
