// ReDoS audit: every regular expression literal of src/ and rules/ goes
// through scslre's static analysis (the one behind eslint-plugin-regexp's
// no-super-linear-backtracking). None may backtrack exponentially.
// Polynomial suspects are listed for review (many are anchored or only meet
// short header values); the fuzzer's long lines and the scaling test cover
// the paths where they meet long input.
import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import { describe, expect, it } from 'vitest';
import { regexLiterals } from './regexes.js';

describe('ReDoS audit of src/ and rules/', () => {
  const found = regexLiterals();
  const parser = new RegExpParser();

  it('finds the regular expressions to audit', () => {
    expect(found.length).toBeGreaterThan(200);
  });

  it('has no regular expression that backtracks exponentially', () => {
    const exponential = found.filter((r) => analyse(parser.parseLiteral(`/${r.source}/${r.flags}`)).reports.some((report) => report.exponential));
    expect(exponential.map((r) => `${r.where} /${r.source}/${r.flags}`)).toEqual([]);
  });
});
