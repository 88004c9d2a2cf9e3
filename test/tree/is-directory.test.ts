// Tree.isDirectory: what get_maintainer.pl's `-d $pattern` needs, from every
// kind of tree.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchFromMail } from '../../src/patch/from-mail.js';
import { parseMail } from '../../src/mail/parse.js';
import { GitObjects, GitTree } from '../../src/tree/git.js';
import { PatchedSeries } from '../../src/tree/patched.js';
import { DirectoryTree, MemoryTree } from '../../src/tree/tree.js';
import { fileDiff, mail } from '../helpers/mail.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'patchlint-isdir-'));
  mkdirSync(join(dir, 'hw/net'), { recursive: true });
  writeFileSync(join(dir, 'hw/net/tap.c'), 'int x;\n');
  writeFileSync(join(dir, 'MAINTAINERS'), 'x\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('DirectoryTree.isDirectory', () => {
  it('knows directories, files and absent paths', async () => {
    const tree = new DirectoryTree(dir);
    expect(await tree.isDirectory('hw')).toBe(true);
    expect(await tree.isDirectory('hw/net/')).toBe(true);
    expect(await tree.isDirectory('hw/net/tap.c')).toBe(false);
    expect(await tree.isDirectory('hw/usb')).toBe(false);
  });
  it('never looks outside the tree', async () => {
    const tree = new DirectoryTree(join(dir, 'hw'));
    expect(await tree.isDirectory('../hw')).toBe(false);
    expect(await tree.isDirectory('/tmp')).toBe(false);
  });
});

describe('MemoryTree.isDirectory', () => {
  it('treats every prefix of a held path as a directory', async () => {
    const tree = new MemoryTree({ 'hw/net/tap.c': '', 'VERSION': '10.1.50\n' });
    expect(await tree.isDirectory('hw')).toBe(true);
    expect(await tree.isDirectory('hw/net')).toBe(true);
    expect(await tree.isDirectory('hw/ne')).toBe(false);
    expect(await tree.isDirectory('VERSION')).toBe(false);
  });
});

describe('GitTree.isDirectory', () => {
  it('asks git for the object type at the revision', async () => {
    execFileSync('git', ['init', '-q', dir]);
    execFileSync('git', ['-C', dir, 'add', '.']);
    execFileSync('git', ['-C', dir, '-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qm', 'x']);
    const objects = new GitObjects(dir);
    try {
      const tree = new GitTree(objects, 'HEAD');
      expect(await tree.isDirectory('hw/net')).toBe(true);
      expect(await tree.isDirectory('hw/net/')).toBe(true);
      expect(await tree.isDirectory('hw/net/tap.c')).toBe(false);
      expect(await tree.isDirectory('nothing')).toBe(false);
      expect(await tree.read('hw/net/tap.c')).toBe('int x;\n');
    } finally {
      objects.close();
    }
  });
});

describe('PatchedSeries trees', () => {
  it('add the directories a patch creates files in, and ask the base for the rest', async () => {
    const text = mail({ diff: fileDiff('hw/misc/foo/bar.c', 0, ['+int y;'], { newFile: true }) });
    const patch = patchFromMail(await parseMail(Buffer.from(text)), { input: 't', line: 1 })!;
    const patched = new PatchedSeries(new MemoryTree({ 'hw/net/tap.c': '' }), [patch]);
    expect(await patched.at(0).isDirectory!('hw/misc/foo')).toBe(false);
    expect(await patched.at(1).isDirectory!('hw/misc/foo')).toBe(true);
    expect(await patched.at(1).isDirectory!('hw/misc')).toBe(true);
    expect(await patched.at(1).isDirectory!('hw/net')).toBe(true);
  });
  it('cannot tell when the base cannot', async () => {
    const patched = new PatchedSeries({ read: async () => undefined, version: async () => undefined, description: 'x' }, []);
    expect(await patched.at(0).isDirectory!('hw')).toBeUndefined();
  });
});
