import type { Rule } from '../../src/engine/types.js';
import { MESSAGE_BODY_FIRST_LINE } from '../../src/patch/model.js';

// RULES.md (additions): reviewers ask for a blank line between the body and
// the tags, so that where the tags start is clear; git interpret-trailers
// and b4 only read a tag block that follows a blank line.
const rule: Rule = {
  meta: {
    id: 'commit/trailer-block',
    severity: 'info',
    scope: 'patch',
    needs: 'diff',
    description: 'The tags (Signed-off-by: and the like) are separated from the body by a blank line.',
  },
  check(ctx) {
    const patch = ctx.patch!;
    const first = patch.trailers[0];
    if (!first) return;
    const before = patch.message.split('\n')[first.line - MESSAGE_BODY_FIRST_LINE - 1];
    if (before === undefined || before.trim() === '') return;
    ctx.report({ message: `add a blank line between the body and the tags that start with "${first.key}:"`, line: first.line });
  },
};

export default rule;
