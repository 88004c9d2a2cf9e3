import type { Rule } from '../../src/engine/types.js';
import { formatRanges } from '../../src/patch/series.js';

// docs/devel/submitting-a-patch.rst, "When resending patches add a version
// tag" / "Use git format-patch": a series is numbered i/n by format-patch,
// every i from 1 to n present once, all with the same n.
const rule: Rule = {
  meta: {
    id: 'series/numbering',
    severity: 'warning',
    scope: 'series',
    needs: 'diff',
    description: 'A series numbers its patches 1/n to n/n, each once, with the same n.',
  },
  check(ctx) {
    const series = ctx.series;
    // A lone patch out of a longer series is what the hook and a single
    // .patch file look like, and a lone cover letter is one mail read on its
    // own: only the cover with patches, or several patches, show that the
    // series itself is at hand.
    if (series.missing.length && series.patches.length && (series.cover || series.patches.length >= 2)) {
      const n = series.missing.length;
      ctx.report({ message: `${n === 1 ? 'patch' : 'patches'} ${formatRanges(series.missing)} of ${series.total} ${n === 1 ? 'is' : 'are'} missing from the series` });
    }
    for (const patch of series.patches) {
      if (patch.index > series.total) {
        ctx.report({ message: `patch ${patch.tags.counter ?? patch.index} is numbered beyond the ${series.total} patches the series announces`, patch: patch.index });
      }
    }
    for (const stray of series.strays ?? []) {
      if (stray.kind === 'duplicate') ctx.report({ message: `patch ${stray.index}/${stray.total} was sent twice in this thread ("${stray.rawSubject}")` });
      if (stray.kind === 'total') ctx.report({ message: `"${stray.rawSubject}" replies to this ${series.total}-patch series but counts ${stray.total}` });
    }
  },
};

export default rule;
