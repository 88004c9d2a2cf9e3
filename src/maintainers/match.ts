// scripts/get_maintainer.pl's selection, emulated (RULES.md §7.2): which
// MAINTAINERS sections a file belongs to, which sections the K: keywords of
// a patch pull in, and the people and lists those sections name, with the
// roles get_maintainer.pl prints.
import type { MaintainersFile, MaintainersSection, MaintainersTag } from './parse.js';
import { perlRegExp } from './perl-regex.js';

/** get_maintainer.pl turns an F:/X: glob into a regex by hand: `.` `*` `?` only. */
export function globToPattern(glob: string): string {
  return glob.replace(/\./g, '\\.').replace(/\*/g, '.*').replace(/\?/g, '.');
}

const slashes = (s: string): number => s.split('/').length - 1;

interface CompiledPattern {
  /** The converted value, before any directory slash is added. */
  value: string;
  prefix: RegExp | null;
  prefixOfDirectory: RegExp | null;
}

export interface CompiledMaintainers {
  file: MaintainersFile;
  patterns: Map<MaintainersTag, CompiledPattern>;
  keywords: Array<{
    tag: MaintainersTag;
    section: MaintainersSection;
    /** As applied before the first `+++` line, and to whole files. */
    regex: RegExp | undefined;
    /** As applied to diff lines: get_maintainer.pl pastes `^[+-].*` in front. */
    inDiff: RegExp | undefined;
  }>;
}

// `$file =~ m@^$pattern@`: the value is pasted into the regex as it is.
function compile(source: string): RegExp | null {
  try {
    return new RegExp(`^${source}`);
  } catch {
    return null;
  }
}

export function compileMaintainers(file: MaintainersFile): CompiledMaintainers {
  const patterns = new Map<MaintainersTag, CompiledPattern>();
  const keywords: CompiledMaintainers['keywords'] = [];
  for (const section of file.sections) {
    for (const tag of section.tags) {
      if (tag.type === 'F' || tag.type === 'X') {
        const value = globToPattern(tag.value);
        patterns.set(tag, { value, prefix: compile(value), prefixOfDirectory: compile(value.replace(/([^/])$/, '$1/')) });
      } else if (tag.type === 'K') {
        keywords.push({
          tag,
          section,
          regex: perlRegExp(tag.value, { extended: true }),
          inDiff: perlRegExp(`^[+-].*${tag.value}`, { extended: true }),
        });
      }
    }
  }
  return { file, patterns, keywords };
}

/** Whether a converted F:/X: value names a directory of the tree (`-d $value`). */
export type DirectoryTest = (value: string) => boolean;

/**
 * The converted F:/X: values whose directory status can change whether they
 * match one of `files`: those that lack a trailing slash and whose regex
 * matches the start of the file. Only these need asking the tree about.
 */
export function directoryQuestions(maintainers: CompiledMaintainers, files: readonly string[]): string[] {
  const asked = new Set<string>();
  for (const pattern of maintainers.patterns.values()) {
    if (pattern.value.endsWith('/') || asked.has(pattern.value)) continue;
    if (files.some((f) => pattern.prefix?.test(f))) asked.add(pattern.value);
  }
  return [...asked];
}

/** file_match_pattern(): a trailing-slash pattern covers everything below; others only the same depth. */
function fileMatches(file: string, pattern: CompiledPattern, isDirectory: DirectoryTest): { matched: boolean; value: string } {
  const directory = !pattern.value.endsWith('/') && pattern.prefix?.test(file) && isDirectory(pattern.value);
  const value = directory ? pattern.value.replace(/([^/])$/, '$1/') : pattern.value;
  const regex = directory ? pattern.prefixOfDirectory : pattern.prefix;
  if (!regex?.test(file)) return { matched: false, value };
  return { matched: value.endsWith('/') || slashes(file) === slashes(value), value };
}

export interface SectionMatch {
  section: MaintainersSection;
  /** get_maintainer.pl's `value_pd` of the last matching F: of the section. */
  depth: number;
}

export interface FileMatch {
  file: string;
  /** Matching sections, most specific first. */
  sections: SectionMatch[];
  /** A maintained section with an M: matches at least as deep as the file (else git-fallback would add signers). */
  exact: boolean;
}

const isMaintained = (s: MaintainersSection) => s.tags.some((t) => t.type === 'S' && /maintain|support/i.test(t.value));
const hasMaintainer = (s: MaintainersSection) => s.tags.some((t) => t.type === 'M');

export function matchFile(maintainers: CompiledMaintainers, file: string, isDirectory: DirectoryTest): FileMatch {
  const matches: SectionMatch[] = [];
  let exact = false;
  const fileDepth = slashes(file);
  for (const section of maintainers.file.sections) {
    const pattern = (tag: MaintainersTag) => maintainers.patterns.get(tag)!;
    // "Files exclusions are tested before file matches."
    if (section.tags.some((t) => t.type === 'X' && fileMatches(file, pattern(t), isDirectory).matched)) continue;
    let depth: number | undefined;
    for (const tag of section.tags) {
      if (tag.type !== 'F') continue;
      const { matched, value } = fileMatches(file, pattern(tag), isDirectory);
      if (!matched) continue;
      let valueDepth = slashes(value) + (value.endsWith('/') ? 0 : 1);
      if (value.startsWith('.*')) valueDepth = -1;
      if (valueDepth >= fileDepth && isMaintained(section) && hasMaintainer(section)) exact = true;
      depth = valueDepth;
    }
    if (depth !== undefined) matches.push({ section, depth });
  }
  // Perl sorts the section hash by depth; equal depths come out in hash
  // order, which varies between runs. File order is the stable choice.
  matches.sort((a, b) => b.depth - a.depth);
  return { file, sections: matches, exact };
}

/**
 * Sections whose K: regex matches the patch: every line before the first
 * `+++` as it is (mail headers, commit message), and only `+`/`-` lines
 * after it. In get_maintainer.pl's order (its indexes sorted as strings).
 */
export function keywordSectionsOfPatch(maintainers: CompiledMaintainers, patchLines: readonly string[]): MaintainersSection[] {
  const hits = new Set<(typeof maintainers.keywords)[number]>();
  let inDiff = false;
  for (const line of patchLines) {
    if (/^\+\+\+\s+\S/.test(line)) {
      inDiff = true;
      continue;
    }
    if (/^@@ -\d+,\d+/.test(line)) continue;
    for (const keyword of maintainers.keywords) if ((inDiff ? keyword.inDiff : keyword.regex)?.test(line)) hits.add(keyword);
  }
  return orderKeywords([...hits]);
}

/** K: entries whose regex matches a whole file's text (get_maintainer.pl -f). */
export function keywordHitsOfText(maintainers: CompiledMaintainers, text: string): CompiledMaintainers['keywords'] {
  return maintainers.keywords.filter((k) => k.regex?.test(text));
}

/** get_maintainer.pl's sort_and_uniq of K: line indexes: a string sort. */
export function orderKeywords(hits: CompiledMaintainers['keywords']): MaintainersSection[] {
  return hits.sort((a, b) => String(a.tag.order).localeCompare(String(b.tag.order))).map((k) => k.section);
}
