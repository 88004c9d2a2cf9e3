import rule from '../../../rules/commit/subject-prefix.js';
import { fileDiff, mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const touching = (subject: string, ...paths: string[]) =>
  mail({ subject: `[PATCH] ${subject}`, diff: paths.map((p) => fileDiff(p, 10, [' a', '+b', ' c'])).join('') });

ruleTester(rule, {
  valid: [
    { name: 'a plain subsystem', patch: touching('migration: fix a leak', 'migration/colo.c') },
    { name: 'a path as subsystem', patch: touching('hw/net/virtio-net: fix a leak', 'hw/net/virtio-net.c') },
    { name: 'several subsystems', patch: touching('qapi, target/i386/sev: add cpu0-id', 'qapi/misc-target.json', 'target/i386/sev.c') },
    { name: 'subsystems joined by &', patch: touching('qapi & doc: deprecate drive-backup', 'qapi/block-core.json') },
    { name: 'a file name as subsystem', patch: touching('meson: always include contrib/libvhost-user', 'meson.build') },
    { name: 'MAINTAINERS as subsystem', patch: touching('MAINTAINERS: add myself', 'MAINTAINERS') },
    { name: 'x86 for target/i386', patch: touching('x86: fix cpuid', 'target/i386/cpu.c') },
    { name: 'a revert quotes the reverted subject', patch: touching('Revert "migration: fix a leak"', 'migration/colo.c') },
    { name: 'a generic prefix', patch: touching('treewide: spelling fixes', 'hw/net/e1000.c') },
    { name: 'a one-letter prefix is too short to compare', patch: touching('a: add two', 'a.c') },
    { name: 'a second prefix names the place', patch: touching('qapi: net: fix -set parameter with modern style', 'net/net.c', 'include/net/net.h') },
  ],
  invalid: [
    {
      name: 'no prefix at all',
      patch: touching('Add local TAP migration', 'qapi/migration.json'),
      errors: [{ file: null, line: 1, severity: 'warning', message: 'subject has no "subsystem: " prefix: QEMU subjects read "subsystem: single line summary of change" (see git shortlog)' }],
    },
    {
      name: 'a sentence before the colon is no subsystem',
      patch: touching('Fix the build on hosts without it: use a stub', 'util/cutils.c'),
      errors: [{ severity: 'warning', message: /^subject has no "subsystem: " prefix/ }],
    },
    {
      name: 'a prefix that names another area',
      patch: touching('block: fix the colo cache', 'migration/colo.c', 'migration/ram.c'),
      errors: [{ line: 1, severity: 'info', message: 'subject prefix "block:" names none of the touched paths (migration/colo.c, migration/ram.c)' }],
    },
    {
      name: 'two prefixes, neither touched',
      patch: touching('block: nbd: fix the colo cache', 'migration/colo.c'),
      errors: [{ severity: 'info', message: 'subject prefix "block: nbd:" names none of the touched paths (migration/colo.c)' }],
    },
  ],
});
