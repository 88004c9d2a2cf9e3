// The migration rules on the whole real corpus: what they find, with and
// without ../shared/qemu-tree, is exactly the reviewed list; nothing at
// error level on what QEMU merged as posted; and the seed page gets only
// the info findings the acceptance names.
import { expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';
import { lintInputs } from '../../src/cli/check.js';
import { DirectoryTree } from '../../src/tree/tree.js';
import { QEMU_TREE, SEED_PAGE, corpusFindings, corpusIndex, describeShared } from '../helpers/corpus.js';
import { MIGRATION_REVIEWED } from './migration.reviewed.js';

describeShared('migration findings on the real corpus', () => {
  it('every reviewed entry says why it is a real problem, once', () => {
    expect(MIGRATION_REVIEWED.every((e) => e.why.length > 40)).toBe(true);
    expect(new Set(MIGRATION_REVIEWED.map((e) => e.key)).size).toBe(MIGRATION_REVIEWED.length);
  });

  it.each([
    ['without a tree', false],
    ['with ../shared/qemu-tree', true],
  ])('%s, equal the reviewed list', async (_name, withTree) => {
    expect(await corpusFindings('migration/', withTree)).toEqual(MIGRATION_REVIEWED.map((e) => e.key).sort());
  });

  it('are never errors on pull requests or on patches maintainers merged as posted', async () => {
    // PULL mails, and the migration maintainers' own patches (Juan Quintela, Peter Xu, Fabiano Rosas).
    const merged = corpusIndex()
      .filter((e) => /\[PULL/.test(e.subject) || /quintela@redhat|peterx@redhat|farosas@suse/.test(e.from))
      .map((e) => e.file);
    expect(merged).toContain('032-pull-migration-create-migrate-tls-authz.eml');
    expect(merged).toContain('033-migration-add-direct-io-parameter.eml');
    const all = [...(await corpusFindings('migration/', false)), ...(await corpusFindings('migration/', true))];
    expect(all.filter((key) => merged.includes(key.split(' ')[0]!) && key.split(' ')[2] === 'error')).toEqual([]);
  });
});

describeShared('the seed page (local-TAP v3 4/9)', () => {
  it.each([
    ['without a tree', false],
    ['with ../shared/qemu-tree', true],
  ])('%s: no accessor error, order and property at info level', async (_name, withTree) => {
    const report = await lintInputs([SEED_PAGE], { rules: ALL_RULES.filter((r) => r.meta.id.startsWith('migration/')), tree: withTree ? new DirectoryTree(QEMU_TREE) : undefined });
    expect(report.errors).toEqual([]);
    const found = report.findings.map((f) => `${f.severity} ${f.rule} ${f.file}:${f.line}`);
    expect(found).toEqual([
      'info migration/cap-accessor-order migration/options.c:265',
      'info migration/cap-accessor-order migration/options.h:33',
      'info migration/cap-caps-check qapi/migration.json:520',
      'info migration/cap-property qapi/migration.json:546',
    ]);
    expect(report.findings.find((f) => f.file === 'migration/options.h')!.message).toBe(
      withTree
        ? 'migrate_local_tap() is out of alphabetical order among the capability accessors: it sorts before migrate_mapped_ram() above it and after migrate_ignore_shared() below it; put it after migrate_late_block_activate()'
        : 'migrate_local_tap() is out of alphabetical order among the capability accessors: it sorts before migrate_mapped_ram() above it and after migrate_ignore_shared() below it',
    );
  });
});
