// The eight faults of issue 14, each on a minimised input beside a clean
// mail: the bad input is one line on stderr naming file and line, exit 2,
// and the clean mail is still reported (nothing lost, no stack trace).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { patchlint } from '../helpers/cli.js';
import { fileDiff, mail } from '../helpers/mail.js';

const CLEAN = 'fixtures/ingest/quoted-printable.eml';
const CLEAN_SUBJECT = 'migration/ram: destroy the page request mutex';
const robust = (name: string) => `fixtures/robust/${name}`;
const scratch = mkdtempSync(join(tmpdir(), 'patchlint-robust-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `check --format json` on `input` then the clean mail; asserts the contract and returns the parsed document. */
function checkBeside(input: string, expectedError: RegExp) {
  const r = patchlint(['--format', 'json', input, CLEAN]);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(expectedError);
  const json = JSON.parse(r.stdout);
  expect(json.series.map((s: { subject: string }) => s.subject)).toContain(CLEAN_SUBJECT);
  expect(json.errors).toHaveLength(1);
  return json;
}

describe('issue 14: inputs that broke the contract', () => {
  it('1. MIME nested deeper than 256 levels is an input error, and the run goes on', () => {
    checkBeside(robust('mime-nesting-257.eml'), /^patchlint: fixtures\/robust\/mime-nesting-257\.eml:8: cannot decode the MIME body: .*256 levels/);
  });

  it('2. "\\ No newline" right after the @@ line is read, not a crash', () => {
    const r = patchlint([robust('no-newline-after-hunk-header.patch'), CLEAN]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1); // the 8-line patch has no Signed-off-by
    expect(r.stdout).toContain('--- a: b\n');
    expect(r.stdout).toContain(`--- ${CLEAN_SUBJECT}`);
  });

  it('3. a huge series total is an input error naming the Subject line; up to 999 patches are believed', () => {
    checkBeside(robust('huge-series-total.patch'), /^patchlint: fixtures\/robust\/huge-series-total\.patch:3: implausible patch counter 1\/9007199254740993/);
    const r = patchlint(['--format', 'json', '-'], { input: mail({ subject: '[PATCH 1/999] migration: fix a leak in the colo path' }) });
    const json = JSON.parse(r.stdout);
    expect(json.series[0].total).toBe(999);
    expect(json.series[0].missing).toHaveLength(998);
    // A lone patch gets no series heading in text; markdown names what is missing, as ranges.
    const markdown = patchlint(['--format', 'markdown', '-'], { input: mail({ subject: '[PATCH 1/999] migration: fix a leak in the colo path' }) });
    expect(markdown.stdout).toContain('Missing from the input: patches 2-999 of 999.');
  });

  it('4. a hunk start beyond what a file can have is a corrupt-hunk error naming its line', () => {
    checkBeside(robust('huge-hunk-start.patch'), /^patchlint: fixtures\/robust\/huge-hunk-start\.patch:12: corrupt hunk header @@ -1,2 \+99999999999999999999999999,3 @@/);
  });

  it('5. 5,000 levels of schema nesting give a syntax finding at the file and line, not a stack overflow', () => {
    const deep = `{ 'struct': 'Deep', 'data': ${"{ 'a': ".repeat(5000)}'int'${' }'.repeat(5000)} }`;
    const input = mail({ subject: '[PATCH] qapi: add a deep struct', diff: fileDiff('qapi/deep.json', 1, [`+${deep}`], { newFile: true }) });
    const r = patchlint(['--format', 'json', '-'], { input });
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.findings.map((f: { rule: string; file: string; line: number; message: string }) => [f.rule, f.file, f.line, f.message.replace(/ \(.*/, '')])).toContainEqual([
      'qapi/syntax',
      'qapi/deep.json',
      1,
      'nesting deeper than 100 levels',
    ]);
    // A tree's whole schema file, through `patchlint schema`.
    mkdirSync(join(scratch, 'tree/qapi'), { recursive: true });
    writeFileSync(join(scratch, 'tree/qapi/migration.json'), `# comment\n${deep}\n`);
    const schema = patchlint(['schema', join(scratch, 'tree')]);
    expect(schema.stderr).toBe('');
    expect(schema.stdout).toMatch(/^qapi\/migration\.json:2: error: \[qapi\/syntax\] nesting deeper than 100 levels/);
  });

  it('7. control characters from the input are escaped in text, markdown and stderr, and kept in JSON', () => {
    const input = robust('control-characters.patch');
    for (const format of ['text', 'markdown', 'email']) {
      const r = patchlint(['--format', format, input, 'no-such-file\x1b[2J']);
      expect(r.stdout + r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
      // The email's Subject is RFC 2047-encoded; its body quotes the line.
      expect(r.stdout).toContain(format === 'email' ? '+y\\x1b[31m' : '\\x1b]0;owned\\x07');
      expect(r.stderr).toBe('patchlint: no-such-file\\x1b[2J: no such file or directory\n');
    }
    expect(patchlint([input]).stdout).toContain('+y\\x1b[31m \n');
    const json = JSON.parse(patchlint(['--format', 'json', input]).stdout);
    expect(json.series[0].subject).toBe('a: b\x1b]0;owned\x07\x1b[2J');
  });

  it('8. a bad .patchlint.yml with --format json still gives the JSON document, the error in errors', () => {
    writeFileSync(join(scratch, '.patchlint.yml'), 'rules:\n  no/such-rule: off\n');
    const r = patchlint(['--format', 'json', join(process.cwd(), CLEAN)], { cwd: scratch });
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).errors).toEqual([{ input: join(scratch, '.patchlint.yml'), message: 'line 2: rule no/such-rule: no such rule or family (see patchlint rules)' }]);
    expect(r.stderr).toBe(`patchlint: ${join(scratch, '.patchlint.yml')}:2: rule no/such-rule: no such rule or family (see patchlint rules)\n`);
    const schema = patchlint(['schema', '--format', 'json', '--config', join(scratch, '.patchlint.yml'), join(scratch, 'tree')], { cwd: scratch });
    expect(schema.status).toBe(2);
    expect(JSON.parse(schema.stdout).errors).toHaveLength(1);
  });

  it('8. option-parser messages are one line, then the pointer to --help', () => {
    for (const args of [['--format', '-x', CLEAN], ['--bogus', CLEAN], ['schema', '--format']]) {
      const r = patchlint(args);
      expect(r.status).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^patchlint: Option '.*'|^patchlint: Unknown option/);
      expect(lines[1]).toMatch(/^\(see patchlint (\w+ )?--help\)$/);
    }
  });
});
