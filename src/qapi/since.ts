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

// `(since 10.2)`, `(Since 2.0)`, `(since: 9.1)`, `(since 2.5; default: on)`:
// the head, then up to the next `)` found by a scan (as one regular
// expression, every head with no `)` after it would scan to the end).
const PAREN_HEAD = /\(\s*[Ss]ince:?\s*(\d+\.\d+(?:\.\d+)?)/g;
// Any version after "since": enough to say a description tells when.
const ANY_SINCE = /\b[Ss]ince:?\s*\d+\.\d+/;
const SECTION_VERSION = /^(\d+\.\d+(?:\.\d+)?)/;

/** The `(since X.Y)` annotations in one line of doc text. */
export function parenTagsIn(text: string, line: number): SinceTag[] {
  const tags: SinceTag[] = [];
  const head = new RegExp(PAREN_HEAD);
  for (let m; (m = head.exec(text)); ) {
    const close = text.indexOf(')', head.lastIndex);
    if (close < 0) break;
    // The version is read whole, so what follows it up to the `)` is white space (pure) or a note.
    const pure = !text.slice(head.lastIndex, close).trim();
    tags.push({ version: m[1]!, line, form: 'paren', text: text.slice(m.index, close + 1), index: m.index, pure });
    head.lastIndex = close + 1;
  }
  return tags;
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

const PURE_TAG = /^\(\s*[Ss]ince:?\s*\d+\.\d+(?:\.\d+)?\s*\)$/;

/**
 * Where the pure `(since X.Y)` tags a text ends with start, with the white
 * space before them; undefined when it ends with none. What
 * `/(\s*\(\s*[Ss]ince:?\s*\d+\.\d+(?:\.\d+)?\s*\))+\s*$/` finds, read from
 * the end: that expression tries every start and is quadratic on a long
 * run of white space or of tags.
 */
export function trailingTagsAt(text: string): number | undefined {
  let at: number | undefined;
  for (let end = text.trimEnd().length; text[end - 1] === ')'; ) {
    const open = text.lastIndexOf('(', end - 1);
    if (open < 0 || !PURE_TAG.test(text.slice(open, end))) break;
    at = end = text.slice(0, open).trimEnd().length;
  }
  return at;
}

/** A text without the since annotations it ends with. */
export function withoutTrailingTags(text: string): string {
  return text.slice(0, trailingTagsAt(text));
}
