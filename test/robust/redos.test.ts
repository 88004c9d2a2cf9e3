// ReDoS audit: every regular expression literal of src/ and rules/ goes
// through scslre's static analysis (the one behind eslint-plugin-regexp's
// no-super-linear-backtracking) and through measured attacks
// (test/robust/attacks.ts): none may backtrack exponentially, none may be
// reported polynomial (a "trade" between two quantifiers, a quantifier
// that trades with itself, or a "move" across every start position), and on
// none may the time for an attack of 4n characters be more than LIMIT times
// that for n (4 is linear, 16 quadratic; a ratio within one run, not a time).
// An expression that only ever meets bounded input may be listed in
// ALLOWED, with the reason; fixing it is preferred.
import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import { describe, expect, it } from 'vitest';
import { LIMIT, attacksOn, superLinear } from './attacks.js';
import { type FoundRegex, regexLiterals } from './regexes.js';

/** `file /source/flags` -> why its input is bounded. */
const ALLOWED: Record<string, string> = {
  'src/sources/page.ts /^\\s*Posted by (.+?)(?:\\s+(?:\\d+|an?|one)\\s+\\w+\\s+ago|\\s+on\\s+.*)?\\s*$/':
    'runs only on lines of at most BYLINE_LIMIT (300) characters, the few after a page title (isByline)',
};

const key = (r: FoundRegex) => `${r.where.replace(/:\d+$/, '')} /${r.source}/${r.flags}`;
const label = (r: FoundRegex) => `${r.where} /${r.source}/${r.flags}`;

describe('ReDoS audit of src/ and rules/', () => {
  const found = regexLiterals();
  const audited = found.filter((r) => !(key(r) in ALLOWED));
  const parser = new RegExpParser();
  const reports = (r: FoundRegex) => analyse(parser.parseLiteral(`/${r.source}/${r.flags}`)).reports;

  it('finds the regular expressions to audit', () => {
    expect(found.length).toBeGreaterThan(200);
  });

  it('allows only expressions that exist and that would fail the audit', () => {
    for (const allowed of Object.keys(ALLOWED)) {
      const r = found.find((f) => key(f) === allowed);
      expect(r, allowed).toBeDefined();
      expect(reports(r!).length, allowed).toBeGreaterThan(0);
    }
  });

  it('has no regular expression that backtracks exponentially', () => {
    const exponential = found.filter((r) => reports(r).some((report) => report.exponential));
    expect(exponential.map(label)).toEqual([]);
  });

  it('has no regular expression that scslre reports polynomial', () => {
    const polynomial = audited.flatMap((r) => reports(r).map((report) => `${label(r)}: ${report.type} on ${report.character.literal.source}`));
    expect(polynomial).toEqual([]);
  });

  it('builds attacks that catch what scslre reports', () => {
    // The measure itself: a quadratic move, a quadratic trade and a cubic one are caught, a linear scan is not.
    for (const source of ['\\s+$', '^a*\\s*a*\\s*$', '^(.+@\\S*).*$']) expect(superLinear(source, ''), source).toBeDefined();
    expect(superLinear('^\\s*(?!\\s)(.*)$', '')).toBeUndefined();
    expect(attacksOn('<([^>]+)>', '').length).toBeGreaterThan(10);
  });

  it(`grows no more than ${LIMIT} times for 4 times the attack`, { timeout: 300_000 }, () => {
    const growing = audited.flatMap((r) => {
      const worst = superLinear(r.source, r.flags);
      return worst ? [`${label(r)}: ${worst.ratio.toFixed(1)}x on ${worst.label}`] : [];
    });
    expect(growing).toEqual([]);
  });
});
