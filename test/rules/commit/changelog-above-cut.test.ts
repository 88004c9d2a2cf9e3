import rule from '../../../rules/commit/changelog-above-cut.js';
import { mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'history below ---', patch: mail({ notes: 'v2: free it in the caller too' }) },
    { name: 'a version number that is a release', patch: mail({ body: 'Changes in v9.0 of the spec made this field optional.' }) },
    { name: 'a version inside a sentence', patch: mail({ body: 'The v2 format of the stream adds a header.' }) },
  ],
  invalid: [
    {
      name: 'a vN: line above ---',
      patch: mail({ body: 'The cache leaks.\n\nv2: free it in the caller too' }),
      errors: [{ file: null, line: 5, severity: 'warning', message: 'version history "v2: free it in the caller too" is above the "---" line and would go into the commit; move it below "---"' }],
    },
    {
      name: 'a "Changes since" heading',
      patch: mail({ body: 'The cache leaks.\n\nChanges since v1:\n - free it in the caller too' }),
      errors: [{ line: 5, message: /^version history "Changes since v1:"/ }],
    },
    {
      name: 'a v1 -> v2 line, reported once with what follows',
      patch: mail({ body: 'The cache leaks.\n\nv1 -> v2\n - rebased\nv2 -> v3\n - fixed' }),
      errors: [{ line: 5, message: /^version history "v1 -> v2"/ }],
    },
  ],
});
