// Big inputs for the style rules: a megabyte on one added line, and a new
// file of a hundred thousand lines, built so that a rule with a
// backtracking regex or a quadratic loop cannot finish them. Shared by the
// linear-time test and bench/style.bench.ts.
import { fileDiff, mail } from '../helpers/mail.js';

export const MEGABYTE = 1 << 20;

/** One added line in the middle of net/tap.c (post-patch line 11). */
export function oneLinePatch(line: string): string {
  return mail({ diff: fileDiff('net/tap.c', 10, [' int a;', '+' + line, ' int b;']) });
}

export const ONE_LINE_CASES = {
  /** Blanks, a word, blanks: trailing whitespace after a megabyte of it. */
  blanks: ' '.repeat(MEGABYTE / 2) + 'x' + ' '.repeat(MEGABYTE / 2),
  /** Comment openers all the way. */
  openers: '/*'.repeat(MEGABYTE / 2),
  /** An error message a megabyte long, ending with a period. */
  message: `    error_report("${'a'.repeat(MEGABYTE)}.");`,
  /** `+` then blanks, over and over: the continued-literal scan. */
  pluses: ('+' + ' '.repeat(1023)).repeat(MEGABYTE / 1024),
};

export const BIG_FILE_LINES = 100_000;
export const TAB_LINE = 50_000;
export const TRAILING_LINE = 99_999;
export const COMMENT = { from: 1_000, to: 60_000 };
export const LITERALS = { call: 70_000, from: 70_001, to: 80_000 };

/** A new C file of BIG_FILE_LINES lines with a few known problems. */
export function bigFilePatch(): string {
  const lines: string[] = [];
  for (let n = 1; n <= BIG_FILE_LINES; n++) {
    if (n === 1) lines.push('/* SPDX-License-Identifier: GPL-2.0-or-later */');
    else if (n === TAB_LINE) lines.push('\tint bad_tab;');
    else if (n === TRAILING_LINE) lines.push('int trailing; ');
    else if (n === COMMENT.from) lines.push('/*');
    else if (n > COMMENT.from && n < COMMENT.to) lines.push(` * line ${n} of a long comment`);
    else if (n === COMMENT.to) lines.push(' */');
    else if (n === LITERALS.call) lines.push('    error_report("start"');
    else if (n >= LITERALS.from && n <= LITERALS.to) lines.push('                 "more\\n"');
    else if (n === LITERALS.to + 1) lines.push('                 );');
    else lines.push(`static int v${n} = ${n};`);
  }
  return mail({ subject: '[PATCH] net: add a big table', diff: fileDiff('net/big.c', 0, lines.map((l) => '+' + l), { newFile: true }) });
}
