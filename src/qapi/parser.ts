// The QAPI schema parser, after scripts/qapi/parser.py `_parse`, `get_expr`,
// `get_members`, `get_values` and `get_doc` (RULES.md §2.2, §2.5). It is not
// JSON: single quotes, `#` comments, no numbers or null.
//
// Syntax errors stop the parse where QEMU's would stop. Doc-comment problems
// do not: they are recorded on the doc block and the parse goes on.
import { parseDocBlock } from './doc.js';
import { type Token, lexLine, splitLines } from './lexer.js';
import type { Definition, DocBlock, DocProblem, QDict, QList, QValue, SchemaError, SchemaFile } from './model.js';
import { applyPragma, definitionFrom, emptyPragmas } from './values.js';

// Both are thrown to unwind the recursive parser and caught by it, never
// shown: plain objects, since an Error records a stack trace at every throw,
// and fragments of every schema patch throw them routinely.

/** The tokens ran out inside an expression (fragments only). */
export class Truncated {}

export class SyntaxFailure {
  constructor(readonly error: SchemaError) {}

  get message(): string {
    return this.error.message;
  }
}

/** Tokens of `lines` (line numbers from `firstLine`) up to the first lexical error. */
export function lexLines(lines: readonly string[], firstLine: number): { tokens: Token[]; error?: SchemaError } {
  const tokens: Token[] = [];
  for (const [i, text] of lines.entries()) {
    const lexed = lexLine(text, firstLine + i);
    for (const token of lexed.tokens) tokens.push(token); // push(...) overflows the stack on a long line
    if (lexed.error) return { tokens, error: lexed.error };
  }
  return { tokens };
}

/**
 * A cursor over tokens with parser.py's `accept(skip_comment)`: ordinary
 * comments are skipped, but one starting with `##` always stops the lexer
 * (it opens a doc block, even after code on the same line).
 */
export class TokenCursor {
  private index = -1;
  tok: Token | undefined;
  /** How many containers parseValue is inside. */
  depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    /** Raised when the tokens run out and the text had a lexical error there. */
    private readonly lexError: SchemaError | undefined,
    /** Where EOF errors point. */
    private readonly eof: { line: number; col: number },
    /** Fragment mode: running out of tokens inside an expression is not an error. */
    readonly truncatable = false,
  ) {}

  accept(skipComment = true): void {
    for (;;) {
      this.index++;
      this.tok = this.tokens[this.index];
      if (!this.tok) {
        if (this.lexError) throw new SyntaxFailure(this.lexError);
        return;
      }
      if (this.tok.kind !== 'comment' || !skipComment || this.tok.text.startsWith('##')) return;
    }
  }

  fail(message: string): never {
    if (!this.tok && this.truncatable) throw new Truncated();
    const where = this.tok ?? this.eof;
    throw new SyntaxFailure({ message, line: where.line, col: where.col });
  }

  /** The token after the current one, as accept() would find it. */
  peek(): Token | undefined {
    for (let i = this.index + 1; i < this.tokens.length; i++) {
      const tok = this.tokens[i]!;
      if (tok.kind !== 'comment' || tok.text.startsWith('##')) return tok;
    }
    return undefined;
  }

  /** The current token is `kind` (a method, so that TypeScript does not narrow across accept()). */
  is(kind: Token['kind']): boolean {
    return this.tok?.kind === kind;
  }
}

/**
 * How deep containers may nest. QEMU's schemas nest a few levels, and
 * parser.py itself dies of Python's recursion limit at a few hundred; the
 * cap keeps this recursive parser, and every walk over its values, far from
 * the stack's end.
 */
export const MAX_NESTING = 100;

function isValueStart(tok: Token | undefined): boolean {
  return !!tok && (tok.kind === '{' || tok.kind === '[' || tok.kind === 'string' || tok.kind === 'bool');
}

/**
 * get_expr. Containers are attached to their parents before they are filled,
 * so that when a fragment's tokens run out (Truncated) the partial value is
 * still there for the caller.
 */
