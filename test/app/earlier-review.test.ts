// The record of findings a review carries, and the comparison of a new head
// with the latest review of another head (src/app/earlier-review.ts).
import { describe, expect, it } from 'vitest';
import { RECORD_LIMIT, type RecordedFinding, compareWithEarlierReview, readRecord, recordMarker, recordedFindings } from '../../src/app/earlier-review.js';
import { REVIEW_MARKER, planReview, reviewAction } from '../../src/app/review.js';
import type { Finding } from '../../src/engine/types.js';
import { parseMail } from '../../src/mail/parse.js';
import { patchFromMail } from '../../src/patch/from-mail.js';
import type { Series } from '../../src/patch/model.js';
import { assembleSeries } from '../../src/patch/series.js';
import { fileDiff, mail } from '../helpers/mail.js';

const OLD = 'a'.repeat(40);
const NEW = 'b'.repeat(40);

async function oneFileSeries(): Promise<Series> {
  const text = mail({
    subject: '[PATCH] qapi: document local-tap',
    diff: fileDiff('qapi/migration.json', 518, [' #', '+# @local-tap: Migrate TAPs locally. ', '+#     Keeps the backend.  (since 10.2) ', '+#', ' # Features:']),
  });
  return assembleSeries([patchFromMail(await parseMail(Buffer.from(text)), { input: 't', line: 1 })!])[0]!;
}

function finding(over: Partial<Finding>): Finding {
  return { rule: 'test/trailing-space', severity: 'warning', message: 'trailing white space', series: 0, patch: 1, file: 'qapi/migration.json', line: 519, ...over };
}

const recordedAs = (over: Partial<RecordedFinding>): RecordedFinding => ({ rule: 'test/trailing-space', severity: 'warning', message: 'trailing white space', patch: 1, file: 'qapi/migration.json', line: 519, ...over });
const reviewOn = (commitId: string, findings: RecordedFinding[]) => ({ body: `${REVIEW_MARKER}\n${recordMarker(findings)}\nsome text`, commitId });
const diffLines = new Map([['qapi/migration.json', new Set([518, 519, 520, 521, 522])]]);

describe('the record of findings in a review body', () => {
  it('reads back what was recorded, and stays inside an HTML comment', () => {
    const findings = [recordedAs({ excerpt: ['# x --> y'], patchSubject: 'qapi: a', inline: true }), recordedAs({ rule: 'commit/sob-missing', severity: 'error', file: null, line: null })];
    const marker = recordMarker(findings);
    expect(marker).toMatch(/^<!-- qemu-patchlint findings [A-Za-z0-9_-]+ -->$/);
    expect(readRecord(`text\n${marker}\nmore`)).toEqual({ findings });
  });

  it('is left out, saying how many, when it would not leave the review body room', () => {
    // Distinct texts, so that gzip cannot fold them away.
    const many = Array.from({ length: 3000 }, (_, i) => recordedAs({ line: i + 1, excerpt: [`# line ${i * 7919} of a long file ${(i * 104729).toString(36)}`] }));
    const marker = recordMarker(many);
    expect(marker.length).toBeLessThan(RECORD_LIMIT);
    expect(readRecord(marker)).toEqual({ problem: 'its 3000 findings were too many to record' });
  });

  it('says why it has none: no record, or one that does not read back as findings', () => {
    expect(readRecord(`${REVIEW_MARKER}\nhello`)).toEqual({ problem: 'it holds no record of its findings (an older qemu-patchlint posted it)' });
    expect(readRecord('<!-- qemu-patchlint findings bm90LWd6aXA -->')).toEqual({ problem: 'its record of findings could not be read' });
    const notFindings = recordMarker([{ rule: 'x' } as RecordedFinding]);
    expect(readRecord(notFindings)).toEqual({ problem: 'its record of findings could not be read' });
  });

  it('records each finding with its commit subject and whether it is commented inline', async () => {
    const series = await oneFileSeries();
    const records = recordedFindings([finding({ excerpt: ['# @local-tap: Migrate TAPs locally. '] }), finding({ line: 600 })], series, (_, i) => i === 0);
    expect(records).toEqual([
      recordedAs({ excerpt: ['# @local-tap: Migrate TAPs locally. '], patchSubject: 'qapi: document local-tap', inline: true }),
      recordedAs({ line: 600, patchSubject: 'qapi: document local-tap' }),
    ]);
  });
});

