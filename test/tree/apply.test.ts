import { describe, expect, it } from 'vitest';
import { parsePatchDiff } from '../../src/patch/diff.js';
import { ApplyError, applyFileDiff } from '../../src/tree/apply.js';

const diff = (lines: string[]) => parsePatchDiff(['--- a/f', '+++ b/f', ...lines], 1)[0]!;
const base = ['one', 'two', 'three', 'four', 'five', 'six'].join('\n') + '\n';

describe('applyFileDiff', () => {
  it('applies hunks at their place', () => {
    expect(applyFileDiff(base, diff(['@@ -2,2 +2,3 @@', ' two', '+two and a half', ' three']))).toBe('one\ntwo\ntwo and a half\nthree\nfour\nfive\nsix\n');
  });

  it('finds a hunk that moved (offset), as git apply does', () => {
    const shifted = 'zero\nzero\n' + base;
    expect(applyFileDiff(shifted, diff(['@@ -5,1 +5,1 @@', '-five', '+FIVE']))).toBe('zero\nzero\none\ntwo\nthree\nfour\nFIVE\nsix\n');
  });

  it('applies several hunks with the running offset', () => {
    const out = applyFileDiff(base, diff(['@@ -1,1 +1,2 @@', ' one', '+one b', '@@ -6,1 +7,1 @@', '-six', '+SIX']));
    expect(out).toBe('one\none b\ntwo\nthree\nfour\nfive\nSIX\n');
  });

  it('inserts after a line with a zero-length old side', () => {
    expect(applyFileDiff(base, diff(['@@ -6,0 +7,1 @@', '+seven']))).toBe(base + 'seven\n');
  });

  it('refuses a hunk whose context is not there', () => {
    expect(() => applyFileDiff(base, diff(['@@ -2,1 +2,1 @@', '-deux', '+2']))).toThrow(ApplyError);
  });

  it('creates new files and refuses to create one that exists', () => {
    const created = parsePatchDiff(['diff --git a/n b/n', 'new file mode 100644', '--- /dev/null', '+++ b/n', '@@ -0,0 +1,2 @@', '+a', '+b'], 1)[0]!;
    expect(applyFileDiff(undefined, created)).toBe('a\nb\n');
    expect(() => applyFileDiff('x\n', created)).toThrow(ApplyError);
  });
});
