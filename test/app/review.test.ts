import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_REQUEST, annotationsOf, batchesOf, conclusionOf, fitOutput } from '../../src/app/check-run.js';
import { readRecord } from '../../src/app/earlier-review.js';
import { REVIEW_MARKER, commentBody, ourReviews, planReview, reviewAction } from '../../src/app/review.js';
import type { Finding } from '../../src/engine/types.js';
import { parseMail } from '../../src/mail/parse.js';
import { patchFromMail } from '../../src/patch/from-mail.js';
import type { Series } from '../../src/patch/model.js';
import { assembleSeries } from '../../src/patch/series.js';
import { fileDiff, mail } from '../helpers/mail.js';

const HEAD = 'f'.repeat(40);

async function oneFileSeries(): Promise<Series> {
  const text = mail({ subject: '[PATCH] qapi: document local-tap', diff: fileDiff('qapi/migration.json', 518, [' #', '+# @local-tap: Migrate TAPs locally. ', '+#     (since 10.2)', '+#', ' # Features:']) });
  return assembleSeries([patchFromMail(await parseMail(Buffer.from(text)), { input: 't', line: 1 })!])[0]!;
}

function finding(over: Partial<Finding>): Finding {
  return { rule: 'qapi/x', severity: 'warning', message: 'msg', series: 0, patch: 1, file: 'qapi/migration.json', line: 519, ...over };
}

const diffLines = new Map([['qapi/migration.json', new Set([518, 519, 520, 521, 522])]]);

describe('planReview', () => {
  it('puts a suggestion under a comment that covers exactly the lines the fix replaces', async () => {
    const plan = planReview([finding({ endLine: 520, fix: { replacement: ['# @local-tap: Migrate TAPs locally.  (since 10.2)'] } })], await oneFileSeries(), diffLines, HEAD);
    expect(plan.comments).toEqual([
      {
        path: 'qapi/migration.json',
        start_line: 519,
        start_side: 'RIGHT',
        line: 520,
        side: 'RIGHT',
        body: '⚠️ **warning** `qapi/x`: msg\n\n```suggestion\n# @local-tap: Migrate TAPs locally.  (since 10.2)\n```',
      },
    ]);
  });

  it('lists findings off the diff, in the commit message and past the diff in the body, with the marker', async () => {
    const series = await oneFileSeries();
    const plan = planReview(
      [finding({ line: 600, severity: 'info' }), finding({ rule: 'commit/sob-missing', severity: 'error', file: null, line: null, message: 'Missing Signed-off-by: line(s)' }), finding({})],
      series,
      diffLines,
      HEAD,
    );
    expect(plan.comments.map((c) => c.line)).toEqual([519]);
    const [marker, record, ...rest] = plan.body.split('\n');
    // The second line records the findings for the next push (test/app/earlier-review.test.ts).
    expect(readRecord(record!)).toMatchObject({ findings: [{ line: 600 }, { rule: 'commit/sob-missing' }, { line: 519, inline: true }] });
    expect([marker, ...rest].join('\n')).toBe(
      [
        REVIEW_MARKER,
        `**qemu-patchlint** on ${HEAD.slice(0, 12)}: 1 error, 1 warning, 1 info (1 comment inline)`,
        '',
        'Not on a line of this diff:',
        '',
        '- ℹ️ `qapi/x` (patch 1/1, `qapi/migration.json:600`): msg',
        '- ❌ `commit/sob-missing` (patch 1/1): Missing Signed-off-by: line(s)',
      ].join('\n'),
    );
  });

  it('gives no suggestion when the comment cannot cover the whole span', async () => {
    const plan = planReview([finding({ line: 522, endLine: 523, fix: { replacement: ['x'] } })], await oneFileSeries(), diffLines, HEAD);
    expect(plan.comments).toEqual([{ path: 'qapi/migration.json', line: 522, side: 'RIGHT', body: '⚠️ **warning** `qapi/x`: msg' }]);
  });

  it('fences a suggestion that itself holds a code fence, and shows a unified-diff fix as a diff', () => {
    expect(commentBody(finding({ fix: { replacement: ['```', 'x'] } }), true)).toBe('⚠️ **warning** `qapi/x`: msg\n\n````suggestion\n```\nx\n````');
    expect(commentBody(finding({ fix: { diff: '-a\n+b\n' } }), true)).toBe('⚠️ **warning** `qapi/x`: msg\n\n```diff\n-a\n+b\n```');
  });
});

