// `patchlint schema`: the doc rules over whole schema files.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readFileSync } from 'node:fs';
import { parseSchema } from '../../src/qapi/parser.js';
import { QEMU_TREE, describeShared } from '../helpers/corpus.js';
import { QAPI_SCHEMA_REVIEWED } from '../corpus/qapi.reviewed.js';

async function run(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await main(['schema', ...args], {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    stdin: Readable.from([]),
    isTTY: false,
    env: {},
    cwd: process.cwd(),
  });
  return { status, out, err };
}

/** A small tree: qapi/foo.json with one sentence break of one space, and a clean qapi/bar.json. */
function smallTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'patchlint-schema-'));
  mkdirSync(join(root, 'qapi'));
  writeFileSync(join(root, 'qapi/foo.json'), ['##', '# @Foo:', '#', '# A foo. It is small.', '#', '# @a: The a.', '#', '# Since: 10.2', '##', "{ 'struct': 'Foo', 'data': { 'a': 'int' } }", ''].join('\n'));
  writeFileSync(join(root, 'qapi/bar.json'), ['##', '# @Bar:', '#', '# A bar.', '#', '# Since: 10.2', '##', "{ 'struct': 'Bar', 'data': {} }", ''].join('\n'));
  writeFileSync(join(root, 'notes.txt'), 'not a schema\n');
  return root;
}

describe('patchlint schema', () => {
  it('prints file:line findings, then the count per rule, and fails on errors', async () => {
    const root = smallTree();
    const { status, out, err } = await run(join(root, 'qapi'));
    expect(err).toBe('');
    expect(out).toBe(
      [
        'qapi/foo.json:4: error: [qapi/doc-two-spaces] Use two spaces between sentences: "foo. It"',
        '',
        'qapi/doc-two-spaces  error        1',
        'total: 1 error, 0 warnings, 0 infos in 2 files (18 lines)',
        '',
      ].join('\n'),
    );
    expect(status).toBe(1);
  });

  it('takes single files and the tree root, and prints JSON', async () => {
    const root = smallTree();
    const one = JSON.parse((await run('--format', 'json', join(root, 'qapi/bar.json'))).out);
    expect(one).toMatchObject({ files: ['qapi/bar.json'], findings: [], counts: {}, summary: { files: 1, error: 0 } });
    const all = JSON.parse((await run('--format', 'json', root)).out);
    expect(all.files).toEqual(['qapi/bar.json', 'qapi/foo.json']);
    expect(all.counts).toEqual({ 'qapi/doc-two-spaces': 1 });
  });

  it('honours --rule', async () => {
    const { status, out } = await run('--counts', '--rule', 'qapi/doc-two-spaces=off', smallTree());
    expect(out).toBe('total: 0 errors, 0 warnings, 0 infos in 2 files (18 lines)\n');
    expect(status).toBe(0);
  });

  it('says which input is bad, in one line, and exits 2', async () => {
    const root = smallTree();
    const missing = await run(join(root, 'nope'));
    expect(missing.err).toBe(`patchlint: ${join(root, 'nope')}: no such file or directory\n`);
    expect(missing.status).toBe(2);
    const notSchema = await run(join(root, 'notes.txt'));
    expect(notSchema.err).toMatch(/notes\.txt: not a QAPI schema file \(expected under qapi\//);
    expect(notSchema.status).toBe(2);
    const usage = await run('--format', 'sarif', root);
    expect(usage.status).toBe(2);
  });
});

// The rules over the doc problems src/qapi/doc.ts records (obsolete tags are counted above).
const PARSER_PROBLEM_RULES = ['block-delimiters', 'symbol-line', 'indent', 'description-after-section', 'freeform-at-name', 'duplicate-section', 'empty-section', 'hash-space'].map((n) => `qapi/doc-${n}`);

describeShared('patchlint schema on ../shared/qemu-tree/qapi', () => {
  it('parses every file without a syntax finding and reports per-rule counts', async () => {
    const { out, err } = await run('--format', 'json', join(QEMU_TREE, 'qapi'));
    expect(err).toBe('');
    const report = JSON.parse(out);
    expect(report.files).toHaveLength(47);
    expect(report.counts['qapi/syntax']).toBeUndefined();
    expect(report.findings.some((f: { rule: string }) => f.rule === 'qapi/syntax')).toBe(false);
    // The legacy modules' doc debt: Example:/Note: sections, long lines.
    expect(report.counts['qapi/doc-obsolete-tag']).toBeGreaterThan(100);
    expect(Object.values(report.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(report.findings.length);
  });

  it("finds exactly the reviewed doc-comment problems of QEMU's parser", async () => {
    const { out } = await run('--format', 'json', join(QEMU_TREE, 'qapi'));
    const problems = (JSON.parse(out).findings as Array<{ rule: string; severity: string; file: string; line: number }>)
      .filter((f) => PARSER_PROBLEM_RULES.includes(f.rule))
      .map((f) => `${f.rule} ${f.severity} ${f.file}:${f.line}`);
    expect(problems.sort()).toEqual(QAPI_SCHEMA_REVIEWED.map((e) => e.key).sort());
    expect(QAPI_SCHEMA_REVIEWED.every((e) => e.why.length > 20)).toBe(true);
  });

  it("reports no undocumented member or invalid name in a definition qapi/pragma.json exempts, in any module", async () => {
    const pragmas = parseSchema(readFileSync(join(QEMU_TREE, 'qapi/pragma.json'), 'utf8')).pragmas;
    expect(pragmas.documentationExceptions.length).toBeGreaterThan(50);
    const { out } = await run('--format', 'json', join(QEMU_TREE, 'qapi'));
    const findings = (JSON.parse(out).findings as Array<{ rule: string; file: string; line: number }>).filter((f) => f.rule === 'qapi/doc-member-undocumented' || f.rule === 'qapi/name-invalid');
    const exempt: string[] = [];
    for (const f of findings) {
      const definition = parseSchema(readFileSync(join(QEMU_TREE, f.file), 'utf8')).definitions.find((d) => d.line <= f.line && f.line <= d.endLine);
      const list = f.rule === 'qapi/doc-member-undocumented' ? pragmas.documentationExceptions : pragmas.memberNameExceptions;
      if (definition?.name && list.includes(definition.name)) exempt.push(`${f.file}:${f.line} ${definition.name}`);
    }
    expect(findings.length).toBeGreaterThan(0);
    expect(exempt).toEqual([]);
  });
});
