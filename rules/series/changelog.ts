import type { Rule } from '../../src/engine/types.js';
import type { Patch } from '../../src/patch/model.js';
import { isComplete } from '../../src/patch/series.js';

// docs/devel/submitting-a-patch.rst, "When resending patches add a version
// tag": "it is helpful to include a summary of changes from the previous
// version ... below the --- line, or in the cover letter", so reviewers
// re-read only what changed.
// What a changelog looks like: `v2:`, `v1 -> v2`, `Changes since v1`, `Changelog`, `Since v2:`, `- v3: ...`.
const CHANGELOG = /\bv\d+\s*(?:->|:|\.\.)|\bchange(?:s|log|d)\b|\bsince\s+v\d|\bv\d+\b.*\bv\d+\b|\bdiff(?:erences)?\s+(?:from|to|since)\b/i;

const says = (patch: Patch | undefined, what: 'notes' | 'message') => !!patch && CHANGELOG.test(patch[what]);

const rule: Rule = {
  meta: {
    id: 'series/changelog',
    severity: 'info',
    scope: 'series',
    needs: 'diff',
    description: 'A v2 or later series says what changed since the previous version (in the cover letter, or below --- in its patches).',
  },
  check(ctx) {
    const { series } = ctx;
    if (series.version < 2 || !series.patches.length || series.patches[0]!.tags.isPull) return;
    // Anywhere will do: the cover, below the --- of any patch, or (a slip commit/changelog-above-cut reports) above it.
    if (says(series.cover, 'message') || series.patches.some((p) => says(p, 'notes') || says(p, 'message'))) return;
    // A cover letter or a whole series must be at hand to say it is absent.
    if (!series.cover && !isComplete(series)) return;
    ctx.report({
      message: `v${series.version} without a changelog: say what changed since v${series.version - 1} ${series.cover ? 'in the cover letter' : 'below the --- line'}, so that reviewers re-read only that`,
    });
  },
};

export default rule;
