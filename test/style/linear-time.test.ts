// The style rules on a megabyte-long added line and on a hundred thousand
// added lines. A rule that backtracks or loops quadratically does not
// finish these within the test timeout; here they must give exactly the
// findings the inputs were built to have. Timings are bench/style.bench.ts's.
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';
import { lintText } from '../helpers/lint.js';
import { BIG_FILE_LINES, COMMENT, LITERALS, ONE_LINE_CASES, TAB_LINE, TRAILING_LINE, bigFilePatch, oneLinePatch } from './big-input.js';

const STYLE = ALL_RULES.filter((r) => r.meta.id.startsWith('style/'));

async function findings(text: string) {
  const report = await lintText(text, { rules: STYLE });
  expect(report.errors).toEqual([]);
  return report.findings.map((f) => `${f.rule} ${f.severity} ${f.line}`).sort(byLine);
}

describe('style rules on a 1 MB added line', () => {
  it('blanks around a word: trailing whitespace and the length', async () => {
    expect(await findings(oneLinePatch(ONE_LINE_CASES.blanks))).toEqual(['style/line-length error 11', 'style/trailing-whitespace error 11'].sort(byLine));
  });
  it('comment openers: the length and a leading /*', async () => {
    expect(await findings(oneLinePatch(ONE_LINE_CASES.openers))).toEqual(['style/block-comment warning 11', 'style/line-length error 11'].sort(byLine));
  });
  it('a long error message with a period: the length and the period', async () => {
    expect(await findings(oneLinePatch(ONE_LINE_CASES.message))).toEqual(['style/line-length error 11', 'style/error-message-period warning 11'].sort(byLine));
  });
  it('plus signs and blanks: the length and trailing whitespace', async () => {
    expect(await findings(oneLinePatch(ONE_LINE_CASES.pluses))).toEqual(['style/line-length error 11', 'style/trailing-whitespace error 11'].sort(byLine));
  });
});

describe(`style rules on ${BIG_FILE_LINES} added lines`, () => {
  it('find the tab, the trailing blank and each newline of the long error message, and nothing in the long comment', async () => {
    const newlines = Array.from({ length: LITERALS.to - LITERALS.from + 1 }, (_, i) => `style/error-message-newline error ${LITERALS.from + i}`);
    expect(COMMENT.to - COMMENT.from).toBeGreaterThan(50_000);
    expect(await findings(bigFilePatch())).toEqual([`style/tabs error ${TAB_LINE}`, ...newlines, `style/trailing-whitespace error ${TRAILING_LINE}`].sort(byLine));
  });
});

function byLine(a: string, b: string): number {
  return Number(a.split(' ')[2]) - Number(b.split(' ')[2]) || a.localeCompare(b);
}
