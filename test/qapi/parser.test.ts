// The whole-file QAPI parser: QEMU's syntax and messages, doc blocks and their
// attachment, and every schema file of ../shared/qemu-tree.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSchema } from '../../src/qapi/index.js';
import { lexLine } from '../../src/qapi/lexer.js';
import { QEMU_TREE, describeShared, hasShared } from '../helpers/corpus.js';

const schema = (...lines: string[]) => parseSchema(lines.join('\n') + '\n');

describe('lexer (parser.py accept)', () => {
  it.each([
    [`{ "struct": 'Foo' }`, `stray '"'`, 3],
    [`{ 'struct': 'Foo }`, `missing terminating "'"`, 13],
    [`{ 'a\\b': 'x' }`, 'unknown escape \\b', 3],
    [`{ 'é': 'x' }`, 'funny character in string', 3],
    [`{ 'a': 1 }`, "stray '1'", 8],
    [`{ 'a': trueX }`, "stray 'X'", 12],
    [`\t{ 'a': null }`, "stray 'null'", 8],
  ])('%s -> %s', (text, message, col) => {
    expect(lexLine(text, 7).error).toEqual({ message, line: 7, col });
  });

  it('reads strings with the one escape, booleans by prefix, and comments to the end of the line', () => {
    const { tokens, error } = lexLine(`{ 'a\\\\b': true, 'c': false } # note ## not a doc`, 1);
    expect(error).toBeUndefined();
    expect(tokens.map((t) => t.text)).toEqual(['{', 'a\\b', ':', 'true', ',', 'c', ':', 'false', '}', '# note ## not a doc']);
    expect(tokens[3]!.bool).toBe(true);
  });
});

describe('parser (parser.py get_expr, _parse)', () => {
  it.each([
    [[`{ 'struct': 'Foo', 'data': { 'a': 'int', } }`], "expected string", 1],
    [[`{ 'enum': 'Foo', 'data': [ 'a', ] }`], "expected '{', '[', string, or boolean", 1],
    [[`{ 'struct': 'Foo',`, `  'data': { 'a': 'int'`, `            'b': 'str' } }`], "expected ',' or '}'", 3],
    [[`{ 'enum': 'Foo', 'data': [ 'a' 'b' ] }`], "expected ',' or ']'", 1],
    [[`{ 'struct': 'Foo', 'struct': 'Bar' }`], "duplicate key 'struct'", 1],
    [[`{ 'struct' 'Foo' }`], "expected ':'", 1],
    [[`[ 'Foo' ]`], 'top-level expression must be an object', 1],
    [[`{ 'include': 'a.json', 'if': 'X' }`], "invalid 'include' directive", 1],
    [[`{ 'include': [ 'a.json' ] }`], "value of 'include' must be a string", 1],
    [[`{ 'pragma': 'doc-required' }`], "value of 'pragma' must be an object", 1],
    [[`{ 'struct': 'Foo', 'data': {`], "expected string or '}'", 1],
  ])('%j -> %s', (lines, message, line) => {
    const file = schema(...lines);
    expect(file.errors).toHaveLength(1);
    expect(file.errors[0]).toMatchObject({ message, line });
  });

  it('stops at the first error, keeping what came before', () => {
    const file = schema(`{ 'enum': 'A', 'data': [ 'x' ] }`, `{ 'enum': 'B', 'data': [ 'y', ] }`, `{ 'enum': 'C', 'data': [ 'z' ] }`);
    expect(file.definitions.map((d) => d.name)).toEqual(['A']);
    expect(file.errors[0]).toMatchObject({ line: 2 });
  });

  it('builds definitions with members, values, features and their lines', () => {
    const file = schema(
      `{ 'enum': 'Cap',`,
      `  'data': [ 'a',`,
      `            { 'name': 'x-b', 'features': [ 'unstable' ] },`,
      `            { 'name': 'c', 'if': 'CONFIG_C' } ] }`,
      `{ 'struct': 'Opts', 'base': 'Base',`,
      `  'data': { '*size': 'int',`,
      `            'mode': { 'type': 'Mode', 'features': [ 'deprecated' ] } },`,
      `  'features': [ { 'name': 'unstable', 'if': 'CONFIG_X' } ] }`,
      `{ 'command': 'query-x', 'data': 'XArgs', 'returns': [ 'X' ] }`,
      `{ 'union': 'U', 'base': { 'kind': 'K' }, 'discriminator': 'kind', 'data': { 'a': 'A' } }`,
    );
    expect(file.errors).toEqual([]);
    const [cap, opts, query, union] = file.definitions;
    expect(cap).toMatchObject({ meta: 'enum', name: 'Cap', line: 1, endLine: 4, complete: true });
    expect(cap!.members.map((m) => [m.name, m.role, m.line, m.features.map((f) => f.name)])).toEqual([
      ['a', 'value', 2, []],
      ['x-b', 'value', 3, ['unstable']],
      ['c', 'value', 4, []],
    ]);
    expect(cap!.members[2]!.if).toMatchObject({ kind: 'string', value: 'CONFIG_C' });
    expect(opts).toMatchObject({ meta: 'struct', name: 'Opts', baseType: 'Base' });
    expect(opts!.members.map((m) => [m.name, m.optional, m.line, m.endLine])).toEqual([
      ['size', true, 6, 6],
      ['mode', false, 7, 7],
    ]);
    expect(opts!.members[1]!.features).toEqual([{ name: 'deprecated', line: 7, col: 53 }]);
    expect(opts!.features.map((f) => [f.name, f.line])).toEqual([['unstable', 8]]);
    expect(query).toMatchObject({ meta: 'command', name: 'query-x', dataType: 'XArgs', members: [] });
    expect(union!.members.map((m) => [m.name, m.role])).toEqual([
      ['kind', 'member'],
      ['a', 'branch'],
    ]);
  });

  it('accepts the legacy syntax of older trees: simple unions, string conditions, old pragmas', () => {
    const file = schema(
      `{ 'pragma': { 'returns-whitelist': [ 'human-monitor-command' ] } }`,
      `{ 'union': 'SocketAddressLegacy', 'data': { 'inet': 'InetSocketAddress' } }`,
      `{ 'struct': 'SpiceInfo', 'data': { 'enabled': 'bool' }, 'if': 'defined(CONFIG_SPICE)' }`,
    );
    expect(file.errors).toEqual([]);
    expect(file.definitions.map((d) => d.name)).toEqual(['SocketAddressLegacy', 'SpiceInfo']);
  });

  it('reads pragmas', () => {
    const file = schema(`{ 'pragma': { 'doc-required': true } }`, `{ 'pragma': { 'documentation-exceptions': [ 'A', 'B' ], 'member-name-exceptions': [ 'C' ] } }`);
    expect(file.pragmas).toMatchObject({ docRequired: true, documentationExceptions: ['A', 'B'], memberNameExceptions: ['C'] });
    expect(file.directives.map((d) => d.kind)).toEqual(['pragma', 'pragma']);
  });
});

