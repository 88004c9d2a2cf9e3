// A small C scanner, good enough for QEMU's migration/options.[ch],
// include/migration/client-options.h and migration/migration-hmp-cmds.c: it
// finds function definitions and prototypes with their lines, and the
// tokens of every body, skipping comments, string contents and preprocessor
// lines. It is not a C compiler: it relies on QEMU's coding style
// (docs/devel/style.rst, enforced by checkpatch.pl: "open brace '{'
// following function declarations go on the next line"), so a `{` or `}` in
// column 0 opens or closes a top-level body. That also lets it read a diff
// hunk, which may start in the middle of a function or of a comment.

/** One line of C with its line number in the file it comes from. */
export interface SourceLine {
  line: number;
  text: string;
  /** Added (post-patch side of a diff) or removed (pre-patch side). */
  changed?: boolean;
}

export type TokenKind = 'ident' | 'number' | 'string' | 'char' | 'punct';

export interface CToken {
  kind: TokenKind;
  /** The token as written; for strings, with the quotes. */
  text: string;
  line: number;
  /** 0-based column. */
  col: number;
  changed: boolean;
  /** Contents of a string literal, escapes left as written. */
  value?: string;
  /** Name of the function whose body holds the token, when known. */
  fn?: string;
}

export interface CComment {
  line: number;
  endLine: number;
  text: string;
}

export interface CFunction {
  name: string;
  /** Line of the name; undefined when a hunk starts inside the body. */
  line?: number;
  /** Line of the closing brace; undefined when the body runs past the text. */
  endLine?: number;
  /** What precedes the name (`bool`, `const char *`, `static void`). */
  returnType: string;
  params: string;
  isStatic: boolean;
  /** The line of the name was added (or removed, on a pre-patch side). */
  headChanged: boolean;
  /** Tokens between the braces, as far as the text shows them. */
  body: CToken[];
}

export interface CPrototype {
  name: string;
  line: number;
  returnType: string;
  params: string;
  isStatic: boolean;
  changed: boolean;
}

export interface CScan {
  tokens: CToken[];
  comments: CComment[];
  functions: CFunction[];
  prototypes: CPrototype[];
}

export interface ScanOptions {
  /**
   * The text is a hunk, not a whole file. `context` is what git printed
   * after the `@@ ... @@` (the last line before the hunk that starts like a
   * definition): it names the function a hunk that starts inside a body is in.
   */
  fragment?: { context?: string };
}

const PUNCT = new Set('{}()[];,:=*&<>!?+-/%|^~.#'.split(''));
const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z_]\w*/y;
const NUMBER = /[\w.]+/y;

interface LexState {
  inComment: boolean;
}

/** Scans whole-file text. */
export function scanCText(text: string): CScan {
  return scanC(text.split('\n').map((t, i) => ({ line: i + 1, text: t.replace(/\r$/, '') })));
}

export function scanC(lines: readonly SourceLine[], options: ScanOptions = {}): CScan {
  const state: LexState = { inComment: options.fragment ? startsInsideComment(lines) : false };
  const tokens: CToken[] = [];
  const comments: CComment[] = [];
  let continued = false;
  for (const source of lines) {
    // Preprocessor lines (with their continuations) carry no definitions
    // we look for, and `#define DEFINE_PROP_MIG_CAP(name, x)` must not
    // count as a use of the macro.
    if (!state.inComment && (continued || /^\s*#/.test(source.text))) {
      continued = /\\\s*$/.test(source.text);
      continue;
    }
    continued = false;
    lexLine(source, state, tokens, comments);
  }
  const { functions, prototypes } = structure(tokens, options.fragment ? { context: options.fragment.context } : undefined);
  return { tokens, comments, functions, prototypes };
}

/** A hunk may begin inside a block comment: its first `*\/` comes before any `/*`. */
function startsInsideComment(lines: readonly SourceLine[]): boolean {
  for (const { text } of lines) {
    const open = text.indexOf('/*');
    const close = text.indexOf('*/');
    if (close >= 0 && (open < 0 || close < open)) return true;
    if (open >= 0) return false;
  }
  return false;
}

function lexLine(source: SourceLine, state: LexState, tokens: CToken[], comments: CComment[]): void {
  const text = source.text;
  const changed = source.changed ?? false;
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, value?: string) =>
    tokens.push({ kind, text: text.slice(start, end), line: source.line, col: start, changed, ...(value !== undefined ? { value } : {}) });
  while (i < text.length) {
    if (state.inComment) {
      const close = text.indexOf('*/', i);
      const part = text.slice(i, close < 0 ? text.length : close);
      const last = comments[comments.length - 1];
      // A fragment may start inside a comment that opened before it.
      if (!last) comments.push({ line: source.line, endLine: source.line, text: part });
      else {
        last.text += (last.endLine === source.line ? '' : '\n') + part;
        last.endLine = source.line;
      }
      if (close < 0) return;
      state.inComment = false;
      i = close + 2;
      continue;
    }
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\f' || c === '\v') {
      i++;
    } else if (text.startsWith('/*', i)) {
      comments.push({ line: source.line, endLine: source.line, text: '' });
      state.inComment = true;
      i += 2;
    } else if (text.startsWith('//', i)) {
      comments.push({ line: source.line, endLine: source.line, text: text.slice(i + 2) });
      return;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      push(c === '"' ? 'string' : 'char', i, Math.min(j + 1, text.length), text.slice(i + 1, Math.min(j, text.length)));
      i = j + 1;
    } else if (IDENT_START.test(c)) {
      IDENT.lastIndex = i;
      const end = i + IDENT.exec(text)![0].length;
      push('ident', i, end);
      i = end;
    } else if (c >= '0' && c <= '9') {
      NUMBER.lastIndex = i;
      const end = i + NUMBER.exec(text)![0].length;
      push('number', i, end);
      i = end;
    } else {
      if (PUNCT.has(c)) push('punct', i, i + 1);
      i++;
    }
  }
}

