// Files at a git commit, read through one long-lived `git cat-file --batch`
// per repository. Arguments go to git as an array: nothing passes a shell.
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { type CommitLookup, commitLookup } from './commits.js';
import { type Tree, isSafeRelativePath, versionOf, withoutTrailingSlashes } from './tree.js';

const run = promisify(execFile);

export async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 1 << 30, encoding: 'utf8' });
  return stdout;
}

interface GitObject {
  type: string;
  content: Buffer;
}

/** Serves `<rev>:<path>` lookups in order from one cat-file process. */
export class GitObjects {
  private child?: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private readonly waiting: Array<(object: GitObject | undefined) => void> = [];

  constructor(readonly cwd: string) {}

  /** Blob contents; undefined for a missing object or one that is not a blob. */
  async read(spec: string): Promise<Buffer | undefined> {
    const object = await this.lookup(spec);
    return object?.type === 'blob' ? object.content : undefined;
  }

  /** `blob`, `tree`, `commit`...; undefined when missing. */
  async typeOf(spec: string): Promise<string | undefined> {
    return (await this.lookup(spec))?.type;
  }

  private lookup(spec: string): Promise<GitObject | undefined> {
    if (spec.includes('\n')) return Promise.resolve(undefined);
    const child = this.start();
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      child.stdin.write(spec + '\n');
    });
  }

  /** Ends the cat-file process; callers must close what they open. */
  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    child.on('error', () => this.failAll());
    child.on('exit', () => this.failAll());
    this.child = child;
    return child;
  }

  private drain(): void {
    for (;;) {
      const nl = this.buffer.indexOf(0x0a);
      if (nl < 0 || !this.waiting.length) return;
      const header = this.buffer.subarray(0, nl).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(nl + 1);
        this.waiting.shift()!(undefined);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (this.buffer.length < nl + 1 + size + 1) return;
      const content = Buffer.from(this.buffer.subarray(nl + 1, nl + 1 + size));
      const type = header.split(' ')[1] ?? '';
      this.buffer = this.buffer.subarray(nl + 1 + size + 1);
      this.waiting.shift()!({ type, content });
    }
  }

  private failAll(): void {
    this.child = undefined;
    for (const resolve of this.waiting.splice(0)) resolve(undefined);
  }
}

export class GitTree implements Tree {
  readonly description: string;
  private readonly cache = new Map<string, Promise<string | undefined>>();
  readonly commit: (sha: string) => Promise<CommitLookup>;

  constructor(
    private readonly objects: GitObjects,
    private readonly rev: string,
  ) {
    this.description = `git ${rev.slice(0, 12)}`;
    this.commit = commitLookup(objects.cwd, rev);
  }

  read(path: string): Promise<string | undefined> {
    if (!isSafeRelativePath(path)) return Promise.resolve(undefined);
    let pending = this.cache.get(path);
    if (!pending) {
      pending = this.objects.read(`${this.rev}:${path}`).then((b) => b?.toString('utf8'));
      this.cache.set(path, pending);
    }
    return pending;
  }

  version(): Promise<string | undefined> {
    return versionOf(this);
  }

  async isDirectory(path: string): Promise<boolean> {
    const dir = withoutTrailingSlashes(path);
    if (!isSafeRelativePath(dir)) return false;
    return (await this.objects.typeOf(`${this.rev}:${dir}`)) === 'tree';
  }
}
