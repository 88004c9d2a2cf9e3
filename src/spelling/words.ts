// The English words of a line of prose, with their columns: what is not
// prose is skipped (identifiers, paths, URLs, quoted code, names, acronyms).
export interface Word {
  text: string;
  /** 0-based column in the line. */
  col: number;
}

// Blanked before splitting: URLs, e-mail addresses, `code`, ``code``, 'quoted', "quoted", @names, %formats.
const NOT_PROSE = /\b[a-z][\w+.-]*:\/\/\S+|<[^>\s]+@[^>\s]+>|\S+@\S+\.\w+|``[^`]*``|`[^`]*`|(?<![A-Za-z])'[^'\n]*'(?![A-Za-z])|"[^"\n]*"|@[\w-]+|%\w+/g;
// A chunk between spaces that is a plain word or a hyphenated compound, with punctuation around it.
const CHUNK = /\S+/g;
const PLAIN = /^[([{]*([A-Za-z]+(?:-[A-Za-z]+)*)(?:'s)?[)\]}.,;:!?]*$/;

/** Words worth a dictionary lookup: lower case, or capitalised (the first of a sentence); not camelCase, not ALLCAPS. */
export function proseWords(line: string): Word[] {
  const text = line.replace(NOT_PROSE, (m) => ' '.repeat(m.length));
  const words: Word[] = [];
  for (const chunk of text.matchAll(CHUNK)) {
    const m = PLAIN.exec(chunk[0]);
    if (!m) continue;
    let offset = chunk.index! + chunk[0].indexOf(m[1]!);
    for (const part of m[1]!.split('-')) {
      if (part.length >= 3 && /^[A-Za-z][a-z]+$/.test(part)) words.push({ text: part, col: offset });
      offset += part.length + 1;
    }
  }
  return words;
}
