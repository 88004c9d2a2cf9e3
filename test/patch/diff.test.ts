import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMail } from '../../src/mail/parse.js';
import { DiffError, parsePatchDiff, unquoteGitPath } from '../../src/patch/diff.js';
import { patchFromMail } from '../../src/patch/from-mail.js';

async function patchOf(name: string) {
  const text = readFileSync(resolve(import.meta.dirname, '../../fixtures/ingest', name));
  const body = text.subarray(text.indexOf('\n') + 1);
  return patchFromMail(await parseMail(body, text.subarray(0, text.indexOf('\n')).toString()), { input: name, line: 1 })!;
}

describe('git extended headers', async () => {
  const patch = await patchOf('diff-features.patch');
  const byPath = new Map(patch.files.map((f) => [f.path, f]));

  it('finds every file in order', () => {
    expect(patch.files.map((f) => [f.status, f.oldPath, f.path])).toEqual([
      ['renamed', 'docs/devel/compatibility.rst', 'docs/devel/migration/compatibility.rst'],
      ['copied', 'docs/devel/migration/main.rst', 'docs/devel/migration/features.rst'],
      ['added', 'docs/devel/café example.rst', 'docs/devel/café example.rst'],
      ['modified', 'tests/data/acpi/virt/FACP', 'tests/data/acpi/virt/FACP'],
      ['modified', 'docs/devel/index.rst', 'docs/devel/index.rst'],
    ]);
  });

  it('records similarity and binary patches', () => {
    expect(byPath.get('docs/devel/migration/compatibility.rst')!.similarity).toBe(100);
    expect(byPath.get('tests/data/acpi/virt/FACP')!.binary).toBe(true);
    expect(byPath.get('docs/devel/index.rst')!.binary).toBe(false);
  });

  it('decodes quoted paths and drops the no-newline marker', () => {
    const file = byPath.get('docs/devel/café example.rst')!;
    expect(file.added.map((l) => [l.line, l.text])).toEqual([
      [1, 'Café'],
      [2, '-- the dashes of a removed-looking line'],
    ]);
  });

  it('keeps counting through removed lines that look like headers and mangled blank context', () => {
    const file = byPath.get('docs/devel/index.rst')!;
    expect([...file.lines.values()].map((l) => [l.line, l.added, l.text])).toEqual([
      [10, false, '   testing'],
      [11, true, '   migration/compatibility'],
      [12, false, ''],
      [13, false, '   tracing'],
    ]);
    expect(file.removed.map((l) => [l.line, l.text])).toEqual([
      [11, '   compatibility'],
      [12, '-- an old heading line that starts with three dashes'],
    ]);
  });

  it('gives the patch-text line of each diff line', () => {
    const file = byPath.get('docs/devel/index.rst')!;
    const text = readFileSync(resolve(import.meta.dirname, '../../fixtures/ingest/diff-features.patch'), 'utf8').split('\n');
    // patch-text lines are the file's lines (1-based), the format-patch separator being line 1.
    for (const line of file.lines.values()) expect(text[line.patchLine - 1]).toBe((line.added ? '+' : line.text === '' ? '' : ' ') + line.text);
  });

  it('stops at the signature after the last hunk', () => {
    expect(patch.files.at(-1)!.lines.size).toBe(4);
  });
});

describe('parsePatchDiff', () => {
  it('maps every added and context line to its post-patch line', () => {
    const [file] = parsePatchDiff(['--- a/x.c', '+++ b/x.c', '@@ -10,3 +10,4 @@ f()', ' a', '-b', '+B', '+C', ' d'], 1);
    expect([...file!.lines.values()].map((l) => [l.line, l.text, l.added])).toEqual([
      [10, 'a', false],
      [11, 'B', true],
      [12, 'C', true],
      [13, 'd', false],
    ]);
    expect(file!.status).toBe('modified');
  });

  it('marks lines that ended in CR', () => {
    const [file] = parsePatchDiff(['--- a/x.c', '+++ b/x.c', '@@ -1 +1 @@', '-a', '+a\r'], 1);
    expect(file!.added[0]).toMatchObject({ text: 'a', cr: true });
  });

  it('reports a hunk cut short, with the line', () => {
    expect(() => parsePatchDiff(['diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1,3 +1,3 @@', ' a'], 20)).toThrow(DiffError);
    try {
      parsePatchDiff(['diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1,3 +1,3 @@', ' a'], 20);
    } catch (error) {
      expect((error as DiffError).patchLine).toBe(24);
      expect((error as DiffError).message).toMatch(/^patch ends inside the hunk @@ -1,3 \+1,3 @@/);
    }
  });

  it('reads deletions and plain (non-git) diffs', () => {
    const files = parsePatchDiff(['--- a/old.c', '+++ /dev/null', '@@ -1 +0,0 @@', '-gone', '--- a/y.c', '+++ b/y.c', '@@ -1 +1 @@', '-x', '+y'], 1);
    expect(files.map((f) => [f.status, f.path])).toEqual([
      ['deleted', 'old.c'],
      ['modified', 'y.c'],
    ]);
  });
});

describe('unquoteGitPath', () => {
  it.each([
    ['"a/caf\\303\\251.c"', 'a/café.c'],
    ['"a/tab\\there"', 'a/tab\there'],
    ['"a/quote\\"d"', 'a/quote"d'],
    ['a/plain.c', 'a/plain.c'],
  ])('%s', (raw, decoded) => expect(unquoteGitPath(raw)).toBe(decoded));
});

describe('corrupt hunks', () => {
  it('refuses diff lines past the count of their hunk header, instead of dropping them', () => {
    const lines = ['diff --git a/n.c b/n.c', 'new file mode 100644', '--- /dev/null', '+++ b/n.c', '@@ -0,0 +1,2 @@', '+one', '+two', '+three', '+// SPDX-License-Identifier: GPL-2.0-or-later'];
    expect(() => parsePatchDiff(lines, 1)).toThrow('a diff line outside any hunk: the hunk @@ -0,0 +1,2 @@ above counts fewer lines than follow it (corrupt patch)');
  });

  it('still stops quietly at the signature and what follows it', () => {
    const lines = ['--- a/x', '+++ b/x', '@@ -1 +1 @@', '-a', '+b', '-- ', '2.48.1', ' Jane Doe, indented signature line'];
    expect(parsePatchDiff(lines, 1)[0]!.added.map((l) => l.text)).toEqual(['b']);
  });
});
