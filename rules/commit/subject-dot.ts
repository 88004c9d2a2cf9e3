import type { Rule } from '../../src/engine/types.js';

// docs/devel/submitting-a-patch.rst: "we prefer that the summary does not
// end in a dot". An ellipsis is not a full stop.
const rule: Rule = {
  meta: {
    id: 'commit/subject-dot',
    authorHabit: true,
    severity: 'info',
    scope: 'patch',
    needs: 'diff',
    description: 'The subject line does not end with a period.',
    fixable: true,
  },
  check(ctx) {
    const summary = ctx.patch!.subject.trim();
    if (!summary.endsWith('.') || summary.endsWith('..')) return;
    ctx.report({ message: 'subject ends with a period; QEMU prefers summaries without one', line: 1, fix: { replacement: [summary.slice(0, -1)] } });
  },
};

export default rule;
