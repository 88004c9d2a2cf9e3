// A small QEMU-like git checkout whose VERSION moved on after the commit a
// series was written on, and a QAPI patch whose `Since:` is right at that
// commit (10.1.50: 10.2 is in development) and wrong at HEAD (10.2.50:
// 11.0 is), so that its findings say which tree it was checked against.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SCHEMA = `# -*- Mode: Python -*-
# vim: filetype=python
#

##
# = Miscellanea
##

##
# @NameInfo:
#
# Guest name information.
#
# @name: The name of the guest
#
# Since: 0.14
##
{ 'struct': 'NameInfo', 'data': {'*name': 'str'} }
`;

/** Creates the checkout in `dir`; returns the older commit (VERSION 10.1.50) and HEAD (10.2.50). */
export function makeMovedCheckout(dir: string): { base: string; head: string } {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Q', '-c', 'user.email=q@example.org', ...args], { cwd: dir, encoding: 'utf8' }).trim();
  mkdirSync(join(dir, 'qapi'), { recursive: true });
  git('init', '-q');
  writeFileSync(join(dir, 'qapi/misc.json'), SCHEMA);
  writeFileSync(join(dir, 'VERSION'), '10.1.50\n');
  git('add', '-A');
  git('commit', '-qm', 'base');
  const base = git('rev-parse', 'HEAD');
  writeFileSync(join(dir, 'VERSION'), '10.2.50\n');
  git('commit', '-qam', 'Update version for the 10.2 release cycle');
  return { base, head: git('rev-parse', 'HEAD') };
}

/** The body of a lone patch adding a struct "Since: 10.2", with git format-patch --base's line when `base` is given. */
export function sincePatchBody(name: string, base?: string): string {
  return [
    'Management wants the guest clock without a guest agent round trip.',
    '',
    'Signed-off-by: Ann Author <ann@example.com>',
    '---',
    ' qapi/misc.json | 11 +++++++++++',
    ' 1 file changed, 11 insertions(+)',
    '',
    'diff --git a/qapi/misc.json b/qapi/misc.json',
    'index 1111111..2222222 100644',
    '--- a/qapi/misc.json',
    '+++ b/qapi/misc.json',
    '@@ -17,3 +17,14 @@',
    ' # Since: 0.14',
    ' ##',
    " { 'struct': 'NameInfo', 'data': {'*name': 'str'} }",
    '+',
    '+##',
    `+# @${name}:`,
    '+#',
    '+# The guest clock.',
    '+#',
    '+# @seconds: Seconds since the epoch.',
    '+#',
    '+# Since: 10.2',
    '+##',
    `+{ 'struct': '${name}', 'data': {'seconds': 'int'} }`,
    '',
    ...(base ? [`base-commit: ${base}`] : []),
    '-- ',
    '2.43.0',
    '',
  ].join('\n');
}
