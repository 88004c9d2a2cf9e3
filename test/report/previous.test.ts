import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { compareWithPrevious } from '../../src/report/previous.js';
import { lintText } from '../helpers/lint.js';
import { newSchemaFile, qapiPatch } from '../helpers/qapi.js';

function finding(over: Partial<Finding>): Finding {
  return { rule: 'qapi/doc-period', severity: 'warning', message: 'm', series: 0, patch: 1, file: 'qapi/net.json', line: 10, ...over };
}

describe('compareWithPrevious', () => {
  it('matches a file finding by rule, file and line text even when the line moved', () => {
    const old = [finding({ line: 10, excerpt: ['# @fds: the descriptors'] })];
    const now = [finding({ line: 42, patch: 3, excerpt: ['# @fds: the descriptors'] })];
    const result = compareWithPrevious(old, now);
    expect(result.findings.map((f) => f.previously)).toEqual(['reported']);
    expect(result.fixed).toEqual([]);
    expect(result.counts).toEqual({ fixed: 0, reported: 1, new: 0 });
  });

  it('a changed line is a fixed finding and a new one; the same text in another file is another finding', () => {
    const old = [finding({ excerpt: ['# @fds: the descriptors'] }), finding({ rule: 'qapi/doc-two-spaces', excerpt: ['# Foo. Bar'] })];
    const now = [finding({ excerpt: ['# @fds: the file descriptors'] }), finding({ rule: 'qapi/doc-two-spaces', file: 'qapi/misc.json', excerpt: ['# Foo. Bar'] })];
    const result = compareWithPrevious(old, now);
    expect(result.findings.map((f) => f.previously)).toEqual(['new', 'new']);
    expect(result.fixed).toEqual(old);
  });

  it('pairs duplicates one to one', () => {
    const line = { excerpt: ['# x'] };
    const old = [finding({ line: 1, ...line }), finding({ line: 5, ...line })];
    const now = [finding({ line: 7, ...line })];
    const result = compareWithPrevious(old, now);
    expect(result.findings[0]!.previously).toBe('reported');
    expect(result.fixed).toEqual([old[1]]);
  });

  it('says which previous finding each current one was matched with', () => {
    const old = [finding({ excerpt: ['# gone'] }), finding({ line: 3, excerpt: ['# kept'] })];
    const now = [finding({ line: 9, excerpt: ['# new'] }), finding({ line: 4, excerpt: ['# kept'] })];
    expect(compareWithPrevious(old, now).pairedWith).toEqual([undefined, 1]);
  });

  it('a line only re-spaced by another fix keeps its other findings', () => {
    const old = [finding({ rule: 'qapi/doc-line-too-long', message: 'Line is 75 characters', excerpt: ['# Foo. Bar is a long line'] })];
    const now = [finding({ rule: 'qapi/doc-line-too-long', message: 'Line is 76 characters', excerpt: ['# Foo.  Bar is a long line'] })];
    expect(compareWithPrevious(old, now).findings[0]!.previously).toBe('reported');
  });

  it('matches commit-message and series findings by rule and message, not line', () => {
    const old = [
      finding({ rule: 'commit/sob-missing', file: null, line: null, message: 'Missing Signed-off-by: line(s)', patch: 2 }),
      finding({ rule: 'commit/subject-dot', file: null, line: 1, message: 'Subject ends with a period', patch: 1, excerpt: ['foo.'] }),
      finding({ rule: 'series/cover-letter', file: null, line: null, message: 'No cover letter', patch: 1 }),
    ];
    const now = [
      finding({ rule: 'commit/sob-missing', file: null, line: null, message: 'Missing Signed-off-by: line(s)', patch: 2 }),
      finding({ rule: 'series/cover-letter', file: null, line: null, message: 'No cover letter', patch: 1 }),
      finding({ rule: 'commit/line-length', file: null, line: 5, message: 'Line too long', patch: 1 }),
    ];
    const result = compareWithPrevious(old, now);
    expect(result.findings.map((f) => [f.rule, f.previously])).toEqual([
      ['commit/sob-missing', 'reported'],
      ['series/cover-letter', 'reported'],
      ['commit/line-length', 'new'],
    ]);
    expect(result.fixed.map((f) => f.rule)).toEqual(['commit/subject-dot']);
  });

  it('with patch keys, a commit finding moves with its patch and is not matched in another patch', () => {
    const sob = { rule: 'commit/sob-missing', file: null, line: null, message: 'Missing Signed-off-by: line(s)' };
    const subjects = { previous: ['', 'a', 'b'], current: ['', 'new first', 'a', 'b', 'c'] };
    const patchKey = (f: Finding, version: 'previous' | 'current') => subjects[version][f.patch];
    // v1: patch "a" (1) lacks the sign-off; v2 put a patch before it, and the new patch "c" lacks one too.
    const old = [finding({ ...sob, patch: 1 })];
    const now = [finding({ ...sob, patch: 2 }), finding({ ...sob, patch: 4 })];
    const keyed = compareWithPrevious(old, now, { patchKey });
    expect(keyed.findings.map((f) => f.previously)).toEqual(['reported', 'new']);
    // v3 fixed "a"; "c" (now patch 4) still lacks it: "a" is fixed, not matched with "c".
    const v3 = compareWithPrevious(now, [finding({ ...sob, patch: 4 })], { patchKey: (f) => subjects.current[f.patch] });
    expect(v3.findings[0]!.previously).toBe('reported');
    expect(v3.fixed.map((f) => f.patch)).toEqual([2]);
    const other = compareWithPrevious(old, [finding({ ...sob, patch: 4 })], { patchKey });
    expect(other.findings[0]!.previously).toBe('new');
    expect(other.fixed).toEqual(old);
  });

  it('prefers the exact finding when several share a line', () => {
    const old = [finding({ message: 'A', excerpt: ['# x'] }), finding({ message: 'B', excerpt: ['# x'] })];
    const now = [finding({ message: 'B', excerpt: ['# x'] })];
    const result = compareWithPrevious(old, now);
    expect(result.fixed.map((f) => f.message)).toEqual(['A']);
  });

  it('leaves its inputs alone', () => {
    const old = [finding({ excerpt: ['# x'] })];
    const now = [finding({ excerpt: ['# x'] })];
    compareWithPrevious(old, now);
    expect(now[0]).not.toHaveProperty('previously');
  });
});

