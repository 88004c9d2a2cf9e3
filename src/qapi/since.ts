// Since annotations (qapi-code-gen.rst, "Definition documentation"): "A
// 'Since: x.y.z' tagged section lists the release that introduced the
// definition. Extensions added after the definition was first released carry
// a '(since x.y.z)' comment."
import type { DocSection } from './model.js';

export interface SinceTag {
  /** `X.Y` or `X.Y.Z` as written. */
  version: string;
  line: number;
  /** `paren`: `(since X.Y)` in a description; `section`: a `Since: X.Y` section. */
  form: 'paren' | 'section';
  /** The annotation as written: `(Since: 10.2)`, `Since: 10.2`. */
  text: string;
  /** Where it starts in the doc line's text. */
  index: number;
  /** Nothing but the version inside the parentheses (`(since 2.5; default: on)` is not). */
  pure: boolean;
}

// `(since 10.2)`, `(Since 2.0)`, `(since: 9.1)`, `(since 2.5; default: on)`.
const PAREN_TAG = /\(\s*[Ss]ince:?\s*(\d+\.\d+(?:\.\d+)?)(\s*\)|[^)\d][^)]*\))/g;
// Any version after "since": enough to say a description tells when.
const ANY_SINCE = /\b[Ss]ince:?\s*\d+\.\d+/;
const SECTION_VERSION = /^(\d+\.\d+(?:\.\d+)?)/;

/** The `(since X.Y)` annotations in one line of doc text. */
export function parenTagsIn(text: string, line: number): SinceTag[] {
  return [...text.matchAll(PAREN_TAG)].map((m) => ({
    version: m[1]!,
    line,
    form: 'paren' as const,
    text: m[0],
    index: m.index!,
    pure: /^\s*\)$/.test(m[2]!),
  }));
}

/** Every since annotation of a doc section, in order. */
export function sinceTagsOf(section: DocSection): SinceTag[] {
  if (section.kind === 'since') {
    const version = SECTION_VERSION.exec(section.text[0] ?? '')?.[1];
    const first = section.lines[0]!;
    const tag: SinceTag[] = version ? [{ version, line: first.line, form: 'section', text: first.text, index: 0, pure: first.text === `Since: ${version}` }] : [];
    return [...tag, ...section.lines.slice(1).flatMap((l) => parenTagsIn(l.text, l.line))];
  }
  return section.lines.flatMap((l) => (l.literal === true ? [] : parenTagsIn(l.text, l.line)));
}

/** The section says when, in any wording. */
export function mentionsSince(section: DocSection): boolean {
  return section.text.some((t) => ANY_SINCE.test(t));
}

// Pure tags at the end of a text, with what separates them from it.
const TRAILING_TAGS = /(\s*\(\s*[Ss]ince:?\s*\d+\.\d+(?:\.\d+)?\s*\))+\s*$/;

/** A text without the since annotations it ends with. */
export function withoutTrailingTags(text: string): string {
  return text.replace(TRAILING_TAGS, '');
}
