import { signOffs } from '../../src/commit/signoffs.js';
import type { Rule } from '../../src/engine/types.js';

// checkpatch.pl: any `/^\s*signed-off-by:/i` line counts as a sign-off, but
// it must be spelt `Signed-off-by:` and followed by a space.
const rule: Rule = {
  meta: {
    id: 'commit/sob-form',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    description: 'A Signed-off-by line is spelt "Signed-off-by:" followed by a space.',
    fixable: true,
  },
  check(ctx) {
    for (const signOff of signOffs(ctx.patch!)) {
      const fixed = signOff.text.replace(/^(\s*)signed-off-by:\s*/i, '$1Signed-off-by: ');
      const fix = { replacement: [fixed] };
      if (!/^\s*Signed-off-by:/.test(signOff.text)) ctx.report({ message: 'The correct form is "Signed-off-by"', line: signOff.line, fix });
      if (/^\s*signed-off-by:\S/i.test(signOff.text)) ctx.report({ message: 'space required after Signed-off-by:', line: signOff.line, fix });
    }
  },
};

export default rule;