export function parseValue(cur: TokenCursor, attach: (value: QValue) => void = () => {}): QValue {
  const tok = cur.tok;
  if ((tok?.kind === '{' || tok?.kind === '[') && cur.depth >= MAX_NESTING) cur.fail(`nesting deeper than ${MAX_NESTING} levels`);
  cur.depth++;
  try {
    return parseOne(cur, attach);
  } finally {
    cur.depth--;
  }
}

function parseOne(cur: TokenCursor, attach: (value: QValue) => void): QValue {
  const tok = cur.tok;
  if (tok?.kind === '{') {
    const dict: QDict = { kind: 'dict', entries: [], line: tok.line, col: tok.col, endLine: tok.line, closed: false };
    attach(dict);
    cur.accept();
    parseMembers(cur, dict);
    return dict;
  }
  if (tok?.kind === '[') {
    const list: QList = { kind: 'list', items: [], line: tok.line, col: tok.col, endLine: tok.line, closed: false };
    attach(list);
    cur.accept();
    parseValues(cur, list);
    return list;
  }
  if (tok?.kind === 'string' || tok?.kind === 'bool') {
    const value: QValue = tok.kind === 'string' ? { kind: 'string', value: tok.text, line: tok.line, col: tok.col } : { kind: 'bool', value: tok.bool!, line: tok.line, col: tok.col };
    attach(value);
    cur.accept();
    return value;
  }
  return cur.fail("expected '{', '[', string, or boolean");
}

function close(container: QDict | QList, cur: TokenCursor) {
  container.endLine = cur.tok!.line;
  container.closed = true;
  cur.accept();
}

function parseMembers(cur: TokenCursor, dict: QDict): void {
  if (cur.is('}')) return close(dict, cur);
  if (!cur.is('string')) cur.fail("expected string or '}'");
  const keys = new Set<string>();
  for (;;) {
    const key = cur.tok!;
    dict.endLine = key.line;
    cur.accept();
    if (!cur.is(':')) cur.fail("expected ':'");
    cur.accept();
    if (keys.has(key.text)) cur.fail(`duplicate key '${key.text}'`);
    keys.add(key.text);
    const entry: QDict['entries'][number] = { key: key.text, line: key.line, col: key.col };
    dict.entries.push(entry);
    const value = parseValue(cur, (v) => (entry.value = v));
    dict.endLine = value.kind === 'dict' || value.kind === 'list' ? value.endLine : value.line;
    if (cur.is('}')) return close(dict, cur);
    if (!cur.is(',')) cur.fail("expected ',' or '}'");
    cur.accept();
    if (!cur.is('string')) cur.fail('expected string');
  }
}

function parseValues(cur: TokenCursor, list: QList): void {
  if (cur.is(']')) return close(list, cur);
  if (!isValueStart(cur.tok)) cur.fail("expected '{', '[', ']', string, or boolean");
  for (;;) {
    const value = parseValue(cur, (v) => list.items.push(v));
    list.endLine = value.kind === 'dict' || value.kind === 'list' ? value.endLine : value.line;
    if (cur.is(']')) return close(list, cur);
    if (!cur.is(',')) cur.fail("expected ',' or ']'");
    cur.accept();
  }
}

/**
 * get_doc: reads a doc block from its opening `##` comment. Delimiter and
 * `#`-spacing slips are recorded and skipped; a block cut short by code ends
 * there, unterminated, and the code is left for the caller.
 */
export function readDocBlock(cur: TokenCursor): DocBlock {
  const open = cur.tok!;
  const problems: DocProblem[] = [];
  if (open.text !== '##') problems.push({ kind: 'block-delimiters', message: "junk after '##' at start of documentation comment", line: open.line });
  const lines: Array<{ line: number; text: string }> = [];
  let endLine = open.line;
  let endSeen = false;
  cur.accept(false);
  for (;;) {
    const tok = cur.tok;
    if (!tok || tok.kind !== 'comment') {
      problems.push({ kind: 'block-delimiters', message: "documentation comment must end with '##'", line: tok?.line ?? endLine });
      break;
    }
    endLine = tok.line;
    if (tok.text.startsWith('##')) {
      if (tok.text !== '##') problems.push({ kind: 'block-delimiters', message: "junk after '##' at end of documentation comment", line: tok.line });
      endSeen = true;
      cur.accept();
      break;
    }
    if (tok.text === '#') lines.push({ line: tok.line, text: '' });
    else if (tok.text[1] !== ' ') {
      problems.push({ kind: 'hash-space', message: 'missing space after #', line: tok.line });
      lines.push({ line: tok.line, text: tok.text.slice(1).trimEnd() });
    } else lines.push({ line: tok.line, text: tok.text.slice(2).trimEnd() });
    cur.accept(false);
  }
  return parseDocBlock({ line: open.line, endLine, startSeen: true, endSeen, lines, problems });
}

