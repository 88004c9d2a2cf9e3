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
// import ... from '...', export ... from "...", import('...'): either quote.
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*(['"])([^'"]+)\1/g)].map((m) => m[2]!);

describe('module boundaries', () => {
  it('has sources to check, and sees every form of import', () => {
    expect(outsideApp.length).toBeGreaterThan(10);
    expect(importsOf(join(ROOT, 'src/cli/check.ts'))).toContain('../report/json.js'); // a dynamic import()
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
