import rule from '../../../rules/style/error-message-newline.js';
import { fileDiff, mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const lines = (...body: string[]) => mail({ diff: fileDiff('net/tap.c', 10, [' int a;', ...body, ' int b;']) });

ruleTester(rule, {
  valid: [
    { name: 'a message without newline', patch: lines('+    error_report("vhost-net requires TAP backend");') },
    { name: 'a hint may have newlines', patch: lines('+    error_append_hint(errp, "Use a TAP backend.\\n");') },
    { name: 'printf is not an error function', patch: lines('+    printf("done\\n");') },
    { name: 'a newline on a context line', patch: lines(' error_report("old\\n");', '+    x = 1;') },
  ],
  invalid: [
    { name: 'a newline in error_report', patch: lines('+    error_report("vhost-net requires TAP backend\\n");'), errors: [{ file: 'net/tap.c', line: 11, severity: 'error', message: 'Error messages should not contain newlines' }] },
    { name: 'a newline in error_setg', patch: lines('+    error_setg(errp, "bad value %d\\n", v);'), errors: [{ line: 11, message: 'Error messages should not contain newlines' }] },
    {
      name: 'a newline in a continued literal',
      patch: lines('+    error_setg(errp, "the migration channel "', '+               "does not support this\\n");'),
      errors: [{ line: 12, message: 'Error messages should not contain newlines' }],
    },
  ],
});
