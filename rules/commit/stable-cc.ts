import type { Rule } from '../../src/engine/types.js';
import { MESSAGE_BODY_FIRST_LINE, type Patch } from '../../src/patch/model.js';

// docs/devel/submitting-a-patch.rst, "Consider whether your patch is
// applicable for stable": a fix for a bug that a release shipped is Cc'd to
// qemu-stable@nongnu.org (a Cc: tag in the commit message or a Cc of the
// mail). Without the history the rule cannot tell whether the fixed commit
// is in a release: an info that asks.
const STABLE = /qemu-stable@nongnu\.org/i;

/** The patch changes documentation only (doc files, or only comment lines of schema files): stable takes no such fixes. */
function docsOnly(patch: Patch): boolean {
  return patch.files.every(
    (f) => /\.(?:rst|md|txt)$/.test(f.path) || (/\.json$/.test(f.path) && [...f.added, ...f.removed].every((l) => /^\s*(?:#|$)/.test(l.text))),
  );
}

const rule: Rule = {
  meta: {
    id: 'commit/stable-cc',
    severity: 'info',
    scope: 'patch',
    needs: 'diff',
    description: 'A patch with Fixes: is not Cc\'d to qemu-stable@nongnu.org: if the fixed commit is in a release, the fix belongs in stable too.',
  },
  check(ctx) {
    const patch = ctx.patch!;
    // A Fixes: line anywhere in the message (git send-email keeps it apart from the sign-offs at times).
    const index = patch.message.split('\n').findIndex((l) => /^fixes:/i.test(l));
    if (index < 0 || patch.tags.isPull || docsOnly(patch)) return;
    if (patch.message.split('\n').some((l) => /^cc:/i.test(l) && STABLE.test(l))) return;
    if (STABLE.test(patch.recipients.raw ?? '') || [...patch.recipients.to, ...patch.recipients.cc].some((p) => STABLE.test(p.email))) return;
    ctx.report({ line: MESSAGE_BODY_FIRST_LINE + index, message: 'Fixes: a commit without "Cc: qemu-stable@nongnu.org": if the fixed commit is in a release, add the Cc so that the fix reaches the stable branches' });
  },
};

export default rule;
