// `check NEW --previous OLD`: two versions of one series, as files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { patchlint } from '../helpers/cli.js';
import { mail, mbox } from '../helpers/mail.js';
import { newSchemaFile } from '../helpers/qapi.js';

const SPDX = '# SPDX-License-Identifier: GPL-2.0-or-later';

function version(v: number, sentence: string, extra: string[], signOffTwo: boolean): string {
  const tag = v > 1 ? `PATCH v${v}` : 'PATCH';
  const cover = mail({ subject: `[${tag} 0/2] net: keep tap fds`, body: v > 1 ? 'Keep the tap fds on local migration.\n\nv2: two spaces between sentences.' : 'Keep the tap fds on local migration.', signOff: false, messageId: `<cover-v${v}@example.org>`, diff: '' });
  const schema = newSchemaFile('qapi/tap-local.json', [
    SPDX,
    ...extra,
    '##',
    '# @set-tap-local:',
    '#',
    `# ${sentence}`,
    '#',
    '# @fds: the descriptors to keep.',
    '#',
    '# Since: 10.2',
    '##',
    "{ 'command': 'set-tap-local', 'data': { 'fds': 'str' } }",
  ]);
  const one = mail({ subject: `[${tag} 1/2] qapi: add set-tap-local`, body: 'Add the command.', diff: schema, inReplyTo: `<cover-v${v}@example.org>` });
  const two = mail({ subject: `[${tag} 2/2] migration/colo: use set-tap-local`, body: 'Use it.', signOff: signOffTwo, inReplyTo: `<cover-v${v}@example.org>` });
  return mbox(cover, one, two);
}

const dir = mkdtempSync(join(tmpdir(), 'patchlint-previous-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const v1 = join(dir, 'v1.mbox');
const v2 = join(dir, 'v2.mbox');
// v2 fixed the one-space sentence, kept the missing period (two lines lower) and lost a sign-off.
writeFileSync(v1, version(1, 'Keep the fds. Then migrate', [], true));
writeFileSync(v2, version(2, 'Keep the fds.  Then migrate', ['# -*- Mode: Python -*-', '#'], false));

describe('check --previous', () => {
  it('JSON: fixed findings in "fixed", the others marked new or reported', () => {
    const r = patchlint([v2, '--previous', v1, '--format', 'json', '--qemu-version', '10.2']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.formatVersion).toBe(1);
    const marks = json.findings.map((f: { rule: string; previously: string }) => [f.rule, f.previously]);
    expect(marks).toEqual([
      ['qapi/doc-period', 'reported'],
      ['commit/sob-missing', 'new'],
    ]);
    expect(json.fixed.map((f: { rule: string; patch: number; file: string; line: number }) => [f.rule, f.patch, f.file, f.line])).toEqual([['qapi/doc-two-spaces', 1, 'qapi/tap-local.json', 5]]);
    expect(Object.keys(json)).toEqual(['tool', 'version', 'formatVersion', 'series', 'findings', 'fixed', 'errors', 'summary']);
  });

  it('text names what was fixed and marks what is still there', () => {
    const r = patchlint([v2, '--previous', v1, '--qemu-version', '10.2']);
    expect(r.stdout).toMatch(/\[qapi\/doc-period\] .* \(still there from v1\)\n/);
    expect(r.stdout).toContain('ERROR: [commit/sob-missing] Missing Signed-off-by: line(s)\n');
    expect(r.stdout).toContain('=== Since v1: 1 fixed, 1 still there, 1 new\nFIXED: [qapi/doc-two-spaces] Use two spaces between sentences: "fds. Then" (v1 patch 1, qapi/tap-local.json:5)\n');
  });

  it('markdown and email carry the Since section', () => {
    const md = patchlint([v2, '--previous', v1, '--qemu-version', '10.2', '--format', 'markdown']).stdout;
    expect(md).toContain('**Since v1: 1 fixed, 1 still there, 1 new**');
    expect(md).toMatch(/- `qapi\/doc-two-spaces` .*\(v1 patch 1, qapi\/tap-local.json:5\)/);
    expect(md).toMatch(/`qapi\/doc-period` .*\(still there from v1\) \|/);
    const email = patchlint([v2, '--previous', v1, '--qemu-version', '10.2', '--format', 'email']).stdout;
    expect(email).toContain('=== Since v1: 1 fixed, 1 still there, 1 new\nFIXED: [qapi/doc-two-spaces]');
    const perPatch = patchlint([v2, '--previous', v1, '--qemu-version', '10.2', '--format', 'email', '--per-patch']).stdout;
    expect(perPatch).toContain('Since v1: 1 fixed, 1 still there, 1 new (whole series)');
    // Prose is wrapped at 72 columns: the mark may start a line of its own.
    expect(perPatch).toMatch(/WARNING: \[qapi\/doc-period\] [^\n]*(\n {2}[^\n]*)*\(still\s+there\s+from\s+v1\)/);
  });

  it('the same version twice: nothing fixed, nothing new', () => {
    const json = JSON.parse(patchlint([v1, '--previous', v1, '--format', 'json', '--qemu-version', '10.2']).stdout);
    expect(json.fixed).toEqual([]);
    expect(json.findings.every((f: { previously: string }) => f.previously === 'reported')).toBe(true);
  });

  it('an unreadable previous version is an input error naming it, exit 2', () => {
    const r = patchlint([v2, '--previous', join(dir, 'nope.mbox')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^patchlint: .*nope\.mbox \(--previous\).*\n$/);
    expect(r.stdout).toContain('=== Since the previous version: 0 fixed, 0 still there, 2 new');
  });
});
