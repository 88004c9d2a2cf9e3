// QAPI naming rules (expr.py check_name_*) and the C names common.py derives.
import { describe, expect, it } from 'vitest';
import { camelToUpper, cEnumConst, cName, nameProblem } from '../../src/qapi/index.js';

describe('C names (common.py)', () => {
  it.each([
    ['local-tap', 'local_tap'],
    ['x-colo', 'x_colo'],
    ['if', 'q_if'],
    ['unix', 'q_unix'],
    ['123abc', 'q_123abc'],
    ['a.b:c', 'a_b_c'],
  ])('c_name(%s) = %s', (name, c) => expect(cName(name)).toBe(c));

  it.each([
    ['MigrationCapability', 'MIGRATION_CAPABILITY'],
    ['ENUMName', 'ENUM_NAME'],
    ['X86CPURegister32', 'X86_CPU_REGISTER32'],
    ['QCryptoTLSCredsEndpoint', 'QCRYPTO_TLS_CREDS_ENDPOINT'],
  ])('camel_to_upper(%s) = %s', (name, upper) => expect(camelToUpper(name)).toBe(upper));

  it('c_enum_const honours the prefix', () => {
    expect(cEnumConst('MigrationCapability', 'local-tap')).toBe('MIGRATION_CAPABILITY_LOCAL_TAP');
    expect(cEnumConst('MigrationParameter', 'x-checkpoint-delay')).toBe('MIGRATION_PARAMETER_X_CHECKPOINT_DELAY');
    expect(cEnumConst('MultiFDCompression', 'zlib', 'MULTIFD_COMPRESSION')).toBe('MULTIFD_COMPRESSION_ZLIB');
  });
});

describe('naming rules (expr.py)', () => {
  it.each([
    ['local_incoming', 'member', "name of member 'local_incoming' must not use uppercase or '_'"],
    ['localIncoming', 'argument', "name of argument 'localIncoming' must not use uppercase or '_'"],
    ['netdevTapOpts', 'struct', "name of struct 'netdevTapOpts' must use CamelCase"],
    ['TapReady', 'event', "name of event 'TapReady' must not use lowercase or '-'"],
    ['FooList', 'struct', "struct name 'FooList' should not end in 'List'"],
    ['has-foo', 'member', "member 'has-foo' uses reserved name"],
    ['u', 'member', "member 'u' uses reserved name"],
    ['q-obj', 'member', "member 'q-obj' has an invalid name"],
    ['1st', 'member', "member '1st' has an invalid name"],
    ['a b', 'feature', "feature 'a b' has an invalid name"],
  ] as const)('%s (%s): %s', (name, kind, message) => {
    expect(nameProblem(name, kind)?.message).toBe(message);
  });

  it.each([
    ['local-incoming', 'member'],
    ['x-ignore-shared', 'value'],
    ['1024', 'value'],
    ['__com.redhat_drive-mirror', 'command'],
    ['NetdevTapOptions', 'struct'],
    ['TAP_READY', 'event'],
    ['x-query-foo', 'command'],
    ['unstable', 'feature'],
  ] as const)('%s (%s) is fine', (name, kind) => {
    expect(nameProblem(name, kind)).toBeUndefined();
  });
});
