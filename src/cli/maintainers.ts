// `patchlint maintainers <paths...>`: who to Cc for files, printed the way
// `scripts/get_maintainer.pl -f <paths>` prints it, from the same code the
// maintainers/ rules use.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadMaintainers, maintainersOfPaths } from '../maintainers/lookup.js';
import { formatRecipient } from '../maintainers/recipients.js';
import { printable } from '../report/printable.js';
import { DirectoryTree } from '../tree/tree.js';
import type { Io } from './main.js';
import { UsageError, parse } from './options.js';

export async function maintainers(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { tree: { type: 'string' } });
  const root = values.tree ?? io.cwd;
  if (!positionals.length) throw new UsageError('maintainers: give the paths to look up (relative to the tree)');
  if (!(await stat(root).catch(() => undefined))?.isDirectory()) throw new UsageError(`--tree ${root}: not a directory`);
  const tree = new DirectoryTree(root);
  const compiled = await loadMaintainers(tree);
  if (!compiled) {
    io.stderr(`patchlint: ${join(root, 'MAINTAINERS')}: cannot read it (use --tree DIR for a QEMU checkout)\n`);
    return 2;
  }
  const paths = positionals.map((p) => p.replace(/^\.\//, ''));
  const result = await maintainersOfPaths(tree, compiled, paths);
  for (const recipient of result.recipients) io.stdout(printable(formatRecipient(recipient)) + '\n');
  // get_maintainer.pl would fall back to recent git signers here.
  for (const file of result.files) if (!file.exact) io.stderr(`note: no maintained section covers ${file.file} exactly (get_maintainer.pl would add recent git signers)\n`);
  return 0;
}
