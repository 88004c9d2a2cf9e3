import type { Rule } from '../../src/engine/types.js';

// docs/devel/code-provenance.rst "Other commit tags" and
// submitting-a-patch.rst: the tags QEMU commits use, spelt as git and the
// tools that read them (b4, patchew, git interpret-trailers) expect.
const KNOWN = [
  'Signed-off-by',
  'Reviewed-by',
  'Acked-by',
  'Tested-by',
  'Reported-by',
  'Suggested-by',
  'Co-developed-by',
  'Fixes',
  'Resolves',
  'Buglink',
  'Message-Id',
  'Message-ID',
  'Link',
  'Cc',
  'Based-on',
];
// Tags that vouch for the patch are a person's: "Name <address>".
const PERSONAL = new Set(['reviewed-by', 'acked-by', 'tested-by', 'co-developed-by']);

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

const rule: Rule = {
  meta: {
    id: 'commit/known-tags',
    severity: 'info',
    scope: 'patch',
    needs: 'diff',
    description: 'Tags are spelt as QEMU spells them, and Reviewed-by/Acked-by/Tested-by name "Name <address>".',
  },
  check(ctx) {
    for (const tag of ctx.patch!.trailers) {
      const lower = tag.key.toLowerCase();
      const same = KNOWN.find((k) => k.toLowerCase() === lower);
      // Signed-off-by spelling is commit/sob-form's; Cc/CC and the like are all in use.
      if (same && same !== tag.key && lower.endsWith('-by') && lower !== 'signed-off-by') {
        ctx.report({ message: `${tag.key}: is spelt ${same}:`, line: tag.line });
      } else if (!same && tag.key.length >= 6) {
        const near = KNOWN.find((k) => editDistance(k.toLowerCase(), lower) <= 2);
        if (near) ctx.report({ message: `${tag.key}: is not a tag QEMU uses; did you mean ${near}:?`, line: tag.line });
      }
      if (PERSONAL.has(lower) && !/<[^<>\s@]+@[^<>\s]+>/.test(tag.value)) {
        ctx.report({ message: `${tag.key}: takes "Name <address>"`, line: tag.line });
      }
    }
  },
};

export default rule;