describe('compareWithPrevious on linted versions', () => {
  // Two versions of one patch: v2 fixed the one-space sentence, kept the
  // missing period (two lines lower now) and added a missing sign-off.
  const SPDX = '# SPDX-License-Identifier: GPL-2.0-or-later';
  const doc = (extra: string[], sentence: string) =>
    newSchemaFile('qapi/net.json', [
      ...extra,
      '##',
      '# @set-tap-local:',
      '#',
      `# ${sentence}`,
      '#',
      '# @fds: the descriptors to keep',
      '#',
      '# Since: 10.2',
      '##',
      "{ 'command': 'set-tap-local', 'data': { 'fds': 'str' } }",
    ]);

  it('says which findings were fixed, kept and new', async () => {
    const v1 = await lintText(qapiPatch(doc([SPDX], 'Keep the fds. Then migrate.')), { qemuVersion: '10.2' });
    const v2 = await lintText(qapiPatch(doc([SPDX, '# -*- Mode: Python -*-', ''], 'Keep the fds.  Then migrate.'), { signOff: false }), { qemuVersion: '10.2' });
    const rules = (fs: readonly Finding[]) => fs.map((f) => f.rule).sort();
    expect(rules(v1.findings)).toEqual(['qapi/doc-period', 'qapi/doc-two-spaces']);
    const result = compareWithPrevious(v1.findings, v2.findings);
    expect(result.fixed.map((f) => f.rule)).toEqual(['qapi/doc-two-spaces']);
    expect(result.findings.map((f) => [f.rule, f.previously]).sort()).toEqual([
      ['commit/sob-missing', 'new'],
      ['qapi/doc-period', 'reported'],
    ]);
    const period = result.findings.find((f) => f.rule === 'qapi/doc-period')!;
    expect(period.line).toBe(v1.findings.find((f) => f.rule === 'qapi/doc-period')!.line! + 2);
  });
});
