// The get_maintainer.pl emulation on small, synthetic MAINTAINERS files:
// one behaviour of the Perl script per case.
import { describe, expect, it } from 'vitest';
import { type DirectoryTest, compileMaintainers, directoryQuestions, globToPattern, keywordSectionsOfPatch, matchFile } from '../../src/maintainers/match.js';
import { parseMaintainers } from '../../src/maintainers/parse.js';
import { perlRegExp } from '../../src/maintainers/perl-regex.js';
import { directoryTest } from '../../src/maintainers/lookup.js';
import type { Tree } from '../../src/tree/tree.js';
import { formatAddress, formatRecipient, parseAddress, recipientsOf, sectionLabel } from '../../src/maintainers/recipients.js';

const FILE = `QEMU Maintainers
================

All patches CC here
L: qemu-devel@nongnu.org
F: *
F: */

Migration
M: Peter Xu <peterx@redhat.com>
R: Some Reviewer <rev@example.org>
S: Maintained
F: migration/
X: migration/rdma*

RDMA Migration
R: Li Zhijian <lizhijian@fujitsu.com>
S: Odd Fixes
F: migration/rdma*

S390 general architecture support
M: Thomas Huth <thuth@redhat.com>
S: Supported
F: hw/char/sclp*.[hc]
K: ^Subject:.*(?i)s390x?
L: qemu-s390x@nongnu.org

Overall sensors
M: Philippe Mathieu-Daudé <philmd@linaro.org>
S: Odd Fixes
F: hw/sensor
L: qemu-sensors@example.org moderated for non-subscribers
L: secret@example.org (subscribers-only)

Merged A
M: First <first@example.org>
F: a/

M: Second <second@example.org>
F: b/
`;

const compiled = compileMaintainers(parseMaintainers(FILE));
const noDirectories: DirectoryTest = () => false;
const sectionsOf = (file: string, isDirectory: DirectoryTest = noDirectories) => matchFile(compiled, file, isDirectory).sections.map((s) => s.section.title);

describe('parseMaintainers', () => {
  it('makes a section of each run of tags, titled by the line before it', () => {
    const titles = parseMaintainers(FILE).sections.map((s) => s.title);
    expect(titles).toEqual(['All patches CC here', 'Migration', 'RDMA Migration', 'S390 general architecture support', 'Overall sensors', 'Merged A']);
  });
  it('merges two sections separated by a blank line only, as the Perl script does', () => {
    const merged = parseMaintainers(FILE).sections.at(-1)!;
    expect(merged.tags.filter((t) => t.type === 'M').map((t) => t.value)).toEqual(['First <first@example.org>', 'Second <second@example.org>']);
  });
  it('keeps line numbers and treats a line starting with a multi-byte character as a title', () => {
    const file = parseMaintainers('Title\nM: A <a@b>\nÉ: not a tag\nF: x/\n');
    expect(file.sections.map((s) => [s.title, s.titleLine, s.tags.map((t) => `${t.type}@${t.line}`)])).toEqual([
      ['Title', 1, ['M@2']],
      ['É: not a tag', 3, ['F@4']],
    ]);
  });
});

describe('globToPattern', () => {
  it('converts only . * ? and lets classes through', () => {
    expect(globToPattern('hw/char/sclp*.[hc]')).toBe('hw/char/sclp.*\\.[hc]');
    expect(globToPattern('qga/?x*')).toBe('qga/.x.*');
  });
});

describe('matchFile', () => {
  it('matches a trailing-slash pattern at any depth below it', () => {
    expect(sectionsOf('migration/ram.c')).toEqual(['Migration', 'All patches CC here']);
    expect(sectionsOf('migration/deep/er/file.c')).toContain('Migration');
  });
  it('tests X: exclusions before F: matches', () => {
    expect(sectionsOf('migration/rdma.c')).toEqual(['RDMA Migration', 'All patches CC here']);
  });
  it('lets a glob match only at the depth of the pattern', () => {
    expect(sectionsOf('hw/char/sclp-console.c')).toContain('S390 general architecture support');
    expect(sectionsOf('hw/char/sclp-console.o')).not.toContain('S390 general architecture support');
    expect(sectionsOf('hw/char/sclp/inner.c')).not.toContain('S390 general architecture support');
  });
  it('anchors patterns at the start only, as get_maintainer.pl does', () => {
    // `hw/char/sclp.*\.[hc]` also matches hw/char/sclp.cpp: nothing anchors the end.
    expect(sectionsOf('hw/char/sclp.cpp')).toContain('S390 general architecture support');
  });
  it('covers a whole directory with a slashless pattern only when the tree says it is a directory', () => {
    expect(sectionsOf('hw/sensor/tmp105.c')).toEqual(['All patches CC here']);
    expect(sectionsOf('hw/sensor/tmp105.c', (v) => v === 'hw/sensor')).toEqual(['Overall sensors', 'All patches CC here']);
    // Without the directory, the pattern still names a file of that name.
    expect(sectionsOf('hw/sensor')).toContain('Overall sensors');
  });
  it('orders sections by pattern depth and counts the catch-all as least specific', () => {
    const match = matchFile(compiled, 'hw/char/sclp-console.c', noDirectories);
    expect(match.sections.map((s) => [s.section.title, s.depth])).toEqual([
      ['S390 general architecture support', 3],
      ['All patches CC here', -1],
    ]);
  });
  it('calls a file exactly covered only by a maintained section with an M: deep enough', () => {
    expect(matchFile(compiled, 'migration/ram.c', noDirectories).exact).toBe(true);
    expect(matchFile(compiled, 'migration/sub/ram.c', noDirectories).exact).toBe(false);
    // RDMA Migration is Odd Fixes with reviewers only.
    expect(matchFile(compiled, 'migration/rdma.c', noDirectories).exact).toBe(false);
  });
});

