// `patchlint fix`: the acceptance repository of issue 12 (a real git repo),
// and format-patch files rewritten in place.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchlint } from '../helpers/cli.js';
import { tempRepo } from '../helpers/git-repo.js';

const BASE_SCHEMA = ['# -*- Mode: Python -*-', '# vim: filetype=python', '#', '', '##', '# @net-ping:', '#', '# Ping the network.', '#', '# Since: 9.0', '##', "{ 'command': 'net-ping' }", ''].join('\n');
const NEW_COMMAND = [
  '',
  '##',
  '# @set-tap-local:',
  '#',
  // A one-space sentence, no final period, 140 characters.
  '# Keep the tap file descriptors open across a local migration. The descriptors are passed to the destination QEMU over the migration channel',
  '#',
  '# @fds: the descriptors to keep (Since: 10.2)',
  '#',
  '# Since: 10.1',
  '##',
  "{ 'command': 'set-tap-local', 'data': { 'fds': 'str' } }",
  '',
].join('\n');
const FIXED_RULES = ['qapi/doc-two-spaces', 'qapi/doc-period', 'qapi/doc-line-too-long', 'qapi/since-format', 'qapi/since-wrong-release', 'qapi/syntax'];

/** The words of the doc comments, without spacing, punctuation and releases. */
function docWords(schema: string): string[] {
  return schema
    .split('\n')
    .filter((l) => l.startsWith('#'))
    .join(' ')
    .replace(/\(?[Ss]ince:?\s*\d+\.\d+\)?/g, ' ')
    .replace(/[.:]+(?=\s|$)/g, ' ')
    .split(/[\s#]+/)
    .filter(Boolean);
}

function acceptanceRepo() {
  const repo = tempRepo();
  repo.commit('Initial\n\nSigned-off-by: Jane Doe <jane@example.org>', { VERSION: '10.1.50\n', 'qapi/net.json': BASE_SCHEMA });
  repo.commit('net: add set-tap-local\n\nKeep the tap fds on local migration.\n\nSigned-off-by: Jane Doe <jane@example.org>', { 'qapi/net.json': BASE_SCHEMA + NEW_COMMAND });
  return repo;
}

describe('patchlint fix --git', () => {
  it('dry run prints a diff and changes nothing; fix repairs the work tree; the amended commit is clean', () => {
    const repo = acceptanceRepo();
    try {
      const before = readFileSync(join(repo.dir, 'qapi/net.json'), 'utf8');
      const findings = JSON.parse(patchlint(['check', '--git', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir }).stdout).findings.map((f: { rule: string }) => f.rule);
      expect(new Set(findings)).toEqual(new Set(['qapi/doc-two-spaces', 'qapi/doc-period', 'qapi/doc-line-too-long', 'qapi/since-format', 'qapi/since-wrong-release']));

      const dry = patchlint(['fix', '--dry-run'], { cwd: repo.dir });
      expect(dry.status).toBe(0);
      expect(dry.stdout).toMatch(/^--- a\/qapi\/net.json\n\+\+\+ b\/qapi\/net.json\n@@ /);
      expect(dry.stdout).toContain('+# @fds: the descriptors to keep.  (since 10.2)');
      expect(dry.stderr).toMatch(/^would fix qapi\/net.json: /);
      expect(readFileSync(join(repo.dir, 'qapi/net.json'), 'utf8')).toBe(before);
      expect(repo.git('status', '--porcelain')).toBe('');

      const run = patchlint(['fix'], { cwd: repo.dir });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^fixed qapi\/net.json: .*qapi\/doc-line-too-long \(1\)/);
      const after = readFileSync(join(repo.dir, 'qapi/net.json'), 'utf8');
      expect(docWords(after)).toEqual(docWords(before));
      expect(after.split('\n').filter((l) => l.startsWith('#')).every((l) => [...l].length <= 70)).toBe(true);
      expect(after).toContain('# Since: 10.2\n');

      repo.git('commit', '-q', '-a', '--amend', '--no-edit');
      const check = JSON.parse(patchlint(['check', '--git', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir }).stdout);
      expect(check.findings.filter((f: { rule: string }) => FIXED_RULES.includes(f.rule))).toEqual([]);
    } finally {
      repo.remove();
    }
  });

  it('leaves a line that changed since alone and says so; commit-message fixes are reported, not applied', () => {
    const repo = acceptanceRepo();
    try {
      repo.git('commit', '-q', '--amend', '-m', 'net: add set-tap-local.\n\nKeep the tap fds.\n\nsigned-off-by: Jane Doe <jane@example.org>');
      const path = join(repo.dir, 'qapi/net.json');
      writeFileSync(path, readFileSync(path, 'utf8').replace('# @fds: the descriptors to keep (Since: 10.2)', '# @fds: the fds to keep (Since: 10.2)'));
      const run = patchlint(['fix', '--git', 'HEAD~1..HEAD'], { cwd: repo.dir });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/not fixed: qapi\/net.json:\d+ \(commit 1\): the line changed since/);
      expect(run.stdout).toMatch(/not fixed: commit 1 message \[commit\/sob-form\]: fix --git never rewrites commits/);
      expect(readFileSync(path, 'utf8')).toContain('# @fds: the fds to keep (Since: 10.2)');
      expect(repo.git('log', '-1', '--format=%s').trim()).toBe('net: add set-tap-local.');
    } finally {
      repo.remove();
    }
  });

  it('bad usage exits 2', () => {
    expect(patchlint(['fix', '--git', 'HEAD', 'x.patch']).status).toBe(2);
    expect(patchlint(['fix', '--bogus']).status).toBe(2);
  });
});

describe('patchlint fix FILE.patch', () => {
  it('rewrites the + lines and the message in place, recomputes hunk headers, keeps a .orig; git apply takes the result', () => {
    const repo = acceptanceRepo();
    const out = mkdtempSync(join(tmpdir(), 'patchlint-fix-'));
    try {
      repo.git('commit', '-q', '--amend', '-m', 'net: add set-tap-local.\n\nKeep the tap fds.  \n\nsigned-off-by: Jane Doe <jane@example.org>');
      const file = repo.git('format-patch', '-1', '-o', out).trim();
      const original = readFileSync(file, 'utf8');
      const run = patchlint(['fix', file, '--qemu-version', '10.2']);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`fixed ${file} qapi/net.json: `);
      expect(run.stdout).toMatch(/fixed .* \(commit message\): .*commit\/subject-dot \(1\)/);
      expect(readFileSync(`${file}.orig`, 'utf8')).toBe(original);
      const fixed = readFileSync(file, 'utf8');
      expect(fixed).toContain('Subject: [PATCH] net: add set-tap-local\n');
      expect(fixed).toContain('\nSigned-off-by: Jane Doe <jane@example.org>\n');
      expect(fixed).toMatch(/^@@ -10,3 \+10,16 @@$/m);
      repo.git('reset', '-q', '--hard', 'HEAD~1');
      repo.git('apply', '--check', file);
      const again = patchlint(['check', file, '--qemu-version', '10.2', '--format', 'json']);
      expect(JSON.parse(again.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual([]);
      const second = patchlint(['fix', file, '--no-backup']);
      expect(second.stdout).toBe('nothing to fix\n');
    } finally {
      repo.remove();
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('an unreadable file is a usage error naming it', () => {
    const r = patchlint(['fix', '/nonexistent/x.patch']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^patchlint: \/nonexistent\/x.patch: cannot read/);
    expect(existsSync('/nonexistent/x.patch.orig')).toBe(false);
  });
});

