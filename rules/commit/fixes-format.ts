import { fixesTags } from '../../src/commit/fixes.js';
import { signOffs } from '../../src/commit/signoffs.js';
import type { Rule } from '../../src/engine/types.js';

// docs/devel/submitting-a-patch.rst: "add an additional line with "Fixes:
// <at-least-12-digits-of-SHA-commit-id> ("Fixed commit subject")" below the
// patch description / before your "Signed-off-by:" line". Bug URLs go in
// Resolves: (GitLab) or Buglink: (other trackers).
// QEMU's own checkpatch.pl does not check Fixes: at all, and QEMU merges
// tags of 7 to 11 digits (git's default abbreviation, unambiguous in practice)
// and subjects written `(subject)` or `"subject"` (QEMU's maintainers write
// both in their own pulls, 2025): those are an info; fewer digits name no
// commit reliably, and a tag without the subject cannot be checked by eye (a
// warning).
const WELL_FORMED = /^[0-9a-f]{7,40} \(".*"\)$/i;
const SOME_SUBJECT = /^[0-9a-f]{7,40} (?:\((.+)\)|"(.+)")$/i;
const GIT_ABBREV = 7;

const rule: Rule = {
  meta: {
    id: 'commit/fixes-format',
    severity: 'warning',
    scope: 'patch',
    needs: 'diff',
    description: 'A Fixes: tag reads Fixes: <12+ hex digits> ("<subject>"), above the Signed-off-by.',
  },
  check(ctx) {
    const patch = ctx.patch!;
    const lastSignOff = signOffs(patch).at(-1)?.line ?? 0;
    for (const { line, value, sha } of fixesTags(patch.message)) {
      if (/^https?:/i.test(value)) {
        ctx.report({ message: 'Fixes: names the commit that introduced the bug; a bug URL goes in Resolves: (GitLab issues) or Buglink:', line });
      } else if (!sha || sha.length < 12) {
        ctx.report({
          message: `Fixes: needs at least 12 hex digits of the commit: Fixes: <sha> ("<subject>") (git log -1 --abbrev=12 --format='%h ("%s")' <commit>)`,
          line,
          ...(sha && sha.length >= GIT_ABBREV && SOME_SUBJECT.test(value) ? { severity: 'info' as const } : {}),
        });
      } else if (!WELL_FORMED.test(value)) {
        const other = SOME_SUBJECT.exec(value);
        const subject = other ? (other[1] ?? other[2]) : undefined;
        ctx.report({
          message: `Fixes: should read Fixes: ${sha.slice(0, 12)} ("${subject ?? '<subject of the fixed commit>'}")`,
          line,
          ...(subject !== undefined ? { severity: 'info' as const } : {}),
        });
      }
      if (lastSignOff && line > lastSignOff) {
        ctx.report({ message: 'Fixes: goes above the Signed-off-by: lines', line });
      }
    }
  },
};

export default rule;
