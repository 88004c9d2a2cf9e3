// Fragment mode: what the hunks of a patch show of a schema file, and what
// they cannot show.
import { describe, expect, it } from 'vitest';
import { type SourceLine, parseFragments, runsOf } from '../../src/qapi/fragment.js';

/** Lines from `start`, `+` marking added ones. */
function run(start: number, ...lines: string[]): SourceLine[] {
  return lines.map((text, i) => ({ line: start + i, text: text.slice(1), added: text.startsWith('+') }));
}

// The seed patch's qapi/migration.json hunks: a doc block without its start
// or end, and the end of the MigrationCapability enum without its start.
const SEED_DOC = run(
  517,
  ' #     each RAM page.  Requires a migration URI that supports seeking,',
  ' #     such as a file.  (since 9.0)',
  ' #',
  '+# @local-tap: Migrate TAPs locally, keeping backend alive. Open file',
  '+#     descriptors and TAP-related state are migrated.',
  '+#     (since 10.2)',
  '+#',
  ' # Features:',
  ' #',
  ' # @unstable: Members @x-colo and @x-ignore-shared are experimental.',
);
const SEED_ENUM = run(
  542,
  "            { 'name': 'x-ignore-shared', 'features': [ 'unstable' ] },",
  "            'validate-uuid', 'background-snapshot',",
  "+           'dirty-limit', 'mapped-ram',",
  "+           { 'name': 'local-tap', 'features': [ 'unstable' ] } ] }",
  ' ',
  ' ##',
  ' # @MigrationCapabilityStatus:',
);

