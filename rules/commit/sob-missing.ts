import type { Rule } from '../../src/engine/types.js';

// checkpatch.pl: `if ($line =~ /^\s*signed-off-by:/i)` anywhere above the
// `---`; a sign-off in the notes below it is dropped by `git am`.
const SIGN_OFF = /^\s*signed-off-by:/i;

const rule: Rule = {
  meta: {
    id: 'commit/sob-missing',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    description: 'The commit message has no Signed-off-by: line (a hard requirement, DCO).',
  },
  check(ctx) {
    const patch = ctx.patch!;
    if (patch.message.split('\n').some((line) => SIGN_OFF.test(line))) return;
    const inNotes = patch.notes.split('\n').some((line) => SIGN_OFF.test(line));
    ctx.report({
      message: inNotes
        ? 'Missing Signed-off-by: line(s): the one below "---" is dropped by git am; move it above'
        : 'Missing Signed-off-by: line(s)',
    });
  },
};

export default rule;
