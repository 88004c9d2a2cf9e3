import { isListAddress } from '../../src/commit/signoffs.js';
import { formatPerson } from '../../src/patch/model.js';
import type { Rule } from '../../src/engine/types.js';

// checkpatch.pl: `Author email address is mangled by the mailing list`.
// Mailman rewrites the From: of senders whose domain publishes a strict
// DMARC policy to "Name via Qemu-devel <qemu-devel@nongnu.org>"; git am
// would then record the list as the author. An in-body From: line (which
// git am prefers) avoids it, and that is what this rule looks at.
const rule: Rule = {
  meta: {
    id: 'commit/author-mangled',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    description: 'The author is the mailing list address the list rewrote the From: to (DMARC); git am would record it.',
  },
  check(ctx) {
    const author = ctx.patch!.author;
    if (!isListAddress(author)) return;
    ctx.report({
      message:
        `Author email address is mangled by the mailing list: "${formatPerson(author)}". ` +
        'Resend with `git send-email --force-in-body-from` (git 2.39+; or `git config sendemail.forceInBodyFrom true`) ' +
        'so that the body starts with a "From: Your Name <address>" line',
    });
  },
};

export default rule;
