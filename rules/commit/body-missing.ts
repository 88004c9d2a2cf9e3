import type { Rule } from '../../src/engine/types.js';
import { MESSAGE_BODY_FIRST_LINE } from '../../src/patch/model.js';

// docs/devel/submitting-a-patch.rst: after the subject "there is a blank
// line and a more detailed description of the patch", and "make sure the
// body of the commit message can be read in isolation even if the
// reader's mailer displays the subject line some distance apart (that is,
// a body that starts with "... so that" as a continuation of the subject
// line is harder to follow)".
const CONTINUATION = /^(?:\.\.\.|\u2026|so that\b|and\b|but\b|which\b)/;

const rule: Rule = {
  meta: {
    id: 'commit/body-missing',
    authorHabit: true,
    severity: 'info',
    scope: 'patch',
    needs: 'diff',
    description: 'The commit message has a body that says why, readable without the subject.',
  },
  check(ctx) {
    const patch = ctx.patch!;
    const firstTag = patch.trailers[0]?.line ?? Number.POSITIVE_INFINITY;
    const body = patch.message
      .split('\n')
      .map((text, i) => ({ text, line: MESSAGE_BODY_FIRST_LINE + i }))
      .filter((l) => l.line < firstTag && l.text.trim() !== '' && !/^\s*signed-off-by:/i.test(l.text));
    if (!body.length) {
      ctx.report({ message: 'the commit message has no body: say why the change is needed, not only what it is' });
      return;
    }
    const first = body[0]!;
    if (CONTINUATION.test(first.text.trim())) {
      ctx.report({ message: 'the body starts as a continuation of the subject; make it readable on its own', line: first.line });
    }
  },
};

export default rule;
