// Every doc in the repository stands on its own: it names no path outside
// the repository (the design notes and corpus this project was built from
// are not shipped), and its links point at files that exist.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const docs = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && existsSync(join(ROOT, f)));

// What only the people who built this project had at hand.
const OUTSIDE = [
  { re: /\.\.\/[\w.-]/, why: 'a path above the repository' },
  { re: /(?:^|[\s`(])\/(?:work|home|tmp)\//, why: 'an absolute path on some machine' },
  { re: /\b(?:RULES|DESIGN|STYLE)\.md\b/, why: 'a design note that is not in the repository' },
  { re: /\bthe seed(?: patch|'s)?\b/i, why: 'a patch only the authors know as "the seed"' },
];

describe('docs stand alone', () => {
  it('finds the docs', () => {
    expect(docs).toEqual(expect.arrayContaining(['README.md', 'docs/DEVELOPING.md', 'rules/commit/sob-missing.md']));
  });

  it.each(docs)('%s names nothing outside the repository', (doc) => {
    const lines = readFileSync(join(ROOT, doc), 'utf8').split('\n');
    const problems = lines.flatMap((line, i) => OUTSIDE.filter(({ re }) => re.test(line)).map(({ why }) => `${doc}:${i + 1}: ${why}: ${line.trim()}`));
    expect(problems).toEqual([]);
  });

  it.each(docs)('%s links only to files that exist', (doc) => {
    const text = readFileSync(join(ROOT, doc), 'utf8');
    const targets = [...text.matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)/g)].map((m) => m[1]!);
    for (const target of targets) expect(existsSync(resolve(dirname(join(ROOT, doc)), target)), `${doc} links ${target}`).toBe(true);
  });
});
