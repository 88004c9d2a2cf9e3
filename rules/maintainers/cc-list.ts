import type { Rule } from '../../src/engine/types.js';
import { directoryTest, loadMaintainers, maintainersOfPatch, patchFilesAsGetMaintainerSeesThem, treeFitsPatch } from '../../src/maintainers/lookup.js';
import { formatRecipient } from '../../src/maintainers/recipients.js';

// docs/devel/submitting-a-patch.rst, "CC the relevant maintainer": "Send
// patches both to the mailing list and CC the maintainer(s) of the files
// you are modifying", as `scripts/get_maintainer.pl` lists them (M:, R:
// and L: of the matching sections, RULES.md §7.2). The recipients are the
// mail's To/Cc (or, in the hook, git send-email's SMTP headers).
const rule: Rule = {
  meta: {
    id: 'maintainers/cc-list',
    severity: 'warning',
    scope: 'patch',
    needs: 'tree',
    description: "The mail's To/Cc include the maintainers (warning), reviewers and lists (info) get_maintainer.pl lists for the patch.",
  },
  async check(ctx) {
    const patch = ctx.patch!;
    const maintainers = await loadMaintainers(ctx.tree);
    if (!maintainers) return;
    const { to, cc } = patch.recipients;
    // A web-page copy or a bare .patch file: who it went to is unknown.
    if (!to.length && !cc.length) return;
    if (!(await treeFitsPatch(patch, ctx.treeBefore, ctx.tree))) return;
    // When the tree cannot tell what is a directory, assume a file: fewer people to ask for.
    const isDirectory = await directoryTest(ctx.tree, maintainers, patchFilesAsGetMaintainerSeesThem(patch), false);
    const people = [...to, ...cc, patch.sender, patch.author];
    const addresses = new Set(people.map((p) => p.email.toLowerCase()).filter(Boolean));
    const names = new Set(people.map((p) => p.name.trim().toLowerCase()).filter(Boolean));
    const missing = maintainersOfPatch(maintainers, patch, isDirectory).recipients.filter(
      (r) => !addresses.has(r.email.toLowerCase()) && !(r.name && names.has(r.name.toLowerCase())),
    );
    if (!missing.length) return;
    ctx.report({
      message: `To/Cc lack what get_maintainer.pl lists for this patch: ${missing.map(formatRecipient).join(', ')}`,
      severity: missing.some((r) => r.kind === 'maintainer') ? 'warning' : 'info',
    });
  },
};

export default rule;