describe('doc blocks (parser.py get_doc, QAPIDoc)', () => {
  const DOC = [
    '##',
    '# = Migration',
    '##',
    '',
    '# An ordinary comment between is skipped.',
    '##',
    '# @Cap:',
    '#',
    '# Migration capabilities.',
    '#',
    '# @a: Does a.  (since 9.0)',
    '#',
    '# @x-b: Does b, a long description that goes on',
    '#     to a second line.',
    '#',
    '# Features:',
    '#',
    '# @unstable: Member @x-b is experimental.',
    '#',
    '# .. qmp-example::',
    '#',
    '#     -> { "execute": "query-migrate-capabilities", "arguments": { "a": 1 } }',
    '#',
    '# Since: 1.2',
    '##',
    `{ 'enum': 'Cap', 'data': [ 'a', { 'name': 'x-b', 'features': [ 'unstable' ] } ] }`,
  ];

  it('attaches the definition doc that precedes a definition, and keeps free-form blocks apart', () => {
    const file = schema(...DOC);
    expect(file.docs).toHaveLength(2);
    expect(file.docs[0]).toMatchObject({ line: 1, endLine: 3, startSeen: true, endSeen: true });
    expect(file.docs[0]!.symbol).toBeUndefined();
    const doc = file.definitions[0]!.doc!;
    expect(doc).toBe(file.docs[1]);
    expect(doc).toMatchObject({ symbol: 'Cap', symbolLine: 7, line: 6, endLine: 25, featuresLine: 16, problems: [] });
  });

  it('splits the body into sections with their lines', () => {
    const doc = schema(...DOC).definitions[0]!.doc!;
    expect(doc.sections.map((s) => [s.kind, s.name ?? null, s.line, s.endLine])).toEqual([
      ['plain', null, 9, 9],
      ['member', 'a', 11, 11],
      ['member', 'x-b', 13, 14],
      ['feature', 'unstable', 18, 18],
      ['plain', null, 20, 22],
      ['since', 'Since', 24, 24],
    ]);
    expect(doc.sections[4]!.directive).toBe('qmp-example');
    expect(doc.members.map((s) => s.name)).toEqual(['a', 'x-b']);
    expect(doc.members[1]!.text).toEqual(['Does b, a long description that goes on', 'to a second line.']);
    expect(doc.features[0]!.text).toEqual(['Member @x-b is experimental.']);
    expect(doc.sections.at(-1)!.text).toEqual(['1.2']);
  });

  it('marks literal blocks, where QEMU skips the line-format checks', () => {
    const doc = schema(...DOC).definitions[0]!.doc!;
    const literal = doc.lines.filter((l) => l.literal).map((l) => l.line);
    expect(literal).toEqual([20, 21, 22, 23]);
  });

  it.each([
    [['##', '# @Foo:', '#', '# Note: this is old.', '##', `{ 'struct': 'Foo', 'data': {} }`], 'obsolete-tag', /^The 'Note' section is no longer supported/, 4],
    [['##', '# @Foo:', '#', '# Example:', '#', '# -> x', '##', `{ 'struct': 'Foo', 'data': {} }`], 'obsolete-tag', /^The 'Example' section is no longer supported/, 4],
    [['##', '# @Foo:', '#', '# Since: 1.0', '#', '# Since: 2.0', '##', `{ 'struct': 'Foo', 'data': {} }`], 'duplicate-section', "duplicated 'Since' section", 6],
    [['##', '# @Foo:', '#', '# Since:', '##', `{ 'struct': 'Foo', 'data': {} }`], 'empty-section', "text required after 'Since:'", 4],
    [['##', '# @Foo:', '#@a: x', '##', `{ 'struct': 'Foo', 'data': { 'a': 'int' } }`], 'hash-space', 'missing space after #', 3],
    [['## ', '# @Foo:', '##', `{ 'struct': 'Foo', 'data': {} }`], 'block-delimiters', "junk after '##' at start of documentation comment", 1],
    [['##', '# @Foo', '##', `{ 'struct': 'Foo', 'data': {} }`], 'symbol-line', "line should end with ':'", 2],
    [['##', '# @Bar:', '##', `{ 'struct': 'Foo', 'data': {} }`], 'symbol-line', "documentation comment is for 'Bar'", 2],
    [['##', '# @Foo:', '##', `{ 'include': 'x.json' }`], 'symbol-line', "documentation for 'Foo' is not followed by the definition", 1],
    [['##', '# Foo', '##', `{ 'struct': 'Foo', 'data': {} }`], 'symbol-line', 'definition documentation required', 1],
    [['##', '# @Foo:', '#', '# Since: 1.0', '#', '# @a: x', '##', `{ 'struct': 'Foo', 'data': { 'a': 'int' } }`], 'description-after-section', "description of '@a:' follows a section", 6],
    [['##', '# @Foo:', '#', '# @a: x', '# @a: y', '##', `{ 'struct': 'Foo', 'data': { 'a': 'int' } }`], 'duplicate-name', "'a' parameter name duplicated", 5],
    [['##', '# Intro.', '# @a: x', '##'], 'freeform-at-name', "'@a:' not allowed in free-form documentation", 3],
    [['##', '# @Foo:', '#', '# @a: first', '#     second', '#   third', '##', `{ 'struct': 'Foo', 'data': { 'a': 'int' } }`], 'indent', 'unexpected de-indent (expected at least 4 spaces)', 6],
  ])('%j: %s', (lines, kind, message, line) => {
    const file = schema(...lines);
    expect(file.errors).toEqual([]);
    const problems = file.docs.flatMap((d) => d.problems);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.kind).toBe(kind);
    if (typeof message === 'string') expect(problems[0]!.message).toBe(message);
    else expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.line).toBe(line);
  });

  it('reads on after a doc problem, so that later sections are still known', () => {
    const doc = schema('##', '# @Foo:', '#', '# Notes: old style.', '#', '# @a: late description', '#', '# Since: 1.0', '##', `{ 'struct': 'Foo', 'data': { 'a': 'int' } }`).definitions[0]!.doc!;
    expect(doc.problems.map((p) => p.kind)).toEqual(['obsolete-tag', 'description-after-section']);
    expect(doc.members.map((m) => m.name)).toEqual(['a']);
    expect(doc.sections.at(-1)).toMatchObject({ kind: 'since', text: ['1.0'] });
  });
});

