import { describe, expect, it } from 'vitest';
import { parseTrailers, splitBody } from '../../src/patch/body.js';

describe('splitBody', () => {
  it('separates message, notes and diff at the --- line', () => {
    const parts = splitBody('Why.\n\nSigned-off-by: A <a@b>\n---\nv2: reworded\n\n x.c | 1 +\ndiff --git a/x.c b/x.c\n--- a/x.c\n');
    expect(parts.message).toEqual(['Why.', '', 'Signed-off-by: A <a@b>']);
    expect(parts.notes).toBe('v2: reworded\n\n x.c | 1 +');
    expect(parts.diff[0]).toBe('diff --git a/x.c b/x.c');
    expect(parts.diffStart).toBe(7);
  });

  it('reads in-body From/Date/Subject headers and skips them', () => {
    const parts = splitBody('From: Real Author <real@example.org>\nDate: Mon, 1 Sep 2025\n\nWhy.\n---\ndiff --git a/x b/x\n');
    expect(parts.inBody).toEqual({ from: 'Real Author <real@example.org>', date: 'Mon, 1 Sep 2025' });
    expect(parts.message).toEqual(['Why.']);
    expect(parts.messageStart).toBe(3);
  });

  it('ends the message at the diff when there is no --- line (mutt)', () => {
    const parts = splitBody('Why.\n\nSigned-off-by: A <a@b>\n\nIndex: x.c\n--- x.c.orig\n+++ x.c\n');
    expect(parts.message).toEqual(['Why.', '', 'Signed-off-by: A <a@b>']);
    expect(parts.notes).toBe('');
    expect(parts.diff[0]).toBe('Index: x.c');
  });

  it('keeps a second --- line inside the notes', () => {
    const parts = splitBody('Why.\n---\nA comment for reviewers.\n---\n x | 1 +\n\ndiff --git a/x b/x\n');
    expect(parts.notes).toBe('A comment for reviewers.\n---\n x | 1 +');
  });

  it('drops what is above a scissors line', () => {
    const parts = splitBody('Hi, here is the fix.\n\n-- >8 --\nThe real message.\n---\n');
    expect(parts.message).toEqual(['The real message.']);
  });
});

describe('parseTrailers', () => {
  it('takes the trailing run of tags with their commit-message lines', () => {
    const message = ['Why.', '', 'Fixes: 0123456789ab ("x: y")', 'Reviewed-by: B <b@c>', '[jd: rebased]', 'Signed-off-by: A <a@b>'];
    expect(parseTrailers(message)).toEqual([
      { key: 'Fixes', value: '0123456789ab ("x: y")', line: 5 },
      { key: 'Reviewed-by', value: 'B <b@c>', line: 6 },
      { key: 'Signed-off-by', value: 'A <a@b>', line: 8 },
    ]);
  });

  it('stops at the first line that is not a tag, even without a blank line', () => {
    expect(parseTrailers(['Why this matters.', 'Signed-off-by: A <a@b>']).map((t) => t.key)).toEqual(['Signed-off-by']);
  });

  it('does not mistake a last paragraph of "Note: ..." for trailers', () => {
    expect(parseTrailers(['Why.', '', 'Note: this needs a rebase'])).toEqual([]);
  });
});
