import type { Rule } from '../../src/engine/types.js';
import { MESSAGE_BODY_FIRST_LINE } from '../../src/patch/model.js';

// docs/devel/submitting-a-patch.rst, "Include version history in patchset
// revisions": the changes between versions go below the `---` line, "not
// in the commit message itself", so that git am drops them.
const VERSION = String.raw`v\d+\b(?!\.\d)`;
const CHANGELOG = [
  new RegExp(String.raw`^\s*(?:changes|changelog)\b.{0,30}?\b${VERSION}`, 'i'),
  new RegExp(String.raw`^\s*${VERSION}\s*(?:->|\u2192|=>|to|vs\.?)\s*${VERSION}`, 'i'),
  new RegExp(String.raw`^\s*${VERSION}\s*:`, 'i'),
];

const rule: Rule = {
  meta: {
    id: 'commit/changelog-above-cut',
    severity: 'warning',
    scope: 'patch',
    needs: 'diff',
    description: 'Version history ("v2: ...", "Changes since v1") sits below the --- line, not in the commit message.',
  },
  check(ctx) {
    const lines = ctx.patch!.message.split('\n');
    const i = lines.findIndex((l) => CHANGELOG.some((re) => re.test(l)));
    if (i < 0) return;
    ctx.report({
      message: `version history "${lines[i]!.trim()}" is above the "---" line and would go into the commit; move it below "---"`,
      line: MESSAGE_BODY_FIRST_LINE + i,
    });
  },
};

export default rule;
