// The English words of a line of prose, with their columns: what is not
// prose is skipped (identifiers, paths, URLs, quoted code, names, acronyms).
export interface Word {
  text: string;
  /** 0-based column in the line. */
  col: number;
}

// Blanked before splitting: URLs, e-mail addresses, `code`, ``code``, 'quoted', "quoted", @names, %formats.
// Most lines have none of what NOT_PROSE looks for: a cheap test first.
const MAY_HOLD_NON_PROSE = /[`'"@%<]|:\/\//;
const NOT_PROSE = /(?<![\w+.-])[a-z][\w+.-]*:\/\/\S+|<[^<>\s@]+@[^<>\s]+>|(?<!\S)[^\s@]+@\S+\.\w+|``[^`]*``|`[^`]*`|(?<![A-Za-z])'[^'\n]*'(?![A-Za-z])|"[^"\n]*"|@[\w-]+|%\w+/g;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const OPENING = new Set([40, 91, 123]); // ( [ {
const CLOSING = new Set([41, 93, 125, 46, 44, 59, 58, 33, 63]); // ) ] } . , ; : ! ?

/** Pushes the parts of `text[start, end)` that are words: lower case, or capitalised, three letters or more. */
function pushParts(text: string, start: number, end: number, words: Word[]): void {
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && text.charCodeAt(i) !== 45) continue; // '-' separates the parts of a compound
    if (i - from >= 3 && isLower(text.charCodeAt(from + 1)) && (isLower(text.charCodeAt(from)) || isUpper(text.charCodeAt(from)))) {
      let plain = true;
      for (let k = from + 1; k < i && plain; k++) plain = isLower(text.charCodeAt(k));
      if (plain) words.push({ text: text.slice(from, i), col: from });
    }
    from = i + 1;
  }
}

/**
 * Words worth a dictionary lookup: whole space-separated chunks that are a
 * plain word or a hyphenated compound with punctuation around it (so never
 * part of `foo_bar`, `a.b`, `f()` or a path); lower case or capitalised (the
 * first of a sentence), not camelCase, not ALLCAPS. A scan by character
 * codes: this runs on every added line of prose.
 */
export function proseWords(line: string): Word[] {
  const text = MAY_HOLD_NON_PROSE.test(line) ? line.replace(NOT_PROSE, (m) => ' '.repeat(m.length)) : line;
  const words: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && text.charCodeAt(i) <= 32) i++;
    let start = i;
    while (i < n && text.charCodeAt(i) > 32) i++;
    let end = i;
    while (start < end && OPENING.has(text.charCodeAt(start))) start++;
    while (end > start && CLOSING.has(text.charCodeAt(end - 1))) end--;
    if (end - start > 2 && text.charCodeAt(end - 2) === 39 && text.charCodeAt(end - 1) === 115) end -= 2; // 's
    let ok = end > start;
    for (let k = start; k < end && ok; k++) {
      const c = text.charCodeAt(k);
      ok = isLower(c) || isUpper(c) || (c === 45 && k > start && k < end - 1);
    }
    if (ok) pushParts(text, start, end, words);
  }
  return words;
}
