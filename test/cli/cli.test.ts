import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchlint } from '../helpers/cli.js';
import { mail } from '../helpers/mail.js';
import { tempRepo } from '../helpers/git-repo.js';

const ingest = (name: string) => `fixtures/ingest/${name}`;

describe('patchlint check', () => {
  it('exits 0 and prints checkpatch-style totals for a clean patch', () => {
    const r = patchlint([ingest('quoted-printable.eml')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('--- migration/ram: destroy the page request mutex\ntotal: 0 errors, 0 warnings, 0 infos, 11 lines checked\n');
    expect(r.stderr).toBe('');
  });

  it('exits 1 on an error-level finding and prints it with its rule', () => {
    const r = patchlint(['-'], { input: mail({ signOff: false }) });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('ERROR: [commit/sob-missing] Missing Signed-off-by: line(s)\n');
    expect(r.stdout).toContain('total: 1 error, 0 warnings, 0 infos');
  });

  it('reads a format-patch folder as one series', () => {
    const r = patchlint([ingest('format-patch-folder'), '--format', 'json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.series).toHaveLength(1);
    expect(json.series[0]).toMatchObject({ subject: 'migration: small cleanups', version: 2, total: 2, missing: [] });
    expect(json.series[0].patches.map((p: { index: number }) => p.index)).toEqual([0, 1, 2]);
  });

  it('unescapes mboxrd and skips replies', () => {
    const r = patchlint([ingest('mboxrd.mbox'), '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.summary).toEqual({ series: 1, patches: 1, error: 0, warning: 0, info: 0 });
  });

  it('turns a rule off with --rule and rejects unknown rules and levels', () => {
    expect(patchlint(['-', '--rule', 'commit/sob-missing=off'], { input: mail({ signOff: false }) }).status).toBe(0);
    const unknown = patchlint(['-', '--rule', 'commit/nope=off'], { input: mail() });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('patchlint: --rule commit/nope: no such rule or family (see patchlint rules)\n(see patchlint check --help)\n');
    expect(patchlint(['-', '--rule', 'commit/sob-missing=loud'], { input: mail() }).status).toBe(2);
  });

  it('reads .patchlint.yml from --tree, and names the file and line of a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'patchlint-tree-'));
    try {
      writeFileSync(join(dir, '.patchlint.yml'), 'rules:\n  commit/sob-missing: info\n');
      const r = patchlint(['-', '--tree', dir], { input: mail({ signOff: false }) });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('INFO: [commit/sob-missing]');
      writeFileSync(join(dir, '.patchlint.yml'), 'rules:\n  commit/sob-missing: loud\n');
      const bad = patchlint(['-', '--tree', dir], { input: mail() });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(new RegExp(`^patchlint: ${dir}/\\.patchlint\\.yml:2: rule commit/sob-missing: level must be`));
      writeFileSync(join(dir, '.patchlint.yml'), 'rules:\n  commit/sob-misisng: off\n');
      const typo = patchlint(['-', '--tree', dir], { input: mail() });
      expect(typo.status).toBe(2);
      expect(typo.stderr).toBe(`patchlint: ${dir}/.patchlint.yml:2: rule commit/sob-misisng: no such rule or family (see patchlint rules)\n(see patchlint check --help)\n`);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('lints a git range with --git', () => {
    const repo = tempRepo();
    try {
      const base = repo.commit('Initial\n\nSigned-off-by: Jane Doe <jane@example.org>', { 'a.c': 'one\n' });
      repo.commit('a: add two\n\nWhy two.', { 'a.c': 'one\ntwo\n' });
      const r = patchlint(['--git', `${base}..HEAD`, '--format', 'json'], { cwd: repo.dir });
      expect(r.status).toBe(1);
      const json = JSON.parse(r.stdout);
      expect(json.findings.map((f: { rule: string; patch: number }) => [f.rule, f.patch])).toEqual([['commit/sob-missing', 1]]);
      expect(json.series[0].notes[0]).toBe('files: read from each commit of the range');
    } finally {
      repo.remove();
    }
  });

  it('prints usage errors without a stack trace', () => {
    const r = patchlint(['--format', 'yaml', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('patchlint: --format must be one of text, json, sarif, markdown, email\n(see patchlint check --help)\n');
    expect(patchlint([]).stderr).toMatch(/^patchlint: no input/);
    expect(patchlint(['--bogus']).stderr).toMatch(/^patchlint: Unknown option '--bogus'/);
  });

  it('answers --help, --version and rules', () => {
    expect(patchlint(['--help']).stdout).toMatch(/^usage: patchlint/);
    expect(patchlint(['--version']).stdout).toMatch(/^qemu-patchlint \d+\.\d+\.\d+\n$/);
    expect(patchlint(['rules']).stdout).toMatch(/^commit\/sob-missing +error +patch +The commit message has no Signed-off-by/m);
  });
});

describe('bad input', () => {
  const bad = (name: string) => `fixtures/ingest/bad/${name}`;
  const r = patchlint([bad('empty.patch'), bad('notes.txt'), ingest('quoted-printable.eml'), bad('truncated.mbox'), bad('binary.bin'), bad('no-patches'), bad('no-diff.eml'), 'no/such/file.mbox', '--format', 'json']);

  it('exits 2 when any input cannot be read', () => {
    expect(r.status).toBe(2);
  });

  it('names each bad input, with the line where it applies, one line each, no stack trace', () => {
    // A broken diff is found when its series is linted, so its line may come later.
    expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual([
      'patchlint: fixtures/ingest/bad/empty.patch: empty input',
      'patchlint: fixtures/ingest/bad/notes.txt:1: not a mail, mbox or patch (line 1: "Things to do before sending v3:")',
      'patchlint: fixtures/ingest/bad/truncated.mbox:65: patch ends inside the hunk @@ -42,5 +42,6 @@ (3 old and 4 new lines missing): truncated?',
      'patchlint: fixtures/ingest/bad/binary.bin:1: binary data, not a mail, mbox or patch',
      'patchlint: fixtures/ingest/bad/no-patches: folder holds no .patch, .eml or .mbox files',
      'patchlint: fixtures/ingest/bad/no-diff.eml:9: no diff found in this patch mail (an attachment of a type it cannot read, or a broken MIME part?)',
      'patchlint: no/such/file.mbox: no such file or directory',
    ].sort());
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('still reports the good inputs, and the good mails of a truncated mbox', () => {
    const json = JSON.parse(r.stdout);
    expect(json.series.map((s: { subject: string }) => s.subject)).toEqual(['migration/ram: destroy the page request mutex', 'migration/ram: drop a stale comment']);
    expect(json.errors).toHaveLength(7);
    expect(json.errors.find((e: { input: string }) => e.input.endsWith('truncated.mbox'))).toEqual({ input: 'fixtures/ingest/bad/truncated.mbox', message: 'line 65: patch ends inside the hunk @@ -42,5 +42,6 @@ (3 old and 4 new lines missing): truncated?' });
  });
});