describe('directoryQuestions', () => {
  it('asks only about slashless patterns that match the start of a file', () => {
    // `.*` is F: * converted: the script runs -d on it too (no such directory).
    expect(directoryQuestions(compiled, ['hw/sensor/tmp105.c'])).toEqual(['.*', 'hw/sensor']);
    expect(directoryQuestions(compiled, ['migration/ram.c'])).toEqual(['.*']);
  });
});

describe('K: keywords', () => {
  const patch = (subject: string, added: string) => [`From: A <a@b>`, `Subject: ${subject}`, '', 'Body.', '---', 'diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1,1 +1,2 @@', ' a', `+${added}`];
  const keywordTitles = (lines: string[]) => keywordSectionsOfPatch(compiled, lines).map((s) => s.title);
  it('match the subject header case-insensitively after (?i)', () => {
    expect(keywordTitles(patch('[PATCH] target/S390X: fix', 'x'))).toEqual(['S390 general architecture support']);
  });
  it('cannot match a diff line with a ^-anchored pattern (the script pastes ^[+-].* in front)', () => {
    expect(keywordTitles(patch('[PATCH] net: fix', 'Subject: s390x'))).toEqual([]);
  });
});

describe('perlRegExp', () => {
  it('applies (?i) from where it stands to the end of its group', () => {
    const re = perlRegExp('^Subject:.*(?i)trivial', { extended: true })!;
    expect(re.test('Subject: [PATCH] TRIVIAL fix')).toBe(true);
    expect(re.test('subject: trivial')).toBe(false);
    const grouped = perlRegExp('a(?i:b)c', { extended: false })!;
    expect(grouped.test('aBc')).toBe(true);
    expect(grouped.test('aBC')).toBe(false);
  });
  it('ignores whitespace and comments under /x, and folds classes', () => {
    expect(perlRegExp('foo bar # a comment', { extended: true })!.test('foobar')).toBe(true);
    expect(perlRegExp('(?i)[a-c]x', { extended: false })!.test('BX')).toBe(true);
  });
  it('gives up on what it cannot translate', () => {
    expect(perlRegExp('(?<name>x)', { extended: false })).toBeUndefined();
    expect(perlRegExp('(?s)x', { extended: false })).toBeUndefined();
    expect(perlRegExp('[abc', { extended: false })).toBeUndefined();
  });
});

describe('recipients', () => {
  const sections = (...titles: string[]) => titles.map((t) => parseMaintainers(FILE).sections.find((s) => s.title === t)!);
  it('names people before lists, each once, with get_maintainer.pl roles', () => {
    const lines = recipientsOf(sections('Migration', 'RDMA Migration', 'Overall sensors', 'All patches CC here', 'Migration')).map(formatRecipient);
    expect(lines).toEqual([
      'Peter Xu <peterx@redhat.com> (maintainer:Migration)',
      'Some Reviewer <rev@example.org> (reviewer:Migration)',
      'Li Zhijian <lizhijian@fujitsu.com> (reviewer:RDMA Migration)',
      '"Philippe Mathieu-Daudé" <philmd@linaro.org> (odd fixer:Overall sensors)',
      'qemu-sensors@example.org (moderated list:Overall sensors)',
      'qemu-devel@nongnu.org (open list:All patches CC here)',
    ]);
  });
  it('shortens long section titles as the script does', () => {
    expect(sectionLabel(sections('S390 general architecture support')[0]!)).toBe('S390 general arch...');
    expect(recipientsOf(sections('S390 general architecture support')).map(formatRecipient)).toEqual([
      'Thomas Huth <thuth@redhat.com> (supporter:S390 general arch...)',
      'qemu-s390x@nongnu.org (open list:S390 general arch...)',
    ]);
  });
  it('parses and formats addresses like parse_email() and format_email()', () => {
    expect(parseAddress('Jane Doe <jane@example.org>')).toEqual({ name: 'Jane Doe', email: 'jane@example.org' });
    expect(parseAddress('"Jane Q. Doe" <jane@example.org>')).toEqual({ name: 'Jane Q. Doe', email: 'jane@example.org' });
    expect(parseAddress('devel@lists.libvirt.org')).toEqual({ name: '', email: 'devel@lists.libvirt.org' });
    expect(formatAddress('Daniel P. Berrangé', 'berrange@redhat.com')).toBe('"Daniel P. Berrangé" <berrange@redhat.com>');
    expect(formatAddress('Peter Xu', 'peterx@redhat.com')).toBe('Peter Xu <peterx@redhat.com>');
  });
});

describe('directoryTest', () => {
  const tree = (isDirectory?: (p: string) => Promise<boolean | undefined>): Tree => ({ read: async () => undefined, version: async () => undefined, description: 't', ...(isDirectory ? { isDirectory } : {}) });
  it("uses the tree's answers for the questions the files raise", async () => {
    const test = await directoryTest(tree(async (p) => p === 'hw/sensor'), compiled, ['hw/sensor/tmp105.c'], false);
    expect(test('hw/sensor')).toBe(true);
    expect(test('.*')).toBe(false);
  });
  it('falls back to the caller\'s choice when the tree cannot tell', async () => {
    expect((await directoryTest(tree(), compiled, ['hw/sensor/tmp105.c'], true))('hw/sensor')).toBe(true);
    expect((await directoryTest(tree(), compiled, ['hw/sensor/tmp105.c'], false))('hw/sensor')).toBe(false);
    expect((await directoryTest(tree(async () => undefined), compiled, ['hw/sensor/tmp105.c'], true))('hw/sensor')).toBe(true);
  });
});
