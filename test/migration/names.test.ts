import { describe, expect, it } from 'vitest';
import { accessorName, capabilityConstant, fieldName, parameterConstant } from '../../src/migration/names.js';

describe('names options.c derives from QAPI names', () => {
  it('drops a leading x_ from accessor names (migrate_colo for x-colo)', () => {
    expect(accessorName('x-colo')).toBe('migrate_colo');
    expect(accessorName('x-ignore-shared')).toBe('migrate_ignore_shared');
    expect(accessorName('x-checkpoint-delay')).toBe('migrate_checkpoint_delay');
    expect(accessorName('local-tap')).toBe('migrate_local_tap');
    expect(accessorName('xbzrle')).toBe('migrate_xbzrle');
  });

  it('keeps the X_ in enum constants', () => {
    expect(capabilityConstant('local-tap')).toBe('MIGRATION_CAPABILITY_LOCAL_TAP');
    expect(capabilityConstant('x-colo')).toBe('MIGRATION_CAPABILITY_X_COLO');
    expect(parameterConstant('x-checkpoint-delay')).toBe('MIGRATION_PARAMETER_X_CHECKPOINT_DELAY');
    expect(capabilityConstant('zlib', 'MULTIFD_COMPRESSION')).toBe('MULTIFD_COMPRESSION_ZLIB');
  });

  it('protects C keywords in field names as the generator does', () => {
    expect(fieldName('direct-io')).toBe('direct_io');
    expect(fieldName('unix')).toBe('q_unix');
  });
});
