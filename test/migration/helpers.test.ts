import { describe, expect, it } from 'vitest';
import { missingPatchesNote } from '../../src/migration/c-files.js';
import { sortedPlace } from '../../src/migration/order.js';
import { hasPresenceFlag, migrationSchemaOf } from '../../src/migration/schema.js';
import type { Series } from '../../src/patch/model.js';
import { isComplete } from '../../src/patch/series.js';

const series = (missing: number[]) => ({ missing }) as unknown as Series;

describe('what an incomplete series allows', () => {
  it('is complete only without missing patches', () => {
    expect(isComplete(series([]))).toBe(true);
    expect(isComplete(series([3]))).toBe(false);
  });
  it('names the missing patches as ranges', () => {
    expect(missingPatchesNote({ series: series([]) })).toBe('');
    expect(missingPatchesNote({ series: series([3]) })).toBe(' (patch 3 of the series is not here and may add it)');
    expect(missingPatchesNote({ series: series([9, 1, 2, 3, 5, 6, 7, 8]) })).toBe(' (patches 1-3, 5-9 of the series are not here and may add it)');
  });
});

describe('has_ flags of optional members (scripts/qapi/schema.py)', () => {
  const kinds = new Map([
    ['MigMode', 'enum'],
    ['BitmapMigrationNodeAlias', 'struct'],
  ] as const);
  it.each([
    ['bool', true],
    ['uint8', true],
    ['size', true],
    ['MigMode', true],
    ['[BitmapMigrationNodeAlias]', true],
    ['str', false],
    ['StrOrNull', false],
    ['BitmapMigrationNodeAlias', false],
    ['SomethingElse', undefined],
    [undefined, undefined],
  ])('%s -> %s', (type, expected) => expect(hasPresenceFlag(type, kinds)).toBe(expected));
});

describe('where a capability accessor belongs', () => {
  it('goes after the greatest name below it, ignoring names out of place', () => {
    expect(sortedPlace('migrate_local_tap', ['migrate_events', 'migrate_mapped_ram', 'migrate_local_tap', 'migrate_ignore_shared', 'migrate_late_block_activate', 'migrate_multifd'])).toBe('after migrate_late_block_activate()');
    expect(sortedPlace('migrate_auto_converge', ['migrate_colo', 'migrate_auto_converge'])).toBe('before migrate_colo()');
    expect(sortedPlace('migrate_x', ['migrate_x'])).toBeUndefined();
  });
});

describe('migration definitions of a whole qapi/migration.json', () => {
  it('reads values, members, types, prefixes and descriptions', () => {
    const schema = migrationSchemaOf(
      [
        '##',
        '# @MigrationCapability:',
        '#',
        '# @xbzrle: Migration supports xbzrle.',
        '#',
        '# @x-colo: COLO.  (since 2.8)',
        '#',
        '# Since: 1.2',
        '##',
        "{ 'enum': 'MigrationCapability', 'prefix': 'MIG_CAP',",
        "  'data': ['xbzrle', { 'name': 'x-colo', 'features': [ 'unstable' ] }] }",
        '##',
        '# @MigrationParameters:',
        '#',
        '# @fds: Targets.  (since 10.2)',
        '#',
        '# Since: 2.4',
        '##',
        "{ 'struct': 'MigrationParameters', 'data': { '*fds': ['FdsTarget'] } }",
      ].join('\n'),
    )!;
    expect(schema.capabilities!.prefix).toBe('MIG_CAP');
    expect([...schema.capabilities!.entries.values()].map((e) => [e.name, e.line, e.features, e.doc?.text])).toEqual([
      ['xbzrle', 11, [], 'Migration supports xbzrle.'],
      ['x-colo', 11, ['unstable'], 'COLO. (since 2.8)'],
    ]);
    expect(schema.parameters!.entries.get('fds')!.type).toBe('[FdsTarget]');
    expect(schema.setParameters).toBeUndefined();
    expect(migrationSchemaOf("{ 'enum': 'MigrationCapability', 'data': [ } }")).toBeUndefined();
  });
});