/** `_parse`: attaches a definition doc block to the definition that follows it. */
export function parseSchema(text: string): SchemaFile {
  const lines = splitLines(text);
  const { tokens, error } = lexLines(lines, 1);
  const file: SchemaFile = { definitions: [], directives: [], docs: [], pragmas: emptyPragmas(), errors: [], mode: 'whole' };
  const cur = new TokenCursor(tokens, error, { line: Math.max(lines.length, 1), col: 1 });
  let pendingDoc: DocBlock | undefined;
  // reject_expr_doc: a definition doc must be followed by its definition.
  const rejectDoc = (doc: DocBlock | undefined) => {
    if (doc?.symbol) doc.problems.push({ kind: 'symbol-line', message: `documentation for '${doc.symbol}' is not followed by the definition`, line: doc.line });
  };
  try {
    cur.accept();
    while (cur.tok) {
      if (cur.tok.kind === 'comment') {
        rejectDoc(pendingDoc);
        pendingDoc = readDocBlock(cur);
        file.docs.push(pendingDoc);
        continue;
      }
      const start = cur.tok;
      const expr = parseValue(cur);
      if (expr.kind !== 'dict') throw new SyntaxFailure({ message: 'top-level expression must be an object', line: start.line, col: start.col });
      const directive = expr.entries.find((e) => e.key === 'include' || e.key === 'pragma');
      if (directive) {
        rejectDoc(pendingDoc);
        checkDirective(expr, directive.key as 'include' | 'pragma', start);
        file.directives.push({ kind: directive.key as 'include' | 'pragma', line: start.line, expr });
        if (directive.key === 'pragma' && directive.value?.kind === 'dict') applyPragma(file.pragmas, directive.value);
      } else {
        const definition: Definition = definitionFrom(expr, true);
        if (pendingDoc) attachDoc(definition, pendingDoc);
        file.definitions.push(definition);
      }
      pendingDoc = undefined;
    }
    rejectDoc(pendingDoc);
  } catch (failure) {
    if (!(failure instanceof SyntaxFailure)) throw failure;
    file.errors.push(failure.error);
  }
  return file;
}

/** `_parse` for `include` and `pragma` directives. */
export function checkDirective(expr: QDict, key: 'include' | 'pragma', start: { line: number; col: number }): void {
  const fail = (message: string): never => {
    throw new SyntaxFailure({ message, line: start.line, col: start.col });
  };
  if (expr.entries.length !== 1) fail(`invalid '${key}' directive`);
  const value = expr.entries[0]!.value;
  if (key === 'include' && value?.kind !== 'string') fail("value of 'include' must be a string");
  if (key === 'pragma' && value?.kind !== 'dict') fail("value of 'pragma' must be an object");
}

/** QEMU attaches the doc block; a free-form block there, or a symbol that is not the name, is a problem. */
export function attachDoc(definition: Definition, doc: DocBlock): void {
  if (doc.startSeen && doc.symbol === undefined) {
    doc.problems.push({ kind: 'symbol-line', message: 'definition documentation required', line: doc.line });
    return;
  }
  definition.doc = doc;
  // expr.py check_exprs: "documentation comment is for '%s'" (an empty symbol is already "name required after '@'").
  if (doc.symbol && definition.name !== undefined && doc.symbol !== definition.name) {
    doc.problems.push({ kind: 'symbol-line', message: `documentation comment is for '${doc.symbol}'`, line: doc.symbolLine ?? doc.line });
  }
}
