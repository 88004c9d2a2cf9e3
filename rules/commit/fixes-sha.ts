import { fixesTags } from '../../src/commit/fixes.js';
import type { Rule } from '../../src/engine/types.js';

// docs/devel/submitting-a-patch.rst: "Fixes: <at-least-12-digits-of-SHA-
// commit-id> ("Fixed commit subject")" names "a commit that is already in
// the repository". With the repository at hand (a checkout given as --tree,
// --git ranges, the send-email hook) the tag can be checked against it:
// the commit exists, and its subject is the one quoted. Without git history
// (a plain directory, a mail alone) the rule has nothing to ask.

/** Whitespace folded to one space: a folded tag value reads the same. */
const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The quoted subject is the commit's, or its start cut with an ellipsis. */
function sameSubject(quoted: string, actual: string): boolean {
  const q = normal(quoted);
  const a = normal(actual);
  if (q === a) return true;
  const cut = /(?:\.\.\.|\u2026)$/.exec(q);
  return cut !== null && q.length > cut[0].length && a.startsWith(q.slice(0, -cut[0].length).trimEnd());
}

const rule: Rule = {
  meta: {
    id: 'commit/fixes-sha',
    severity: 'warning',
    scope: 'patch',
    needs: 'tree',
    description: 'With a git repository at hand, a Fixes: tag names a commit that exists, with its subject.',
  },
  async check(ctx) {
    const lookup = ctx.tree.commit;
    if (!lookup) return;
    for (const { line, sha, subject } of fixesTags(ctx.patch!.message)) {
      // Fewer than 4 digits is no SHA for git; commit/fixes-format says so.
      if (!sha || sha.length < 4) continue;
      const found = await lookup.call(ctx.tree, sha);
      if (found.kind === 'unknown') {
        // A shallow clone (CI checkouts) ends before most fixed commits: absence there proves nothing.
        if (found.shallow) continue;
        ctx.report({ line, message: `Fixes: ${sha} names no commit of the repository (${ctx.tree.description}): is the SHA right, or is the fixed commit on a branch not fetched?` });
        continue;
      }
      if (found.kind === 'ambiguous') {
        ctx.report({ line, message: `Fixes: ${sha} is ambiguous: ${found.candidates} commits start with it; give at least 12 digits (git log -1 --abbrev=12 --format='%h ("%s")' <commit>)` });
        continue;
      }
      if (subject !== undefined && !sameSubject(subject, found.subject)) {
        ctx.report({ line, message: `Fixes: ${sha} is "${found.subject}", not "${normal(subject)}": Fixes: ${found.sha.slice(0, 12)} ("${found.subject}")` });
      }
      if (found.ancestor === false) {
        ctx.report({ line, severity: 'info', message: `Fixes: ${sha} exists but is not in the history of ${ctx.tree.description}: does the fix go to the branch that has it?` });
      }
    }
  },
};

export default rule;