describe('fragment mode', () => {
  it('splits the lines a patch shows into runs of consecutive lines', () => {
    expect(runsOf([...SEED_ENUM, ...SEED_DOC]).map((r) => [r[0]!.line, r[r.length - 1]!.line])).toEqual([
      [517, 526],
      [542, 548],
    ]);
  });

  it('reads a doc block whose start and end are not shown, with the literal state of its first lines unknown', () => {
    const file = parseFragments(SEED_DOC);
    expect(file.mode).toBe('fragment');
    const doc = file.docs[0]!;
    expect(doc).toMatchObject({ startSeen: false, endSeen: false, line: 517, endLine: 526 });
    expect(doc.symbol).toBeUndefined();
    expect(doc.sections.map((s) => [s.kind, s.name ?? null, s.line, s.endLine, s.complete])).toEqual([
      ['plain', null, 517, 518, false],
      ['member', 'local-tap', 520, 522, true],
      ['feature', 'unstable', 526, 526, false],
    ]);
    expect(doc.lines.filter((l) => l.literal === undefined).map((l) => l.line)).toEqual([517, 518]);
    expect(doc.lines.filter((l) => l.literal === false).map((l) => l.line)).toContain(520);
  });

  it('recovers the values of an enum whose start is not shown, when its end is', () => {
    const file = parseFragments(SEED_ENUM);
    expect(file.errors).toEqual([]);
    const [tail] = file.definitions;
    expect(tail).toMatchObject({ complete: false, line: 542, endLine: 545 });
    expect(tail!.meta).toBeUndefined();
    expect(tail!.members.map((m) => [m.name, m.role, m.line, m.features.map((f) => f.name)])).toEqual([
      ['x-ignore-shared', 'value', 542, ['unstable']],
      ['validate-uuid', 'value', 543, []],
      ['background-snapshot', 'value', 543, []],
      ['dirty-limit', 'value', 544, []],
      ['mapped-ram', 'value', 544, []],
      ['local-tap', 'value', 545, ['unstable']],
    ]);
    expect(file.docs[0]).toMatchObject({ symbol: 'MigrationCapabilityStatus', startSeen: true, endSeen: false });
  });

  it('joins the doc block of one run with the definition end of the next when both add the same name', () => {
    const file = parseFragments([...SEED_DOC, ...SEED_ENUM]);
    const joined = file.definitions.find((d) => d.members.some((m) => m.name === 'local-tap'))!;
    expect(joined.doc).toBe(file.docs[0]);
    expect(joined.doc!.features.map((f) => f.name)).toEqual(['unstable']);
  });

  it('does not join them without that evidence', () => {
    const unrelated = SEED_DOC.map((l) => ({ ...l, text: l.text.replace('@local-tap', '@other-cap') }));
    const file = parseFragments([...unrelated, ...SEED_ENUM]);
    expect(file.definitions.every((d) => d.doc === undefined)).toBe(true);
  });

  it('joins a definition start with its end in a later run (the doc names members of both)', () => {
    const head = run(
      353,
      ' # @poll-us: maximum number of microseconds (since 2.7)',
      ' #',
      '+# @local-incoming: Do load open file descriptors.  (since 10.2)',
      '+#',
      ' # Since: 1.2',
      ' ##',
      " { 'struct': 'NetdevTapOptions',",
      "   'data': {",
      "     'ifname':     'str',",
    );
    const tail = run(380, "     '*queues':     'uint32',", "+    '*poll-us':    'uint32',", "+    '*local-incoming': 'bool' } }", ' ', ' ##', ' # @NetdevSocketOptions:');
    const file = parseFragments([...head, ...tail]);
    const definition = file.definitions.find((d) => d.name === 'NetdevTapOptions')!;
    expect(definition.complete).toBe(false);
    expect(definition.members.map((m) => m.name)).toEqual(['ifname', 'queues', 'poll-us', 'local-incoming']);
    expect(definition.doc!.members.map((s) => s.name)).toEqual(['poll-us', 'local-incoming']);
  });

  it('keeps no members of a tail whose nesting depth is unknown (no definition end shown)', () => {
    const file = parseFragments(run(1040, "            '*multifd-zlib-level': 'uint8',", "+           '*multifd-qatzip-level': 'uint8',", "            '*multifd-zstd-level': 'uint8',"));
    expect(file.definitions).toEqual([]);
    expect(file.errors).toEqual([]);
  });

  it('parses a complete definition and attaches the doc block before it', () => {
    const file = parseFragments(
      run(10, '+##', '+# @FdsTarget:', '+#', '+# @virtio-net: virtio-net devices.', '+#', '+# Since: 10.2', '+##', "+{ 'enum': 'FdsTarget',", "+  'data': [ 'virtio-net' ] }", ' '),
    );
    const [definition] = file.definitions;
    expect(definition).toMatchObject({ meta: 'enum', name: 'FdsTarget', complete: true, line: 17, endLine: 18 });
    expect(definition!.doc).toMatchObject({ symbol: 'FdsTarget', startSeen: true, endSeen: true });
  });

  it('tells ordinary comments from doc text: a comment run before an opening ## is not doc', () => {
    const file = parseFragments(run(1, ' # Documentation generated with qapi-gen.py is in source order.', ' ##', ' # = Introduction', ' ##'));
    expect(file.docs).toHaveLength(1);
    expect(file.docs[0]).toMatchObject({ line: 2, startSeen: true, endSeen: true });
  });

  it('takes a leading comment run without doc structure and without a closing ## as unknown', () => {
    const file = parseFragments(run(5, ' # just words,', '+# more words', ' # and more'));
    expect(file.docs).toEqual([]);
  });

  it.each([
    ["a trailing comma before '}'", ["+    '*a': 'int',", '+    } }', ' ', ' ##'], 'expected string', 2],
    ['a missing comma between members', ["    '*a': 'int'", "+    '*b': 'int' } }", ' ', ' ##'], "expected ',' or '}'", 2],
    ["a list closed with '}'", ["            'dirty-limit', 'mapped-ram',", "+           { 'name': 'local-tap' } } }", ' ', ' ##'], "expected ',' or ']'", 2],
    ['double quotes', ["+{ 'struct': \"Foo\", 'data': {} }"], `stray '"'`, 1],
    ['a trailing comma in a complete definition', ["+{ 'enum': 'Foo', 'data': [ 'a', ] }"], "expected '{', '[', string, or boolean", 1],
  ])('reports %s', (_name, lines, message, line) => {
    const file = parseFragments(run(1, ...lines.map((l) => (l.startsWith('+') || l.startsWith(' ') ? l : ` ${l}`))));
    expect(file.errors).toHaveLength(1);
    expect(file.errors[0]).toMatchObject({ message, line });
  });
});
