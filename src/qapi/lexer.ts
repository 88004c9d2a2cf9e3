// The QAPI schema lexer, after scripts/qapi/parser.py `accept()` (RULES.md
// §2.1). No token spans a line (strings may not contain a newline, comments
// end with it), so a line can be lexed on its own: that is what lets a patch
// fragment be read without the rest of the file.
import type { SchemaError } from './model.js';

export type TokenKind = '{' | '}' | ':' | ',' | '[' | ']' | 'string' | 'bool' | 'comment';

export interface Token {
  kind: TokenKind;
  line: number;
  col: number;
  /** String contents (escapes resolved), or the comment from its `#` to the end of the line. */
  text: string;
  /** For `bool`. */
  bool?: boolean;
}

export interface LexedLine {
  tokens: Token[];
  /** The first lexical error of the line; the tokens before it are kept. */
  error?: SchemaError;
}

const SINGLE = new Set(['{', '}', ':', ',', '[', ']']);
// parser.py: a stray character is shown "up to next structural, whitespace or quote character".
const STRAY_RUN = /[^[\]{}:,\s'"]+/y;

/** QEMU's column of `pos`: 1-based, and its own rule for tabs (QAPIParseError). */
export function qemuColumn(text: string, pos: number): number {
  let col = 1;
  for (let i = 0; i < pos; i++) col = text[i] === '\t' ? ((col + 7) % 8) + 1 : col + 1;
  return col;
}

/**
 * qemuColumn for positions asked in increasing order, each in the time of
 * the step from the last one: counting from the line's start for every token
 * is quadratic on a long line.
 */
function columnCounter(text: string): (pos: number) => number {
  let at = 0;
  let col = 1;
  return (pos) => {
    if (pos < at) return qemuColumn(text, pos);
    for (; at < pos; at++) col = text[at] === '\t' ? ((col + 7) % 8) + 1 : col + 1;
    return col;
  };
}

export function lexLine(text: string, line: number): LexedLine {
  const tokens: Token[] = [];
  const column = columnCounter(text);
  const fail = (message: string, pos: number): LexedLine => ({ tokens, error: { message, line, col: column(pos) } });
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '#') {
      tokens.push({ kind: 'comment', line, col: column(i), text: text.slice(i).replace(/\r$/, '') });
      break;
    }
    if (SINGLE.has(ch)) {
      tokens.push({ kind: ch as TokenKind, line, col: column(i), text: ch });
      i++;
      continue;
    }
    if (ch === "'") {
      const start = i;
      let value = '';
      let escaped = false;
      i++;
      for (;;) {
        if (i >= text.length) return fail(`missing terminating "'"`, start);
        const c = text[i++]!;
        if (escaped) {
          // Only \\ : "we have no use for funny characters in strings".
          if (c !== '\\') return fail(`unknown escape \\${c}`, start);
          escaped = false;
        } else if (c === '\\') {
          escaped = true;
          continue;
        } else if (c === "'") {
          break;
        }
        const code = c.charCodeAt(0);
        if (code < 32 || code >= 127) return fail('funny character in string', start);
        value += c;
      }
      tokens.push({ kind: 'string', line, col: column(start), text: value });
      continue;
    }
    // `true` and `false` match by prefix, as startswith() does: `trueX` is true, then stray 'X'.
    if (text.startsWith('true', i) || text.startsWith('false', i)) {
      const bool = text.startsWith('true', i);
      tokens.push({ kind: 'bool', line, col: column(i), text: bool ? 'true' : 'false', bool });
      i += bool ? 4 : 5;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    STRAY_RUN.lastIndex = i;
    const run = STRAY_RUN.exec(text)?.[0] ?? ch;
    return fail(`stray '${run}'`, i);
  }
  return { tokens };
}

/** Lines of a file as QEMU reads it (a missing final newline is added). */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.replace(/\r$/, ''));
}
