import { describe, expect, it } from 'vitest';
import { ConfigError, configuredLevel, globToRegExp, parseConfig, parseRuleSetting } from '../../src/engine/config.js';

describe('parseConfig', () => {
  it('reads levels, ignores, the release and the hook setting', async () => {
    const config = await parseConfig("qemu-version: 10.20\nrules:\n  commit/sob-missing: warning\n  'style/*': off\nignore:\n  - tests/data/**\nhook:\n  errors: warn\n", '.patchlint.yml');
    expect(config).toEqual({ qemuVersion: '10.20', rules: { 'commit/sob-missing': 'warning', 'style/*': 'off' }, ignore: ['tests/data/**'], hookBlocking: false });
  });

  it('names a misspelt rule, or a family that does not exist, with its line', async () => {
    const known = ['qapi/doc-period', 'commit/sob-missing'];
    await expect(parseConfig('rules:\n  qapi/doc-period: off\n  qapi/doc-peroid: off\n', '.patchlint.yml', known)).rejects.toThrow(
      '.patchlint.yml:3: rule qapi/doc-peroid: no such rule or family (see patchlint rules)',
    );
    await expect(parseConfig('rules:\n  qpai/*: off\n', '.patchlint.yml', known)).rejects.toThrow('.patchlint.yml:2: rule qpai/*: no such rule or family');
    expect((await parseConfig('rules:\n  qapi/*: off\n', '.patchlint.yml', known)).rules).toEqual({ 'qapi/*': 'off' });
  });

  it.each([
    ['rules:\n  commit/sob-missing: loud\n', '.patchlint.yml:2: rule commit/sob-missing: level must be off, info, warning or error, not "loud"'],
    ['qemu-version: 10\n', '.patchlint.yml:1: qemu-version "10" is not X.Y or X.Y.Z'],
    ['run: make check\n', '.patchlint.yml:1: unknown setting "run" (known: qemu-version, rules, ignore, hook, spelling, watch, docs-url)'],
    ['rules: [a\n', '.patchlint.yml:2: unexpected end of the stream within a flow collection'],
  ])('names the file and line for %j', async (text, message) => {
    const error = await parseConfig(text, '.patchlint.yml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(message);
  });
});

describe('rule levels', () => {
  it('parses --rule id=level', () => {
    expect(parseRuleSetting('qapi/doc-period=off')).toEqual(['qapi/doc-period', 'off']);
    expect(parseRuleSetting('qapi/doc-period')).toBeUndefined();
  });
  it('prefers the exact id over family/*', () => {
    const config = { rules: { 'qapi/*': 'off' as const, 'qapi/syntax': 'error' as const }, ignore: [], hookBlocking: true };
    expect(configuredLevel(config, 'qapi/syntax')).toBe('error');
    expect(configuredLevel(config, 'qapi/doc-period')).toBe('off');
    expect(configuredLevel(config, 'commit/sob-missing')).toBeUndefined();
  });
});

describe('globToRegExp', () => {
  it.each([
    ['tests/data/**', 'tests/data/acpi/virt/FACP', true],
    ['*.json', 'qapi/net.json', false],
    ['qapi/*.json', 'qapi/net.json', true],
    ['qapi/*.json', 'qapi/sub/x.json', false],
    ['linux-headers/', 'linux-headers/linux/kvm.h', true],
    ['docs', 'docs/about/deprecated.rst', true],
    ['docs/**/foo.rst', 'docs/a/b/foo.rst', true],
    ['docs/**/foo.rst', 'docs/foo.rst', true],
    ['docs/**/foo.rst', 'docs/barfoo.rst', false],
  ])('%s ~ %s = %s', (glob, path, match) => expect(globToRegExp(glob).test(path)).toBe(match));
});
