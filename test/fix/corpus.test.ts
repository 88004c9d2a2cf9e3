// The no-trade property of `patchlint fix` over every corpus mail with QAPI
// findings: apply the fixes to the mail, lint the result; the fixed rules
// are gone, the schema still parses (qapi/syntax silent), and the words of
// the doc text are the same (only spacing, punctuation and releases differ).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';
import { fixMails } from '../../src/fix/fixer.js';
import { newSides } from '../../src/fix/mail.js';
import { corpusFiles, describeShared } from '../helpers/corpus.js';

/** Words of the doc-comment lines of a mail's schema hunks. */
function docWords(mail: string): string[] {
  return newSides(mail)
    .filter((h) => /\.json$/.test(h.file))
    .flatMap((h) => h.lines.filter((l) => l.trimStart().startsWith('#')))
    .join(' ')
    .replace(/\(?[Ss]ince:?\s*\d+\.\d+(\.\d+)?\)?/g, ' ')
    .replace(/[.:]+(?=\s|$)/g, ' ')
    .split(/[\s#]+/)
    .filter(Boolean);
}

describeShared('patchlint fix on the corpus', () => {
  // The doc-format fixes change spacing, punctuation and releases, never words; spelling/typo's fixes change words by design, so it is left out here.
  const RULES = ALL_RULES.filter((r) => r.meta.id !== 'spelling/typo');

  it('trades no finding for another on any mail with QAPI findings', async () => {
    let withQapi = 0;
    let changed = 0;
    for (const file of corpusFiles()) {
      const text = readFileSync(file, 'utf8');
      const result = await fixMails([text], { rules: RULES });
      const before = result.unfixed.length + result.changes.length;
      if (!before) continue;
      const fixedRules = new Set(result.changes.map((c) => c.rule));
      if (![...fixedRules, ...result.unfixed.map((u) => u.finding.rule)].some((r) => r.startsWith('qapi/'))) continue;
      withQapi++;
      if (!result.changes.length) continue;
      changed++;
      const again = await fixMails(result.mails, { rules: RULES });
      const remaining = again.unfixed.map((u) => u.finding);
      // Nothing more to fix: the first run reached its fixed point.
      expect(again.changes, file).toEqual([]);
      // The fixed rules only remain where they were not fixable to begin with.
      const stillFixable = remaining.filter((f) => fixedRules.has(f.rule) && f.fix?.replacement);
      expect(stillFixable, file).toEqual([]);
      const syntaxBefore = (await fixMails([text], { rules: ALL_RULES.filter((r) => r.meta.id === 'qapi/syntax') })).unfixed.length;
      expect(remaining.filter((f) => f.rule === 'qapi/syntax').length, file).toBeLessThanOrEqual(syntaxBefore);
      expect(docWords(result.mails[0]!), file).toEqual(docWords(text));
    }
    console.log(`fix on the corpus: ${withQapi} mails with QAPI findings, ${changed} changed`);
    expect(withQapi).toBeGreaterThan(0);
  }, 300_000);
});
