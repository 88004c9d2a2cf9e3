// `check --tree` on a git checkout reads a series' files at its
// base-commit (git format-patch --base) when the repository holds it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMovedCheckout, sincePatchBody } from '../helpers/base-commit.js';
import { patchlint } from '../helpers/cli.js';
import { readSeries } from '../../src/sources/read-series.js';
import { baseCommitOf } from '../../src/tree/base-commit.js';

const mail = (body: string) =>
  ['From: Ann Author <ann@example.com>', 'To: qemu-devel@nongnu.org', 'Subject: [PATCH] qapi: add GuestTimeInfo', 'Date: Sat, 5 Dec 2026 12:00:00 +0000', 'Message-ID: <time@example.com>', '', body].join('\n');

describe('base-commit', () => {
  let tmp: string;
  let checkout: string;
  let base: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'patchlint-base-'));
    checkout = join(tmp, 'qemu');
    mkdirSync(checkout);
    ({ base } = makeMovedCheckout(checkout));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const check = (body: string, tree = checkout) => patchlint(['check', '-', '--tree', tree, '--format', 'json'], { input: mail(body) });
  const rules = (stdout: string) => (JSON.parse(stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
  const notes = (stdout: string) => (JSON.parse(stdout) as { series: { notes: string[] }[] }).series[0]!.notes;

  it('is read from the end of a lone patch and from a cover letter, not from a quoted line', async () => {
    const seriesOf = async (text: string) => {
      for await (const item of readSeries(['-'], Readable.from([Buffer.from(text)]))) if ('patches' in item) return item;
      throw new Error('no series');
    };
    expect(baseCommitOf(await seriesOf(mail(sincePatchBody('A', base))))).toBe(base);
    expect(baseCommitOf(await seriesOf(mail(sincePatchBody('A'))))).toBeUndefined();
    expect(baseCommitOf(await seriesOf(mail(sincePatchBody('A').replace('---\n', `> base-commit: ${base}\n---\n`))))).toBeUndefined();
    const cover = ['From: Ann Author <ann@example.com>', 'Subject: [PATCH 0/1] qapi: the guest clock', 'Message-ID: <c@example.com>', '', 'One struct.', '', `base-commit: ${base}`, '-- ', '2.43.0', ''].join('\n');
    const patch = mail(sincePatchBody('A')).replace('[PATCH]', '[PATCH 1/1]').replace('Message-ID: <time@example.com>', 'Message-ID: <p@example.com>\nIn-Reply-To: <c@example.com>');
    const series = await seriesOf(`From x Mon Sep 17 00:00:00 2001\n${cover}\nFrom x Mon Sep 17 00:00:00 2001\n${patch}`);
    expect(series.cover).toBeDefined();
    expect(baseCommitOf(series)).toBe(base);
  });

  it('reads the files at the base-commit: the Since: that was right there draws nothing', () => {
    const r = check(sincePatchBody('GuestTimeInfo', base));
    expect(r.stderr).toBe('');
    expect(rules(r.stdout)).toEqual([]);
    expect(notes(r.stdout)).toContain(`files: git ${base.slice(0, 12)} with the series applied in order`);
    expect(notes(r.stdout)).toContain('release: new features target 10.2 (from VERSION 10.1.50)');
    expect(r.status).toBe(0);
  });

  it('without a base-commit, reads the work tree, where VERSION moved on', () => {
    const r = check(sincePatchBody('GuestTimeInfo'));
    expect(rules(r.stdout)).toEqual(['qapi/since-wrong-release']);
    expect(notes(r.stdout)).toContain('release: new features target 11.0 (from VERSION 10.2.50)');
    expect(r.status).toBe(1);
  });

  it('falls back to the work tree, and says so, when the repository lacks the commit', () => {
    const r = check(sincePatchBody('GuestTimeInfo', '0123456789abcdef0123456789abcdef01234567'));
    expect(rules(r.stdout)).toEqual(['qapi/since-wrong-release']);
    expect(notes(r.stdout)).toContain(`base-commit 0123456789ab is not in the git repository of ${checkout}; the series was applied to its work tree as it is`);
  });

  it('does not read a folder inside another repository at that repository\'s commits', () => {
    const r = check(sincePatchBody('GuestTimeInfo', base), join(checkout, 'qapi'));
    expect(notes(r.stdout)).toContain(`base-commit ${base.slice(0, 12)}: ${join(checkout, 'qapi')} is not the top of its git checkout; the series was applied to the files of ${join(checkout, 'qapi')} as they are`);
  });
});
