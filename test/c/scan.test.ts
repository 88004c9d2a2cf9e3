import { describe, expect, it } from 'vitest';
import { scanHunks } from '../../src/c/fragments.js';
import { functionNameOfContext, scanC, scanCText } from '../../src/c/scan.js';
import { parsePatchDiff } from '../../src/patch/diff.js';

const OPTIONS_C = `/* QEMU migration capabilities { not a brace */
#include "qemu/osdep.h"
#define DEFINE_PROP_MIG_CAP(name, x)             \\
    DEFINE_PROP_BOOL(name, MigrationState, capabilities[x], false)

const Property migration_properties[] = {
    DEFINE_PROP_MIG_CAP("x-xbzrle", MIGRATION_CAPABILITY_XBZRLE),
};

bool migrate_xbzrle(void)
{
    MigrationState *s = migrate_get_current();

    return s->capabilities[MIGRATION_CAPABILITY_XBZRLE];
}

static bool migrate_incoming_started(void)
{
    /* "}" in a comment */
    const char *brace = "}";
#ifdef CONFIG_X
    if (a) {
#else
    if (b) {
#endif
        return true;
    }
    return false;
}
`;

describe('scanCText', () => {
  const scan = scanCText(OPTIONS_C);

  it('finds definitions with their lines, return types and static-ness', () => {
    expect(scan.functions.map((f) => [f.name, f.line, f.endLine, f.returnType, f.isStatic])).toEqual([
      ['migrate_xbzrle', 10, 15, 'bool', false],
      ['migrate_incoming_started', 17, 29, 'static bool', true],
    ]);
  });

  it('skips preprocessor lines, so a #define is not a use of the macro', () => {
    const uses = scan.tokens.filter((t) => t.text === 'DEFINE_PROP_MIG_CAP');
    expect(uses.map((t) => t.line)).toEqual([7]);
  });

  it('keeps braces in comments and strings out of the structure, and survives unbalanced #ifdef branches', () => {
    const fn = scan.functions[1]!;
    expect(fn.body.filter((t) => t.kind === 'string').map((t) => t.value)).toEqual(['}']);
    expect(scan.comments.map((c) => c.line)).toEqual([1, 19]);
  });

  it('marks body tokens with their function', () => {
    const constant = scan.tokens.find((t) => t.text === 'MIGRATION_CAPABILITY_XBZRLE' && t.line === 14)!;
    expect(constant.fn).toBe('migrate_xbzrle');
    expect(scan.tokens.find((t) => t.line === 7 && t.kind === 'ident')!.fn).toBeUndefined();
  });
});

describe('prototypes', () => {
  it('reads declarations, not calls, initialisers or typedefs', () => {
    const scan = scanCText(
      [
        'bool migrate_local_tap(void);',
        'const char *migrate_tls_authz(void);',
        'bool migrate_caps_check(bool *old_caps, bool *new_caps, Error **errp);',
        'typedef void (*Fn)(int);',
        'extern const size_t migration_properties_count;',
        'int x = f(1);',
      ].join('\n'),
    );
    expect(scan.prototypes.map((p) => `${p.line} ${p.returnType}|${p.name}(${p.params})`)).toEqual([
      '1 bool|migrate_local_tap(void)',
      '2 const char *|migrate_tls_authz(void)',
      '3 bool|migrate_caps_check(bool *old_caps, bool *new_caps, Error **errp)',
    ]);
  });
});

describe('fragments (diff hunks)', () => {
  it('names the function a hunk starts in from the hunk header', () => {
    expect(functionNameOfContext('bool migrate_caps_check(bool *old_caps, bool *new_caps, Error **errp)')).toBe('migrate_caps_check');
    expect(functionNameOfContext('static void migrate_params_test_apply(MigrateSetParameters *params,')).toBe('migrate_params_test_apply');
    expect(functionNameOfContext('Property migration_properties[] = {')).toBeUndefined();
    expect(functionNameOfContext(undefined)).toBeUndefined();
  });

  it('reads a hunk that starts inside one function and adds the next', () => {
    const scan = scanC(
      [
        { line: 262, text: '    return s->capabilities[MIGRATION_CAPABILITY_MAPPED_RAM];' },
        { line: 263, text: '}' },
        { line: 264, text: '' },
        { line: 265, text: 'bool migrate_local_tap(void)', changed: true },
        { line: 266, text: '{', changed: true },
        { line: 267, text: '    return s->capabilities[MIGRATION_CAPABILITY_LOCAL_TAP];', changed: true },
        { line: 268, text: '}', changed: true },
        { line: 269, text: '' },
        { line: 270, text: 'bool migrate_ignore_shared(void)' },
        { line: 271, text: '{' },
      ],
      { fragment: { context: 'bool migrate_mapped_ram(void)' } },
    );
    expect(scan.functions.map((f) => [f.name, f.line, f.endLine, f.headChanged])).toEqual([
      ['migrate_mapped_ram', undefined, 263, false],
      ['migrate_local_tap', 265, 268, true],
      ['migrate_ignore_shared', 270, undefined, false],
    ]);
    expect(scan.functions[0]!.body.map((t) => t.text)).toContain('MIGRATION_CAPABILITY_MAPPED_RAM');
  });

  it('knows a hunk that starts inside a block comment', () => {
    const scan = scanC(
      [
        { line: 10, text: ' * These are functions that are used in a similar way to capabilities' },
        { line: 11, text: ' * check, but they are not a capability.' },
        { line: 12, text: ' */' },
        { line: 13, text: 'bool migrate_rdma(void);', changed: true },
      ],
      { fragment: {} },
    );
    expect(scan.tokens.map((t) => t.text)).toEqual(['bool', 'migrate_rdma', '(', 'void', ')', ';']);
    expect(scan.prototypes.map((p) => [p.name, p.changed])).toEqual([['migrate_rdma', true]]);
  });

  it('scans both sides of a parsed diff', () => {
    const diff = [
      'diff --git a/migration/options.c b/migration/options.c',
      'index 1111111111..2222222222 100644',
      '--- a/migration/options.c',
      '+++ b/migration/options.c',
      '@@ -339,13 +339,6 @@ bool migrate_xbzrle(void)',
      '     return s->capabilities[MIGRATION_CAPABILITY_XBZRLE];',
      ' }',
      ' ',
      '-bool migrate_zero_blocks(void)',
      '-{',
      '-    MigrationState *s = migrate_get_current();',
      '-',
      '-    return s->capabilities[MIGRATION_CAPABILITY_ZERO_BLOCKS];',
      '-}',
      '-',
      ' bool migrate_zero_copy_send(void)',
      ' {',
      '     MigrationState *s = migrate_get_current();',
    ];
    const [file] = parsePatchDiff(diff, 1);
    const pre = scanHunks(file!, 'pre')[0]!;
    const post = scanHunks(file!, 'post')[0]!;
    expect(pre.functions.map((f) => [f.name, f.line, f.headChanged])).toEqual([
      ['migrate_xbzrle', undefined, false],
      ['migrate_zero_blocks', 342, true],
      ['migrate_zero_copy_send', 349, false],
    ]);
    expect(post.functions.map((f) => [f.name, f.line])).toEqual([
      ['migrate_xbzrle', undefined],
      ['migrate_zero_copy_send', 342],
    ]);
  });
});
