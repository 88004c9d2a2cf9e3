// spelling/typo's fixes, and that the misspelling list is read only when a rule needs it.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/spelling/typo.js';
import subjectDot from '../../../rules/commit/subject-dot.js';
import { misspellingsLoaded } from '../../../src/spelling/misspellings.js';
import { mail } from '../../helpers/mail.js';
import { lintText } from '../../helpers/lint.js';

describe('spelling/typo', () => {
  it('loads the misspelling list only when it checks text, once', async () => {
    await lintText(mail({ body: 'Wait two secods.' }), { rules: [subjectDot] });
    expect(misspellingsLoaded()).toBe(false);
    await lintText(mail({ body: 'Wait two seconds.' }), { rules: [rule] });
    expect(misspellingsLoaded()).toBe(true);
  });

  it('fixes the word in place, keeping its capital', async () => {
    const report = await lintText(mail({ body: 'Defalut is two secods.' }), { rules: [rule] });
    expect(report.findings.map((f) => f.fix)).toEqual([{ replacement: ['Default is two secods.'] }, { replacement: ['Defalut is two seconds.'] }]);
  });
});
