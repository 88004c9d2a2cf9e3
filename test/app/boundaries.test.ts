// The CLI starts once per mail in the send-email hook: Probot and Octokit
// stay inside src/app/, which nothing else imports.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const outsideApp = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'rules'))].filter((f) => !f.startsWith(join(ROOT, 'src/app') + '/'));
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);

describe('module boundaries', () => {
  it('has sources to check', () => {
    expect(outsideApp.length).toBeGreaterThan(10);
  });
  it('imports Probot and Octokit only under src/app/, and src/app/ from nowhere else', () => {
    const offending = outsideApp.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec === 'probot' || spec.startsWith('@octokit/') || spec.includes('/app/'))
        .map((spec) => `${relative(ROOT, file)}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