interface Frame {
  /** A function body, or any other top-level braces (initialisers, structs). */
  kind: 'function' | 'other';
  fn?: CFunction;
}

/** `bool migrate_caps_check(bool *old_caps,` -> `migrate_caps_check`. */
export function functionNameOfContext(context: string | undefined): string | undefined {
  if (!context) return undefined;
  const m = /^[A-Za-z_][\w\s*]*?\b([A-Za-z_]\w*)\s*\(/.exec(context.trim());
  return m?.[1];
}

function structure(tokens: CToken[], fragment?: { context?: string }): Pick<CScan, 'functions' | 'prototypes'> {
  const functions: CFunction[] = [];
  const prototypes: CPrototype[] = [];
  let frame: Frame | undefined;
  let depth = 0;
  let statement: CToken[] = [];

  if (fragment && startsInsideBody(tokens, fragment.context)) {
    const name = functionNameOfContext(fragment.context);
    if (name) {
      const fn: CFunction = { name, returnType: '', params: '', isStatic: /^\s*static\b/.test(fragment.context ?? ''), headChanged: false, body: [] };
      functions.push(fn);
      frame = { kind: 'function', fn };
    } else frame = { kind: 'other' };
    // The real depth is unknown: only a brace in column 0 closes this body.
    depth = Number.POSITIVE_INFINITY;
  }

  for (const token of tokens) {
    const isOpen = token.text === '{' && token.kind === 'punct';
    const isClose = token.text === '}' && token.kind === 'punct';
    if (frame) {
      if (isOpen && token.col === 0) {
        // A new top-level body: whatever was open is over (unbalanced #ifdef branches).
        frame = undefined;
        depth = 0;
      } else if (isClose && (token.col === 0 || depth === 1)) {
        if (frame.fn) frame.fn.endLine = token.line;
        frame = undefined;
        depth = 0;
        statement = [];
        continue;
      } else {
        if (isOpen) depth++;
        if (isClose) depth--;
        if (frame.fn) {
          token.fn = frame.fn.name;
          frame.fn.body.push(token);
        }
        continue;
      }
    }
    if (isOpen) {
      const fn = definitionHead(statement);
      frame = fn ? { kind: 'function', fn } : { kind: 'other' };
      if (fn) functions.push(fn);
      depth = 1;
      statement = [];
      continue;
    }
    if (token.text === ';' && token.kind === 'punct') {
      const proto = prototypeOf(statement);
      if (proto) prototypes.push(proto);
      statement = [];
      continue;
    }
    statement.push(token);
  }
  return { functions, prototypes };
}

/** Does a hunk begin inside a body? Its first column-0 brace closes one. */
function startsInsideBody(tokens: CToken[], context: string | undefined): boolean {
  const brace = tokens.find((t) => t.kind === 'punct' && (t.text === '{' || t.text === '}') && t.col === 0);
  if (brace) return brace.text === '}';
  // No column-0 brace at all: indented code under a function context is inside it.
  return functionNameOfContext(context) !== undefined && (tokens[0]?.col ?? 0) > 0;
}

/** `type name(params)` right before a `{`: a function definition head. */
function definitionHead(statement: CToken[]): CFunction | undefined {
  const call = callShape(statement);
  if (!call) return undefined;
  const { nameToken, ...head } = call;
  return { ...head, headChanged: nameToken.changed, body: [] };
}

function prototypeOf(statement: CToken[]): CPrototype | undefined {
  const call = callShape(statement);
  if (!call) return undefined;
  return { name: call.name, line: call.line, returnType: call.returnType, params: call.params, isStatic: call.isStatic, changed: call.nameToken.changed };
}

/**
 * `[type...] name ( ... )` with at least one type token, nothing after the
 * closing parenthesis but attributes, and no `=` (initialisers, calls).
 */
function callShape(statement: CToken[]): (Omit<CFunction, 'headChanged' | 'body' | 'line'> & { line: number; nameToken: CToken }) | undefined {
  const open = statement.findIndex((t) => t.text === '(' && t.kind === 'punct');
  if (open < 2) return undefined;
  const nameToken = statement[open - 1]!;
  if (nameToken.kind !== 'ident') return undefined;
  const before = statement.slice(0, open - 1);
  if (before.some((t) => t.text === '=' || t.text === '(' || t.text === ')' || t.text === ',' || (t.kind !== 'ident' && t.text !== '*'))) return undefined;
  if (before[0]!.text === 'typedef' || before[0]!.text === 'return') return undefined;
  let depth = 0;
  let close = -1;
  for (let i = open; i < statement.length; i++) {
    const t = statement[i]!.text;
    if (t === '(') depth++;
    if (t === ')' && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close < 0) return undefined;
  if (statement.slice(close + 1).some((t) => t.text === '=' || t.text === ',')) return undefined;
  return {
    name: nameToken.text,
    line: nameToken.line,
    returnType: joinTokens(before),
    params: joinTokens(statement.slice(open + 1, close)),
    isStatic: before.some((t) => t.text === 'static'),
    nameToken,
  };
}

/** Tokens back to text, one space between words: `const char *`. */
export function joinTokens(tokens: readonly CToken[]): string {
  let out = '';
  for (const t of tokens) {
    const glue = out === '' || t.text === ',' || t.text === ')' || out.endsWith('(') || out.endsWith('*') || (t.text === '(' && /\w$/.test(out));
    out += (glue ? '' : ' ') + t.text;
  }
  return out;
}
