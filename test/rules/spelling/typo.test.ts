import rule from '../../../rules/spelling/typo.js';
import { fileDiff, mail } from '../../helpers/mail.js';
import { added, context, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const cPatch = (...lines: string[]) => mail({ body: 'Count the retries.', diff: fileDiff('migration/colo.c', 10, [' int a;', ...lines, ' int b;']) });
const docPatch = (...lines: string[]) => mail({ subject: '[PATCH] docs/devel: describe the retries', body: 'Describe the retries.', diff: fileDiff('docs/devel/migration.rst', 10, [' Migration', ...lines]) });

ruleTester(rule, {
  valid: [
    { name: 'well-spelt prose everywhere', patch: cPatch('+/* Retry after two seconds. */') },
    { name: 'identifiers, calls and paths are not prose', patch: mail({ body: 'Rename recieve_buf() and recieveData to fix tests/recieve.c.' }) },
    { name: 'URLs, quoted code and quoted text', patch: mail({ body: 'See https://example.org/recieve and `recieve()`; the log says "recieve failed".' }) },
    { name: 'acronyms and macros in capitals', patch: mail({ body: 'The TEH register and RECIEVE_BIT stay.' }) },
    { name: 'a typo in C code, not in a comment', patch: cPatch('+int recieve = 0;') },
    { name: 'a typo on a context line', patch: mail({ diff: fileDiff('migration/colo.c', 10, [' /* recieve the page */', '+int a;']) }) },
    { name: 'a moved line keeps its old typo', patch: cPatch('-/* recieve the page */', '+    /* recieve the page */') },
    { name: 'a word the config ignores', config: { spellingIgnore: ['Recieve'] }, patch: mail({ body: 'We recieve it.' }) },
    // Modelled on a 2025 merged docs patch about the passt back end: QEMU's names are no typos.
    { name: 'passt, the network back end', patch: docPatch('+Start passt with ``--vhost-user``; passt(1) then listens on the socket.') },
    { name: '"that that" is English', patch: mail({ body: 'It says that that value is stale.' }) },
    { name: 'the same word across a full stop', patch: mail({ body: 'Retry the transfer. Transfer errors are counted.' }) },
    { name: 'the same word at the end of one line and inside the next', patch: mail({ body: 'Count every retry\nof the retry loop.' }) },
    { name: 'a qmp-example line', patch: qapiPatch(schemaHunk('qapi/migration.json', 10, [...context('# .. qmp-example::', '#'), ...added('#     -> { "execute": "recieve" }')])) },
  ],
  invalid: [
    {
      // Modelled on a 2025 review ("One 'through' too many") of a doc comment split over two lines.
      name: 'a word repeated across the break between two doc lines',
      patch: qapiPatch(schemaHunk('qapi/migration.json', 10, [...context('# @retries: How often to retry.', '#'), ...added('# @reason: The peer reported the failure through', '#     through its error channel.')])),
      errors: [{ file: 'qapi/migration.json', line: 13, severity: 'warning', message: "'through' is written twice in a row" }],
    },
    { name: 'a word repeated on one line of the commit message', patch: mail({ body: 'Free the the buffer on error.' }), errors: [{ file: null, line: 3, message: "'the' is written twice in a row" }] },
    {
      // Pointed out in a 2025 review.
      name: 'a commit message typo, with a fix',
      patch: mail({ body: 'Wait two secods before retrying.' }),
      errors: [{ file: null, line: 3, severity: 'warning', message: "'secods' is a common misspelling of 'seconds'" }],
    },
    {
      name: 'a QAPI doc comment, capitalised',
      patch: qapiPatch(schemaHunk('qapi/migration.json', 10, [...context('# @retries: How often to retry.', '#'), ...added('#     Defalut is 3.  (since 10.2)')])),
      errors: [{ file: 'qapi/migration.json', line: 12, message: "'Defalut' is a common misspelling of 'Default'" }],
    },
    { name: 'a C block comment', patch: cPatch('+/*', '+ * Teh page is sent twice.', '+ */'), errors: [{ file: 'migration/colo.c', line: 12, message: "'Teh' is a common misspelling of 'The'" }] },
    { name: 'a C // comment', patch: cPatch('+int a; // seperate counter'), errors: [{ line: 11, message: "'seperate' is a common misspelling of 'separate'" }] },
    { name: 'an rST document', patch: docPatch('+The source will recieve the pages.'), errors: [{ file: 'docs/devel/migration.rst', line: 11 }] },
    { name: 'several corrections: no fix', patch: mail({ body: 'Flush the aache first.' }), errors: [{ line: 3, message: "'aache' is a common misspelling of 'ache' or 'cache'" }] },
  ],
});
