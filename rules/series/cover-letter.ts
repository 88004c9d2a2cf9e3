import type { Rule } from '../../src/engine/types.js';

// docs/devel/submitting-a-patch.rst, "Use git format-patch": "Patch series
// need a cover letter, with shallow threading (all patches in the series
// are in-reply-to the cover letter, but not to each other)".
const rule: Rule = {
  meta: {
    id: 'series/cover-letter',
    severity: 'warning',
    scope: 'series',
    needs: 'diff',
    description: 'A series of more than one patch has a cover letter (0/n), and the patches reply to it.',
  },
  check(ctx) {
    const { series } = ctx;
    // Commits of a git range or a pull request are not mail yet: the cover
    // letter is written at format-patch time (or is the PR description).
    if (series.origin !== 'mail') return;
    if (!series.cover) {
      // One patch of a longer series alone (the hook, a single file) cannot tell.
      if (series.total > 1 && series.patches.length >= 2) {
        ctx.report({ message: `a series of ${series.total} patches needs a cover letter ([PATCH 0/${series.total}]): git format-patch --cover-letter` });
      }
      return;
    }
    const coverId = series.cover.messageId;
    const ids = new Set(series.patches.map((p) => p.messageId));
    const chained = series.patches.filter((p) => coverId && p.inReplyTo && p.inReplyTo !== coverId && ids.has(p.inReplyTo));
    if (chained.length) {
      ctx.report({
        message: `patches ${chained.map((p) => p.index).join(', ')} reply to the previous patch instead of the cover letter: QEMU wants shallow threading (git send-email's default; drop --chain-reply-to)`,
        severity: 'info',
      });
    }
  },
};

export default rule;