describe('compareWithEarlierReview', () => {
  it('compares with the latest review of another head, whatever reviews this head already has', async () => {
    const series = await oneFileSeries();
    const current = [finding({ line: 520, excerpt: ['#     Keeps the backend.  (since 10.2) '] })];
    const reviews = [
      reviewOn('c'.repeat(40), []),
      reviewOn(OLD, [recordedAs({ line: 519, excerpt: ['#     Keeps the backend.  (since 10.2) '], inline: true }), recordedAs({ line: 530, excerpt: ['# gone'] })]),
      // This head's own review, from an earlier delivery: not what it is compared with.
      reviewOn(NEW, [recordedAs({ line: 520 })]),
    ];
    const earlier = compareWithEarlierReview(reviews, NEW, current, series);
    expect(earlier).toMatchObject({ kind: 'compared', headSha: OLD, summary: { label: 'aaaaaaaaaaaa', counts: { fixed: 1, reported: 1, new: 0 } }, commented: [true] });
    expect(earlier?.kind === 'compared' && earlier.summary.fixed.map((f) => f.line)).toEqual([530]);
  });

  it('has nothing to compare with on the first review, and says why a record is missing', async () => {
    const series = await oneFileSeries();
    expect(compareWithEarlierReview([reviewOn(NEW, [])], NEW, [], series)).toBeUndefined();
    expect(compareWithEarlierReview([{ body: `${REVIEW_MARKER}\nold`, commitId: OLD }], NEW, [], series)).toEqual({
      kind: 'unavailable',
      headSha: OLD,
      reason: 'it holds no record of its findings (an older qemu-patchlint posted it)',
    });
  });

  it('matches a commit-message finding in the commit of the same subject', async () => {
    const series = await oneFileSeries();
    const sob = { rule: 'commit/sob-missing', severity: 'error' as const, message: 'Missing Signed-off-by: line(s)', file: null, line: null };
    const earlier = compareWithEarlierReview([reviewOn(OLD, [recordedAs({ ...sob, patch: 2, patchSubject: 'qapi: document local-tap' })])], NEW, [finding({ ...sob, patch: 1 })], series);
    expect(earlier).toMatchObject({ kind: 'compared', summary: { counts: { fixed: 0, reported: 1, new: 0 } }, commented: [false] });
  });
});

describe('the review after a push', () => {
  const still = finding({ line: 519, excerpt: ['# @local-tap: Migrate TAPs locally. '] });
  const added = finding({ line: 520, excerpt: ['#     Keeps the backend.  (since 10.2) '] });

  it('comments only what no earlier review commented inline, and lists the rest as still there', async () => {
    const series = await oneFileSeries();
    const earlier = compareWithEarlierReview([reviewOn(OLD, [recordedAs({ line: 530, excerpt: [still.excerpt![0]!], inline: true }), recordedAs({ line: 700, excerpt: ['# fixed'] })])], NEW, [still, added], series);
    const plan = planReview([still, added], series, diffLines, NEW, earlier);
    expect(plan.comments.map((c) => c.line)).toEqual([520]);
    expect(plan.since).toEqual({ fixed: 1, new: 1 });
    expect(plan.body).toContain('**Since aaaaaaaaaaaa: 1 fixed, 1 still there, 1 new**\n\nFixed:\n\n- `test/trailing-space` trailing white space (aaaaaaaaaaaa patch 1, qapi/migration.json:700)');
    expect(plan.body).toContain('Still there, already commented inline:\n\n- ⚠️ `test/trailing-space` (patch 1/1, `qapi/migration.json:519`): trailing white space');
    expect(readRecord(plan.body)).toEqual({ findings: recordedFindings([still, added], series, () => true) });
  });

  it('comments again, marked as still there, a finding the earlier review listed only in its body', async () => {
    const series = await oneFileSeries();
    const earlier = compareWithEarlierReview([reviewOn(OLD, [recordedAs({ line: 530, excerpt: [still.excerpt![0]!] })])], NEW, [still], series);
    const plan = planReview([still], series, diffLines, NEW, earlier);
    expect(plan.comments.map((c) => c.line)).toEqual([519]);
    const withoutInline = planReview([still], series, 'no-inline', NEW, earlier);
    expect(withoutInline.body).toContain('Findings:\n\n- ⚠️ `test/trailing-space` (patch 1/1, `qapi/migration.json:519`): trailing white space (still there from aaaaaaaaaaaa)');
  });

  it('posts a review on the new head when something was fixed or is new, never rewriting the earlier head\'s review', async () => {
    const series = await oneFileSeries();
    const oldReview = { id: 1, body: reviewOn(OLD, []).body, commitId: OLD };
    const allFixed = planReview([], series, diffLines, NEW, compareWithEarlierReview([reviewOn(OLD, [recordedAs({ excerpt: ['# x'], inline: true })])], NEW, [], series));
    expect(reviewAction(allFixed, [oldReview], [])).toEqual({ kind: 'create', body: allFixed.body, comments: [] });
    expect(allFixed.body).toContain('**Since aaaaaaaaaaaa: 1 fixed, 0 still there, 0 new**');
    expect(allFixed.body).toContain('Nothing left to report.');
    // The same review delivered again, once posted: nothing to do.
    expect(reviewAction(allFixed, [oldReview, { id: 2, body: allFixed.body, commitId: NEW }], [])).toEqual({ kind: 'none' });
  });

  it('stays silent on a new head where nothing was fixed and nothing is new (the check run still says it)', async () => {
    const series = await oneFileSeries();
    const earlier = compareWithEarlierReview([reviewOn(OLD, [recordedAs({ line: 530, excerpt: [still.excerpt![0]!], inline: true })])], NEW, [still], series);
    const plan = planReview([still], series, diffLines, NEW, earlier);
    expect(plan.comments).toEqual([]);
    expect(reviewAction(plan, [{ id: 1, body: 'x', commitId: OLD }], [])).toEqual({ kind: 'none' });
  });

  it('without a record, tells the news: findings, or that none are left', async () => {
    const series = await oneFileSeries();
    const legacy = [{ id: 1, body: `${REVIEW_MARKER}\nold`, commitId: OLD }];
    const earlier = compareWithEarlierReview(legacy, NEW, [], series);
    const clean = planReview([], series, diffLines, NEW, earlier);
    expect(clean.body).toContain('_No comparison with the review of aaaaaaaaaaaa: it holds no record of its findings (an older qemu-patchlint posted it)._');
    expect(reviewAction(clean, legacy, [])).toMatchObject({ kind: 'create', comments: [] });
  });
});
