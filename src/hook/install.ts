// `patchlint install-hook [--force] [--uninstall]`: writes, refreshes or
// removes the sendemail-validate hook in the folder git looks in
// (`git rev-parse --git-path hooks`: core.hooksPath when set, else the common
// git dir's hooks, also from a linked worktree). It never sets
// core.hooksPath. A hook that is already there keeps working: it is moved to
// `sendemail-validate.pre-patchlint` and run first; --uninstall puts it back.
import { existsSync, realpathSync } from 'node:fs';
import { chmod, lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { git } from '../tree/git.js';
import { openRepo } from './repo.js';
import { CHAINED_SUFFIX, HOOK_NAME, chainedHookOf, hookScript, isPatchlintHook } from './script.js';
import { SPOOL_DIR } from './spool.js';

export class HookInstallError extends Error {}

export interface InstallOptions {
  cwd: string;
  /** Replace an existing hook instead of chaining it (it is kept, and --uninstall restores it). */
  force?: boolean;
  /** The hook also runs the checkout's scripts/checkpatch.pl. */
  checkpatch?: boolean;
  /** Absolute paths the hook calls; default: this node and this package's bin/patchlint.js. */
  node?: string;
  cli?: string;
}

/** This package's bin/patchlint.js, found from this module (src/hook/ or the dist/ bundle). */
export function defaultCliPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'bin', 'patchlint.js');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return realpathSync(candidate);
    const parent = dirname(dir);
    if (parent === dir) throw new HookInstallError(`cannot find bin/patchlint.js above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** The folder git runs hooks from, absolute; and core.hooksPath when it is set. */
export async function hooksFolder(cwd: string): Promise<{ dir: string; hooksPath?: string }> {
  let dir: string;
  try {
    dir = resolve(cwd, (await git(cwd, ['rev-parse', '--git-path', 'hooks'])).trim());
  } catch {
    throw new HookInstallError(`${cwd}: not in a git repository`);
  }
  const hooksPath = await git(cwd, ['config', '--get', 'core.hooksPath']).then((s) => s.trim() || undefined, () => undefined);
  return { dir, hooksPath };
}

async function kindOf(path: string): Promise<'none' | 'file' | 'other'> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return 'none';
  return info.isFile() || info.isSymbolicLink() ? 'file' : 'other';
}

async function writeExecutable(path: string, text: string): Promise<void> {
  const temporary = `${path}.patchlint-new`;
  await writeFile(temporary, text, { mode: 0o755 });
  await chmod(temporary, 0o755);
  await rename(temporary, path);
}

/** Installs or refreshes the hook; returns what it did, one line each. */
export async function installHook(options: InstallOptions): Promise<string[]> {
  const { dir, hooksPath } = await hooksFolder(options.cwd);
  const hook = join(dir, HOOK_NAME);
  const saved = hook + CHAINED_SUFFIX;
  const paths = { node: options.node ?? process.execPath, cli: options.cli ?? defaultCliPath(), checkpatch: options.checkpatch };
  const done: string[] = [];
  await mkdir(dir, { recursive: true });

  const kind = await kindOf(hook);
  if (kind === 'other') throw new HookInstallError(`${hook} is not a file; move it away first`);
  const current = kind === 'file' ? await readFile(hook, 'utf8').catch(() => '') : undefined;

  if (current !== undefined && isPatchlintHook(current)) {
    // Ours already: refresh the paths, chaining what it chained (unless --force).
    const chained = !options.force && chainedHookOf(current) === saved && (await kindOf(saved)) === 'file' ? saved : undefined;
    const text = hookScript({ ...paths, chained });
    if (text === current) done.push(`already installed: ${hook}`);
    else {
      await writeExecutable(hook, text);
      done.push(`updated ${hook}`);
    }
  } else if (current !== undefined) {
    if ((await kindOf(saved)) !== 'none') throw new HookInstallError(`${hook} exists and so does ${saved}: move one of them away first`);
    await rename(hook, saved);
    await writeExecutable(hook, hookScript({ ...paths, chained: options.force ? undefined : saved }));
    done.push(
      options.force
        ? `installed ${hook}; the hook that was there is kept as ${saved} but no longer runs (--uninstall puts it back)`
        : `installed ${hook}; the hook that was there still runs first (now ${saved}), and both must pass`,
    );
  } else {
    await writeExecutable(hook, hookScript(paths));
    done.push(`installed ${hook}`);
  }
  if (hooksPath) done.push(`note: core.hooksPath is ${hooksPath}: every repository that uses it gets this hook`);
  done.push('git send-email now checks each mail with patchlint before sending; to skip that once: git send-email --no-validate');
  return done;
}

/** Removes the hook and puts back the one it replaced; returns what it did. */
export async function uninstallHook(cwd: string): Promise<string[]> {
  const { dir } = await hooksFolder(cwd);
  const hook = join(dir, HOOK_NAME);
  const saved = hook + CHAINED_SUFFIX;
  const kind = await kindOf(hook);
  const current = kind === 'file' ? await readFile(hook, 'utf8').catch(() => '') : undefined;
  if (current === undefined || !isPatchlintHook(current)) {
    return [current === undefined && kind === 'none' ? `no ${HOOK_NAME} hook in ${dir}: nothing to remove` : `${hook} is not patchlint's hook: left as it is`];
  }
  await rm(hook);
  const done = [`removed ${hook}`];
  if ((await kindOf(saved)) !== 'none') {
    await rename(saved, hook);
    done.push(`put back the hook that was there before: ${hook}`);
  }
  // The spool of unfinished sends in this work tree's git dir goes too.
  const repo = await openRepo(cwd).catch(() => undefined);
  if (repo) await rm(join(repo.gitDir, SPOOL_DIR), { recursive: true, force: true });
  return done;
}
