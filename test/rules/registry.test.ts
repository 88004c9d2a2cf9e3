// Every rule file is registered, documented, tested, and follows the shape.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FAMILIES = readdirSync(join(ROOT, 'rules'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const RULE_FILES = FAMILIES.flatMap((family) =>
  readdirSync(join(ROOT, 'rules', family))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${family}/${f.replace(/\.ts$/, '')}`),
);

describe('rule registry', () => {
  it('lists every rules/<family>/<name>.ts exactly once, under its own id', () => {
    expect(ALL_RULES.map((r) => r.meta.id).sort()).toEqual([...RULE_FILES].sort());
  });

  for (const rule of ALL_RULES) {
    describe(rule.meta.id, () => {
      it('has a doc with what, why, bad and good', () => {
        const doc = join(ROOT, 'rules', `${rule.meta.id}.md`);
        expect(existsSync(doc), `${doc} is missing`).toBe(true);
        const text = readFileSync(doc, 'utf8');
        expect(text.startsWith(`# ${rule.meta.id}`)).toBe(true);
        for (const section of ['## What', '## Why', '## Bad', '## Good']) expect(text, `${section} in ${doc}`).toContain(section);
      });
      it('has a test file', () => {
        expect(existsSync(join(ROOT, 'test/rules', `${rule.meta.id}.test.ts`))).toBe(true);
      });
      it('has complete metadata', () => {
        expect(['error', 'warning', 'info']).toContain(rule.meta.severity);
        expect(['patch', 'series']).toContain(rule.meta.scope);
        expect(['diff', 'files', 'tree']).toContain(rule.meta.needs);
        expect(rule.meta.description.length).toBeGreaterThan(10);
      });
    });
  }
});
