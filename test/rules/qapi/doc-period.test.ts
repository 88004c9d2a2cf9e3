import rule from '../../../rules/qapi/doc-period.js';
import { added, context, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const hunk = (...lines: string[]) => qapiPatch(schemaHunk('qapi/net.json', 353, [...context('# @poll-us: maximum number of microseconds (since 2.7)', '#'), ...lines, ...context('#', '# Since: 1.2', '##')]));

ruleTester(rule, {
  valid: [
    { name: 'a period before the since tag', patch: hunk(...added('# @local-incoming: Load the fds.  (since 10.2)', '#', '# Features:', '#', '# @unstable: Member @local-incoming is experimental.')) },
    // The seed's net.json description: "(default: false)" is no sentence the rule can judge.
    { name: 'text ending in a parenthesis', patch: hunk(...added('# @local-incoming: Work only with local-tap', '#     migration capability enabled (default: false) (Since: 10.2)')) },
    { name: 'a list, a literal block, a line ending in a colon', patch: hunk(...added('# @a: One of:', '#', '#     * first', '#     * second', '#', '# @b: Like this::', '#', '#         foo bar')) },
    { name: 'a description that only says when', patch: hunk(...added('# @blkreplay: Since 4.2')) },
    // since-format flags '(Since: 7.0)' on this line: one finding is enough.
    { name: 'a line whose since tag qapi/since-format flags', patch: hunk(...added('# @node: the numa node (Since: 7.0)')) },
    { name: 'old text', patch: hunk(...context('# @old: no period here'), ...added('#')) },
    { name: 'text that goes on unindented (an indentation slip, not a missing period)', patch: hunk(...added('# @unstable: Members @x-remote-object and @x-vfio-user-server are', '# experimental.')) },
  ],
  invalid: [
    {
      name: 'a feature description (seed patch, net.json)',
      patch: hunk(...added('# @unstable: Member @local-incoming is experimental')),
      errors: [{ file: 'qapi/net.json', line: 355, message: 'end the description of @unstable with a period', severity: 'warning' }],
    },
    {
      name: 'a description followed by since tags (seed patch, migration.json)',
      patch: hunk(...added('# @local-tap: Migrate TAPs locally.  For target device also', '#     @local-incoming option must be specified (since 10.2)', '#     (since 10.2)')),
      errors: [{ line: 356, message: 'end the description of @local-tap with a period, before the (since X.Y)' }],
    },
    { name: 'free text that is one phrase (info)', patch: hunk(...added('# Options of the tap backend')), errors: [{ line: 355, message: 'end this text with a period', severity: 'info' }] },
    {
      name: 'a paragraph of sentences whose last one lacks the period',
      patch: hunk(...added('# Query the zap state of the device.  This is cheap.', '# Return the zap state')),
      errors: [{ line: 356, message: 'end this sentence with a period', severity: 'warning' }],
    },
    // Merged so every week: a one-phrase member description.
    { name: 'a one-phrase member description (info)', patch: hunk(...added("# @attributes: TDX guest's attributes")), errors: [{ line: 355, message: 'end the description of @attributes with a period', severity: 'info' }] },
  ],
});