describeShared('every schema file of ../shared/qemu-tree/qapi', () => {
  const dir = join(QEMU_TREE, 'qapi');
  // describe.skip still collects: read nothing when ../shared is absent.
  const files = hasShared ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];

  it('there are schema files to parse', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  for (const name of files) {
    it(`${name} parses without error, every definition carrying the doc block whose symbol is its name`, () => {
      const file = parseSchema(readFileSync(join(dir, name), 'utf8'));
      expect(file.errors).toEqual([]);
      const docless = file.definitions.filter((d) => !d.doc || d.doc.symbol !== d.name).map((d) => `${d.name} at ${d.line}`);
      expect(docless).toEqual([]);
      expect(file.definitions.every((d) => d.meta && d.name && d.complete)).toBe(true);
    });
  }

  it('finds MigrationCapability with its values, features and lines, and its doc', () => {
    const file = parseSchema(readFileSync(join(dir, 'migration.json'), 'utf8'));
    const cap = file.definitions.find((d) => d.name === 'MigrationCapability')!;
    expect(cap).toMatchObject({ meta: 'enum', line: 485, endLine: 495 });
    expect(cap.members.map((m) => m.name)).toContain('mapped-ram');
    const unstable = cap.members.filter((m) => m.features.some((f) => f.name === 'unstable'));
    expect(unstable.map((m) => [m.name, m.line])).toEqual([
      ['x-colo', 488],
      ['x-ignore-shared', 492],
    ]);
    expect(cap.doc!.features.map((f) => [f.name, f.line])).toEqual([['unstable', 481]]);
    expect(cap.doc!.members.map((s) => s.name).sort()).toEqual(cap.members.map((m) => m.name).sort());
  });
});