describe('reviewAction', () => {
  const comment = { path: 'a.c', line: 3, side: 'RIGHT' as const, body: 'b' };
  const plan = { body: `${REVIEW_MARKER}\nnew`, comments: [comment, { ...comment, line: 9 }], findings: 2, headSha: HEAD };

  it('posts only the comments that are not there yet', () => {
    expect(reviewAction(plan, [{ id: 1, body: `${REVIEW_MARKER}\nold` }], [{ path: 'a.c', line: 3, body: 'b' }])).toEqual({ kind: 'create', body: plan.body, comments: [{ ...comment, line: 9 }] });
  });
  it('updates the latest review when every comment is already there, and does nothing when the body is the same', () => {
    const posted = [
      { path: 'a.c', line: 3, body: 'b' },
      { path: 'a.c', line: 9, body: 'b' },
    ];
    expect(reviewAction(plan, [{ id: 1, body: 'x' }, { id: 2, body: 'y' }], posted)).toEqual({ kind: 'update', reviewId: 2, body: plan.body });
    expect(reviewAction(plan, [{ id: 2, body: plan.body }], posted)).toEqual({ kind: 'none' });
  });
  it('reposts a comment GitHub has marked outdated', () => {
    expect(reviewAction({ ...plan, comments: [comment] }, [{ id: 1, body: 'x' }], [{ path: 'a.c', line: null, body: 'b' }])).toMatchObject({ kind: 'create', comments: [comment] });
  });
  it('stays silent on a clean pull request it never reviewed', () => {
    expect(reviewAction({ body: 'b', comments: [], findings: 0, headSha: HEAD }, [], [])).toEqual({ kind: 'none' });
  });
  it('recognises only its own reviews: a bot review with the marker', () => {
    const reviews = [
      { id: 1, body: `${REVIEW_MARKER} quoted by a person`, userType: 'User' },
      { id: 2, body: 'LGTM', userType: 'Bot' },
      { id: 3, body: `${REVIEW_MARKER}\nours`, userType: 'Bot' },
    ];
    expect(ourReviews(reviews).map((r) => r.id)).toEqual([3]);
  });
});

describe('check run plan', () => {
  it('concludes failure on errors, neutral on warnings, success otherwise', () => {
    expect(conclusionOf([finding({ severity: 'info' }), finding({ severity: 'error' })])).toBe('failure');
    expect(conclusionOf([finding({ severity: 'info' }), finding({})])).toBe('neutral');
    expect(conclusionOf([finding({ severity: 'info' })])).toBe('success');
    expect(conclusionOf([])).toBe('success');
  });

  it('annotates in batches of 50, at head lines, leaving commit-message findings to the summary', async () => {
    const series = await oneFileSeries();
    const findings = [...Array.from({ length: 120 }, (_, i) => finding({ line: 519, message: `m${i}` })), finding({ file: null, line: 3 })];
    const annotations = annotationsOf(findings, series);
    expect(annotations).toHaveLength(120);
    expect(annotations[0]).toEqual({ path: 'qapi/migration.json', start_line: 519, end_line: 519, annotation_level: 'warning', title: 'qapi/x', message: 'm0' });
    expect(batchesOf(annotations, ANNOTATIONS_PER_REQUEST).map((b) => b.length)).toEqual([50, 50, 20]);
  });

  it('cuts output text to what GitHub accepts, saying so', () => {
    const cut = fitOutput('x'.repeat(70000));
    expect(cut.length).toBe(65535);
    expect(cut).toMatch(/GitHub limits this text/);
    expect(fitOutput('short')).toBe('short');
  });
});
