import { isListAddress, sameAddress, sameName, signOffs } from '../../src/commit/signoffs.js';
import { formatPerson } from '../../src/patch/model.js';
import type { Rule } from '../../src/engine/types.js';

// docs/devel/submitting-a-patch.rst: "make sure your From: and
// Signed-off-by: lines use the same spelling"; code-provenance.rst: the
// name and email of the Signed-off-by are expected to match the Author.
// The author is the in-body From: when there is one (git am), else the
// mail's From:.
const rule: Rule = {
  meta: {
    id: 'commit/sob-author',
    severity: 'warning',
    scope: 'patch',
    needs: 'diff',
    description: "The author's own Signed-off-by is there, with the same name and address as the From:.",
  },
  check(ctx) {
    const patch = ctx.patch!;
    const author = patch.author;
    // A list-mangled author is commit/author-mangled's finding; no sign-off is commit/sob-missing's.
    if (!author.email || isListAddress(author)) return;
    const all = signOffs(patch);
    if (!all.length) return;
    const byAddress = all.filter((s) => sameAddress(s.person, author));
    if (!byAddress.length) {
      ctx.report({ message: `no Signed-off-by: from the author ${formatPerson(author)}: the From: and a Signed-off-by: must use the same name and address` });
      return;
    }
    if (!author.name || byAddress.some((s) => !s.person!.name || sameName(s.person!.name, author.name))) return;
    const first = byAddress[0]!;
    ctx.report({
      message: `Signed-off-by: ${formatPerson(first.person!)} spells the name differently from the author ${formatPerson(author)}`,
      line: first.line,
    });
  },
};

export default rule;
