import { isListAddress, isSendingService, sameAddress, sameName, signOffs } from '../../src/commit/signoffs.js';
import { formatPerson } from '../../src/patch/model.js';
import type { Rule } from '../../src/engine/types.js';

// docs/devel/code-provenance.rst, "Multiple authorship": whoever passes a
// patch on adds their own Signed-off-by, and "when multiple Signed-off-by
// tags are present, they should be strictly kept in order of authorship",
// so the sender's comes last. In a [PULL] it is at most an info: the pull is a
// maintainer's merge, and QEMU merges pulls sent by one co-maintainer that
// carry the other's sign-off.
const rule: Rule = {
  meta: {
    id: 'commit/sob-sender',
    severity: 'warning',
    scope: 'patch',
    needs: 'diff',
    description: "A patch sent by someone other than its author carries the sender's Signed-off-by, last.",
  },
  check(ctx) {
    const patch = ctx.patch!;
    const { sender, author } = patch;
    // The list's DMARC rewrite and sourcehut's web sender are not people
    // passing the patch on, nor is the author sending from another address.
    if (!sender.email || sameAddress(sender, author) || isListAddress(sender) || isSendingService(sender)) return;
    if (sender.name && author.name && sameName(sender.name, author.name)) return;
    const all = signOffs(patch);
    if (!all.length) return;
    const severity = patch.tags.isPull ? ('info' as const) : undefined;
    const own = all.filter((s) => sameAddress(s.person, sender));
    if (!own.length) {
      ctx.report({ ...(severity ? { severity } : {}), message: `the sender ${formatPerson(sender)} passes on ${formatPerson(author)}'s patch without a Signed-off-by: of their own (add it last)` });
      return;
    }
    const last = all[all.length - 1]!;
    if (!sameAddress(last.person, sender)) {
      ctx.report({ ...(severity ? { severity } : {}), message: `the sender's Signed-off-by: should be the last one (sign-offs follow the order the patch passed through hands)`, line: own[own.length - 1]!.line });
    }
  },
};

export default rule;
