import { describe, expect, it } from 'vitest';
import { accessorName, cEnumConst, cName, camelToUpper } from '../../src/migration/names.js';

describe('QAPI to C names (scripts/qapi/common.py)', () => {
  it.each([
    ['local-tap', 'local_tap'],
    ['x-colo', 'x_colo'],
    ['a.b+c', 'a_b_c'],
  ])('c_name(%s) = %s', (name, expected) => expect(cName(name)).toBe(expected));

  it.each([
    ['MigrationCapability', 'MIGRATION_CAPABILITY'],
    ['MigrationParameter', 'MIGRATION_PARAMETER'],
    ['ENUMName', 'ENUM_NAME'],
    ['EnumName1', 'ENUM_NAME1'],
    ['ENUM_NAME', 'ENUM_NAME'],
    ['ENUM24_Name', 'ENUM24_NAME'],
    ['MultiFDCompression', 'MULTI_FD_COMPRESSION'],
  ])('camel_to_upper(%s) = %s', (name, expected) => expect(camelToUpper(name)).toBe(expected));

  it('builds enum constants, honouring an explicit prefix', () => {
    expect(cEnumConst('MigrationCapability', 'local-tap')).toBe('MIGRATION_CAPABILITY_LOCAL_TAP');
    expect(cEnumConst('MigrationParameter', 'x-checkpoint-delay')).toBe('MIGRATION_PARAMETER_X_CHECKPOINT_DELAY');
    expect(cEnumConst('MultiFDCompression', 'zlib', 'MULTIFD_COMPRESSION')).toBe('MULTIFD_COMPRESSION_ZLIB');
  });

  it('drops a leading x_ from accessor names (migration/options.c)', () => {
    expect(accessorName('x-colo')).toBe('migrate_colo');
    expect(accessorName('x-ignore-shared')).toBe('migrate_ignore_shared');
    expect(accessorName('local-tap')).toBe('migrate_local_tap');
    expect(accessorName('xbzrle')).toBe('migrate_xbzrle');
  });
});
