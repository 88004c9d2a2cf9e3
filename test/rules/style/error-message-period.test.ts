import rule from '../../../rules/style/error-message-period.js';
import { fileDiff, mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const lines = (...body: string[]) => mail({ diff: fileDiff('migration/options.c', 10, [' int a;', ...body, ' int b;']) });

ruleTester(rule, {
  valid: [
    { name: 'a phrase', patch: lines("+    error_setg(errp, \"capability 'local-tap' requires a unix socket\");") },
    { name: 'a period inside', patch: lines('+    error_report("version %d.%d is too old", a, b);') },
    { name: 'an ellipsis', patch: lines('+    info_report("waiting for the peer...");') },
    { name: 'a hint is a sentence', patch: lines('+    error_append_hint(errp, "Use a unix socket.\\n");') },
    { name: 'an argument that ends with a period is not the format', patch: lines('+    error_report("%s", "done.");') },
  ],
  invalid: [
    {
      name: 'a final period',
      patch: lines("+    error_setg(errp, \"Capability 'local-tap' requires a unix socket.\");"),
      errors: [{ file: 'migration/options.c', line: 11, severity: 'warning', message: 'Error messages should not end with a period: "a single phrase, with no newline or trailing punctuation"' }],
    },
    {
      name: 'a format over two lines with a macro',
      patch: lines('+    error_setg_errno(errp, errno, "size %" PRIu64', '+                     " is too big.", size);'),
      errors: [{ line: 12, message: /^Error messages should not end with a period/ }],
    },
  ],
});
