// markdownlint's way: every fixture under fixtures/rules and fixtures/examples
// carries its expected findings in its own headers, and this one test runs
// them all with every rule. A new fixture needs no new test code.
//
//   X-Patchlint-Expect: <rule> [<path>:<line>[-<end>] | :<message line>]
//   X-Patchlint-Args: --qemu-version 10.2 --tree <dir relative to the fixture>
//
// A fixture with no X-Patchlint-Expect header must produce no finding at all.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../rules/index.js';
import { lintInputs } from '../src/cli/check.js';
import type { Finding } from '../src/engine/types.js';
import { DirectoryTree } from '../src/tree/tree.js';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE_DIRS = ['fixtures/rules', 'fixtures/examples'].map((d) => join(ROOT, d));

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'tree' || name.endsWith('.tree') ? [] : walk(path);
    return /\.(patch|eml|mbox)$/.test(name) ? [path] : [];
  });
}

/** Expectations per Message-ID (or subject when there is none), from the fixture's own headers. */
function expectations(text: string): { expected: string[]; args: string[] } {
  const expected: string[] = [];
  const args: string[] = [];
  for (const message of text.split(/^From \S+ +\w{3} \w{3} +\d+ [\d:]+ \d{4}$/m)) {
    const head = message.split(/\n\n/, 1)[0] ?? '';
    const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '';
    for (const m of head.matchAll(/^X-Patchlint-Expect:\s*(.+)$/gim)) expected.push(`${id} ${m[1]!.trim()}`);
    for (const m of head.matchAll(/^X-Patchlint-Args:\s*(.+)$/gim)) args.push(...m[1]!.trim().split(/\s+/));
  }
  return { expected: expected.sort(), args };
}

function keyOf(f: Finding, messageId: string): string {
  const where = f.file ? ` ${f.file}:${f.line}${f.endLine ? `-${f.endLine}` : ''}` : f.line ? ` :${f.line}` : '';
  return `${messageId} ${f.rule}${where}`;
}

const fixtures = FIXTURE_DIRS.flatMap(walk);

describe('fixtures carry their expected findings', () => {
  it('there are fixtures to run', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });
  for (const fixture of fixtures) {
    it(relative(ROOT, fixture), async () => {
      const text = readFileSync(fixture, 'utf8');
      const { expected, args } = expectations(text);
      const option = (name: string) => {
        const i = args.indexOf(name);
        return i >= 0 ? args[i + 1] : undefined;
      };
      const treeDir = option('--tree');
      const report = await lintInputs([fixture], {
        rules: ALL_RULES,
        qemuVersion: option('--qemu-version'),
        tree: treeDir ? new DirectoryTree(resolve(dirname(fixture), treeDir)) : undefined,
      });
      expect(report.errors).toEqual([]);
      const actual = report.findings
        .map((f) => {
          const patch = report.series[f.series]!.patches.find((p) => p.index === f.patch);
          return keyOf(f, patch?.messageId ?? '');
        })
        .sort();
      expect(actual).toEqual(expected);
    });
  }
});
