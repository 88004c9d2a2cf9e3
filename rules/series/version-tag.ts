import type { Rule } from '../../src/engine/types.js';

// docs/devel/submitting-a-patch.rst, "When resending patches add a version
// tag": every mail of a resent series carries the same vN, which is how
// patchew and b4 tell the versions apart.
const rule: Rule = {
  meta: {
    id: 'series/version-tag',
    severity: 'warning',
    scope: 'series',
    needs: 'diff',
    description: 'Every patch of a series carries the same version tag (vN) as the rest of its thread.',
  },
  check(ctx) {
    const { series } = ctx;
    const tag = series.version > 1 ? `v${series.version}` : 'no version tag';
    for (const stray of series.strays ?? []) {
      if (stray.kind !== 'version') continue;
      const its = stray.version > 1 ? `v${stray.version}` : 'no version';
      ctx.report({ message: `"${stray.rawSubject}" replies to this series (${tag}) but says ${its}; every patch of a version carries the same vN` });
    }
  },
};

export default rule;
