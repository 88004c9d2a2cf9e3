// The same series in the three modes (diff only, --tree, --git): the
// migration rules find the same problems and each message says what it was
// checked against.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';
import { lintInputs } from '../../src/cli/check.js';
import { type Edit, layoutTree, migrationEdits as e, seriesMbox } from '../helpers/migration.js';
import { lintText } from '../helpers/lint.js';
import { MemoryTree } from '../../src/tree/tree.js';

const RULES = ALL_RULES.filter((r) => r.meta.id.startsWith('migration/'));
const tree = layoutTree('layout-a');
const CAP = e.capability('local-tap', '# @local-tap: Migrate TAP devices locally, keeping the backend\n#     alive.  (since 10.2)');
// Patch 1 adds the value and its property, patch 2 an accessor without a prototype.
const PATCHES: Array<{ subject: string; edits: Record<string, Edit> }> = [
  { subject: 'qapi/migration: add local-tap capability', edits: { 'qapi/migration.json': CAP, 'migration/options.c': e.property('local-tap', 'MIGRATION_CAPABILITY_LOCAL_TAP') } },
  { subject: 'migration: add migrate_local_tap()', edits: { 'migration/options.c': e.accessor('migrate_local_tap', 'MIGRATION_CAPABILITY_LOCAL_TAP', 'migrate_mapped_ram') } },
];

const summary = (findings: Array<{ rule: string; patch: number; file: string | null; line: number | null }>) => findings.map((f) => `${f.patch} ${f.rule} ${f.file}:${f.line}`);

describe('diff only, --tree and --git agree', () => {
  let repo: string;

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'patchlint-migration-'));
    const run = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    run('init', '-q');
    run('config', 'user.name', 'Jane Doe');
    run('config', 'user.email', 'jane@example.org');
    const files = { ...tree };
    const write = () => {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(repo, path)), { recursive: true });
        writeFileSync(join(repo, path), text);
      }
    };
    write();
    run('add', '-A');
    run('commit', '-q', '-m', 'base');
    for (const patch of PATCHES) {
      for (const [path, edit] of Object.entries(patch.edits)) files[path] = edit(files[path]!);
      write();
      run('add', '-A');
      run('commit', '-q', '-s', '-m', patch.subject);
    }
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('finds the missing prototype in all three, saying how', async () => {
    const mail = seriesMbox(tree, PATCHES);
    const diff = await lintText(mail, { rules: RULES });
    const withTree = await lintText(mail, { rules: RULES, tree });
    const git = await lintInputs([], { rules: RULES, gitRange: 'HEAD~2..HEAD', cwd: repo });
    for (const report of [diff, withTree, git]) expect(report.errors).toEqual([]);
    expect(summary(diff.findings)).toEqual(['2 migration/cap-accessor-decl-missing migration/options.c:76']);
    expect(summary(withTree.findings)).toEqual(summary(diff.findings));
    expect(summary(git.findings)).toEqual(summary(diff.findings));
    expect(diff.findings[0]!.message).toMatch(/\(checked in the diffs of the series\)$/);
    expect(withTree.findings[0]!.message).toMatch(/\(checked in the tree with the series applied\)$/);
    expect(git.findings[0]!.message).toMatch(/\(checked in the files of each commit\)$/);
    expect(git.series[0]!.basis).toBe('files: read from each commit of the range');
  });
});

describe('reading the tree only when there is something to judge', () => {
  // The app reads files from GitHub one API call each, and the hook runs once per mail.
  class CountingTree extends MemoryTree {
    reads: string[] = [];
    override async read(path: string): Promise<string | undefined> {
      this.reads.push(path);
      return super.read(path);
    }
  }

  it('reads no file for a series that touches no migration code or schema', async () => {
    const counting = new CountingTree(tree);
    const mail = seriesMbox(tree, [
      { subject: 'net/tap: poll again after setup', edits: { 'net/tap.c': (t) => t.replace('    return 0;\n}', '    s->read_poll = true;\n    return 0;\n}') } },
      { subject: 'migration: say when HMP asks', edits: { 'migration/migration-hmp-cmds.c': (t) => t.replace('    params = qmp_query_migrate_parameters(NULL);\n', '    params = qmp_query_migrate_parameters(NULL);\n    trace_hmp_info_migrate_parameters();\n') } },
    ]);
    const report = await lintText(mail, { rules: RULES, tree: counting });
    expect(report.findings).toEqual([]);
    expect(counting.reads.filter((p) => p !== 'VERSION' && p !== 'net/tap.c' && p !== 'migration/migration-hmp-cmds.c')).toEqual([]);
  });

  it('reads the files a new capability needs', async () => {
    const counting = new CountingTree(tree);
    await lintText(seriesMbox(tree, PATCHES), { rules: RULES, tree: counting });
    expect(new Set(counting.reads)).toContain('migration/options.h');
  });
});
