// A small git repository laid out like a QEMU tree (VERSION, a QAPI schema,
// migration/options.[ch], MAINTAINERS), written for the hook tests under the
// system's temporary folder. git runs isolated from the user's own settings.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** git without the user's or the system's configuration. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_EDITOR: 'true',
  NO_COLOR: '1',
};
delete GIT_ENV.GIT_DIR;
delete GIT_ENV.GIT_WORK_TREE;
delete GIT_ENV.PATCHLINT_HOOK;
delete GIT_ENV.GIT_SENDEMAIL_FILE_COUNTER;
delete GIT_ENV.GIT_SENDEMAIL_FILE_TOTAL;

export const AUTHOR = 'Jane Doe <jane@example.org>';
export const MIGRATION_MAINTAINER = 'Mia Grant <mia.grant@example.org>';
export const MIGRATION_REVIEWER = 'Rui Vale <rui.vale@example.org>';

export const QEMU_FILES: Record<string, string> = {
  VERSION: '10.1.50\n',
  MAINTAINERS: `QEMU Maintainers
================

The intention of this file is not to establish who owns what portions of the
code base, but to provide a set of names that developers can consult when they
have a question about a particular subset and also to provide a set of names
to be CC'd when submitting a patch to obtain appropriate review.

Descriptions of section entries:

	M: Mail patches to: FullName <address@domain>
	R: Designated reviewer: FullName <address@domain>
	L: Mailing list that is relevant to this area
	S: Status, one of the following:
	F: Files and directories with wildcard patterns.

General Project Administration
------------------------------
All patches CC here
L: qemu-devel@nongnu.org
F: *
F: */

Migration
---------
Migration
M: ${MIGRATION_MAINTAINER}
R: ${MIGRATION_REVIEWER}
S: Maintained
F: migration/
F: qapi/migration.json

QAPI Schema
M: Quinn Api <quinn.api@example.org>
S: Supported
F: qapi/*.json
`,
  'qapi/migration.json': `# -*- Mode: Python -*-
# vim: filetype=python
#
# This work is licensed under the terms of the GNU GPL, version 2 or later.
# See the COPYING file in the top-level directory.

##
# = Migration
##

##
# @MigrationCapability:
#
# Migration capabilities enumeration
#
# @xbzrle: Migration supports xbzrle (Xor Based Zero Run Length).
#     This feature allows us to minimize migration traffic for certain
#     work loads, by sending compressed difference of the pages
#
# @mapped-ram: Migrate using fixed offsets in the migration file for
#     each RAM page.  Requires a migration URI that supports seeking,
#     such as a file.  (since 9.0)
#
# Since: 1.2
##
{ 'enum': 'MigrationCapability',
  'data': ['xbzrle', 'mapped-ram'] }
`,
  'migration/options.h': `/*
 * QEMU migration capabilities
 *
 * This work is licensed under the terms of the GNU GPL, version 2 or later.
 * See the COPYING file in the top-level directory.
 */

#ifndef QEMU_MIGRATION_OPTIONS_H
#define QEMU_MIGRATION_OPTIONS_H

/* capabilities */

bool migrate_mapped_ram(void);
bool migrate_xbzrle(void);

#endif
`,
  'migration/options.c': `/*
 * QEMU migration capabilities
 *
 * This work is licensed under the terms of the GNU GPL, version 2 or later.
 * See the COPYING file in the top-level directory.
 */

#include "qemu/osdep.h"
#include "migration.h"
#include "options.h"

/* capabilities */

bool migrate_mapped_ram(void)
{
    MigrationState *s = migrate_get_current();

    return s->capabilities[MIGRATION_CAPABILITY_MAPPED_RAM];
}

bool migrate_xbzrle(void)
{
    MigrationState *s = migrate_get_current();

    return s->capabilities[MIGRATION_CAPABILITY_XBZRLE];
}
`,
};

export interface QemuRepo {
  dir: string;
  git(...args: string[]): string;
  write(path: string, text: string): void;
  read(path: string): string;
  /** Commits everything with a message (subject, blank line, body); returns the sha. */
  commit(message: string): string;
  remove(): void;
}

export function makeQemuRepo(prefix = 'patchlint-hook-'): QemuRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  git('init', '-q', '-b', 'master');
  git('config', 'user.name', 'Jane Doe');
  git('config', 'user.email', 'jane@example.org');
  for (const [path, text] of Object.entries(QEMU_FILES)) write(path, text);
  const repo: QemuRepo = {
    dir,
    git,
    write,
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    commit(message) {
      git('add', '-A');
      execFileSync('git', ['commit', '-q', '-F', '-'], { cwd: dir, env: GIT_ENV, input: message });
      return git('rev-parse', 'HEAD').trim();
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  repo.commit('Initial import\n\nA slice of the QEMU tree for the hook tests.\n');
  return repo;
}

/** A commit message with the author's sign-off. */
export function signed(subject: string, body: string): string {
  return `${subject}\n\n${body}\n\nSigned-off-by: ${AUTHOR}\n`;
}

/** Makes the git that code under test starts in this process ignore the user's settings too. */
export function isolateGit(): void {
  process.env.GIT_CONFIG_GLOBAL = '/dev/null';
  process.env.GIT_CONFIG_NOSYSTEM = '1';
}
