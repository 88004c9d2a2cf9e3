// Read access to the files a patch applies to (DESIGN.md "Tree access").
import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { CommitLookup } from './commits.js';

export interface Tree {
  /** File contents, or undefined when the file is absent or unknown. */
  read(path: string): Promise<string | undefined>;
  /** The VERSION file's first line. */
  version(): Promise<string | undefined>;
  /**
   * Whether `path` names a directory; undefined when the tree cannot tell.
   * get_maintainer.pl needs it: a MAINTAINERS pattern naming a directory
   * covers everything below it.
   */
  isDirectory?(path: string): Promise<boolean | undefined>;
  /**
   * The commit a (short) SHA names, for a `Fixes:` tag; only trees backed by
   * a git repository have it (a checkout, a commit): absent, rules stay silent.
   */
  commit?(sha: string): Promise<CommitLookup>;
  /** What this tree is, for notes: "none", "directory ../qemu", "git 1a2b3c4". */
  readonly description: string;
}

export const NO_TREE: Tree = {
  read: async () => undefined,
  version: async () => undefined,
  description: 'none',
};

export async function versionOf(tree: Pick<Tree, 'read'>): Promise<string | undefined> {
  const text = await tree.read('VERSION');
  return text?.split('\n')[0]?.trim() || undefined;
}

/** `dir/` and `dir//` as `dir`: how a directory is named in a tree. */
export function withoutTrailingSlashes(path: string): string {
  return path.replace(/(?<!\/)\/+$/, '');
}

/** True for repository-relative paths that stay inside the tree. */
export function isSafeRelativePath(path: string): boolean {
  if (!path || path.startsWith('/') || path.includes('\0')) return false;
  return !path.split('/').some((part) => part === '..');
}

/** A checkout or any directory laid out like one; may be partial. */
export class DirectoryTree implements Tree {
  readonly description: string;
  private readonly root: string;
  private readonly cache = new Map<string, Promise<string | undefined>>();
  readonly commit?: (sha: string) => Promise<CommitLookup>;

  /** `commit`: lookups in the repository when the directory is a git checkout (commitLookup(root, 'HEAD')). */
  constructor(root: string, commit?: (sha: string) => Promise<CommitLookup>) {
    this.root = resolve(root);
    this.description = `directory ${root}`;
    if (commit) this.commit = commit;
  }

  read(path: string): Promise<string | undefined> {
    let pending = this.cache.get(path);
    if (!pending) {
      pending = this.load(path);
      this.cache.set(path, pending);
    }
    return pending;
  }

  private async load(path: string): Promise<string | undefined> {
    // Paths come from patches: never read outside the tree.
    if (!isSafeRelativePath(path)) return undefined;
    const full = resolve(this.root, path);
    if (!full.startsWith(this.root + sep)) return undefined;
    try {
      if (!(await stat(full)).isFile()) return undefined;
      return await readFile(full, 'utf8');
    } catch {
      return undefined;
    }
  }

  version(): Promise<string | undefined> {
    return versionOf(this);
  }

  async isDirectory(path: string): Promise<boolean> {
    if (!isSafeRelativePath(path)) return false;
    const full = resolve(this.root, path);
    if (full !== this.root && !full.startsWith(this.root + sep)) return false;
    return (await stat(full).catch(() => undefined))?.isDirectory() ?? false;
  }
}

/** Files held in memory: tests, and trees assembled from an API. */
export class MemoryTree implements Tree {
  readonly description: string;

  constructor(
    private readonly files: Readonly<Record<string, string>>,
    description = 'memory',
  ) {
    this.description = description;
  }

  async read(path: string): Promise<string | undefined> {
    return Object.hasOwn(this.files, path) ? this.files[path] : undefined;
  }

  version(): Promise<string | undefined> {
    return versionOf(this);
  }

  /** A directory is any prefix of a held path. */
  async isDirectory(path: string): Promise<boolean> {
    const prefix = withoutTrailingSlashes(path) + '/';
    return Object.keys(this.files).some((file) => file.startsWith(prefix));
  }
}
