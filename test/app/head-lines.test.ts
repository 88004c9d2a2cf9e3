import { describe, expect, it } from 'vitest';
import { lineAfter, locationAtHead, rightSideLines } from '../../src/app/head-lines.js';
import type { Finding } from '../../src/engine/types.js';
import { assembleSeries } from '../../src/patch/series.js';
import { parseMail } from '../../src/mail/parse.js';
import { patchFromMail } from '../../src/patch/from-mail.js';
import type { FileDiff, Series } from '../../src/patch/model.js';
import { fileDiff, mail } from '../helpers/mail.js';

async function seriesOf(diffs: string[]): Promise<Series> {
  const patches = [];
  for (const [i, diff] of diffs.entries()) {
    const text = mail({ subject: `[PATCH ${i + 1}/${diffs.length}] qapi: step ${i + 1}`, diff, messageId: `<step${i + 1}@example.org>`, inReplyTo: i ? '<step1@example.org>' : undefined });
    patches.push(patchFromMail(await parseMail(Buffer.from(text)), { input: 'test', line: 1 })!);
  }
  return assembleSeries(patches)[0]!;
}

async function diffOf(path: string, start: number, lines: string[]): Promise<FileDiff> {
  return (await seriesOf([fileDiff(path, start, lines)])).patches[0]!.files[0]!;
}

function finding(patch: number, file: string, line: number, endLine?: number): Finding {
  return { rule: 'test/x', severity: 'warning', message: 'm', series: 0, patch, file, line, ...(endLine ? { endLine } : {}) };
}

describe('lineAfter', () => {
  it('keeps lines above a hunk, shifts lines below it, follows context and drops removed lines', async () => {
    // old 10..13 -> new 10..14: one line removed, two added
    const diff = await diffOf('a.c', 10, [' ten', '-eleven', '+eleven a', '+eleven b', ' twelve', ' thirteen']);
    expect(lineAfter(diff, 9)).toBe(9);
    expect(lineAfter(diff, 10)).toBe(10);
    expect(lineAfter(diff, 11)).toBeUndefined();
    expect(lineAfter(diff, 12)).toBe(13);
    expect(lineAfter(diff, 40)).toBe(41);
  });
});

describe('locationAtHead', () => {
  it('carries a finding of patch 1 past a later patch that inserts lines above it', async () => {
    const series = await seriesOf([fileDiff('qapi/m.json', 20, [' a', '+b ', ' c']), fileDiff('qapi/m.json', 5, [' x', '+y', '+z', ' w'])]);
    expect(locationAtHead(series, finding(1, 'qapi/m.json', 21))).toEqual({ path: 'qapi/m.json', line: 23 });
    expect(locationAtHead(series, finding(2, 'qapi/m.json', 6))).toEqual({ path: 'qapi/m.json', line: 6 });
  });

  it('loses a finding whose line a later patch rewrites, and keeps spans only while they stay one block', async () => {
    const series = await seriesOf([fileDiff('a.c', 1, [' a', '+b', '+c', '+d', ' e']), fileDiff('a.c', 3, [' c', '+c2', ' d'])]);
    expect(locationAtHead(series, finding(1, 'a.c', 2, 3))).toEqual({ path: 'a.c', line: 2, endLine: 3 });
    expect(locationAtHead(series, finding(1, 'a.c', 3, 4))).toEqual({ path: 'a.c', line: 3 });
    const rewritten = await seriesOf([fileDiff('a.c', 1, [' a', '+b', ' c']), fileDiff('a.c', 1, [' a', '-b', '+B', ' c'])]);
    expect(locationAtHead(rewritten, finding(1, 'a.c', 2))).toBeUndefined();
  });

  it('follows a rename but leaves a finding on the source of a copy where it is', async () => {
    const copy = 'diff --git a/a.c b/b.c\nsimilarity index 90%\ncopy from a.c\ncopy to b.c\n--- a/a.c\n+++ b/b.c\n@@ -1,2 +1,3 @@\n+top\n a\n b\n';
    const copied = await seriesOf([fileDiff('a.c', 1, [' a', '+b']), copy]);
    expect(locationAtHead(copied, finding(1, 'a.c', 2))).toEqual({ path: 'a.c', line: 2 });
    const rename = copy.replace(/copy/g, 'rename');
    const renamed = await seriesOf([fileDiff('a.c', 1, [' a', '+b']), rename]);
    expect(locationAtHead(renamed, finding(1, 'a.c', 2))).toEqual({ path: 'b.c', line: 3 });
  });

  it('has no head location for commit-message findings', async () => {
    const series = await seriesOf([fileDiff('a.c', 1, [' a', '+b'])]);
    expect(locationAtHead(series, { ...finding(1, 'a.c', 1), file: null })).toBeUndefined();
  });
});

describe('rightSideLines', () => {
  it('lists added and context lines of every hunk, not removed ones', () => {
    const patch = '@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -20,0 +21,2 @@\n+x\n+y';
    expect([...rightSideLines(patch)]).toEqual([1, 2, 3, 21, 22]);
  });
  it('is empty for a file GitHub sent without a patch', () => {
    expect(rightSideLines(undefined).size).toBe(0);
  });
});
