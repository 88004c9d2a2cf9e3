// Fragment mode: what the hunks of a patch show of a schema file when the
// file itself is not available (no tree, or the patch did not apply). Each run
// of consecutive post-patch lines is read on its own, and only what is certain
// is kept:
//
// - Doc blocks are found from their `##` lines. A run that starts inside a
//   block (no opening `##` shown) is taken as doc text only when it has doc
//   structure (`@name:`, `Features:`, a section tag) or is closed by a `##`
//   followed by code; its lines before the first unindented one may be inside
//   a literal block opened above, so their literal state is unknown.
// - Top-level expressions start with `{` in column 1, as in every QEMU schema
//   file. One that starts before the run (a "tail") is recovered from its
//   closing brackets: its members are known only if the run also shows the
//   end of the definition (a following `{` in column 1 or `##`), which fixes
//   the nesting depth.
// - A definition split over two runs is joined only on evidence: its doc
//   block (in the first run) describes names that the tail (in the second)
//   declares: two of them, or one that both the doc and the tail add.
import { parseDocBlock, type RawDocBlock } from './doc.js';
import { type Token, lexLine } from './lexer.js';
import type { Definition, DocBlock, DocProblem, QDict, QEntry, QList, QValue, SchemaError, SchemaFile } from './model.js';
import { SyntaxFailure, TokenCursor, Truncated, attachDoc, parseValue } from './parser.js';
import { definitionFrom, emptyPragmas, featuresOf, membersOfDict, valuesOfList } from './values.js';

/** A line of the post-patch file as a patch shows it. */
export interface SourceLine {
  line: number;
  text: string;
  added: boolean;
}

/** Runs of consecutive lines. */
export function runsOf(lines: Iterable<SourceLine>): SourceLine[][] {
  const runs: SourceLine[][] = [];
  for (const line of [...lines].sort((a, b) => a.line - b.line)) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1]!.line === line.line - 1) last.push(line);
    else runs.push([line]);
  }
  return runs;
}

const isComment = (text: string) => /^\s*#/.test(text);
const isDelimiter = (text: string) => /^\s*##/.test(text);
const isBlank = (text: string) => text.trim() === '';
// Lines only definition documentation has.
const DOC_STRUCTURE = /^# (@[^:\s]*:|Features:$|(Returns|Errors|Since|Notes?|Examples?|TODO):)/;

/** get_doc_line on one comment: its text, and the problem if `#` is not followed by a space. */
function docLine(comment: string, line: number, problems: DocProblem[]): { line: number; text: string } {
  const text = comment.trim().replace(/\r$/, '');
  if (text === '#') return { line, text: '' };
  if (text[1] !== ' ') {
    problems.push({ kind: 'hash-space', message: 'missing space after #', line });
    return { line, text: text.slice(1).trimEnd() };
  }
  return { line, text: text.slice(2).trimEnd() };
}

interface Piece {
  kind: 'doc' | 'code';
  from: number;
  /** Exclusive. */
  to: number;
  doc?: DocBlock;
}

/** Splits a run into doc blocks and code (index ranges into the run). */
function piecesOf(run: readonly SourceLine[]): { pieces: Piece[]; problems: DocProblem[] } {
  const pieces: Piece[] = [];
  const n = run.length;
  const text = (k: number) => run[k]!.text;
  const doc = (from: number, to: number, startSeen: boolean, endSeen: boolean) => {
    const problems: DocProblem[] = [];
    const inner = run.slice(startSeen ? from + 1 : from, endSeen ? to - 1 : to).filter((l) => !isBlank(l.text));
    if (startSeen && text(from).trim() !== '##') problems.push({ kind: 'block-delimiters', message: "junk after '##' at start of documentation comment", line: run[from]!.line });
    if (endSeen && text(to - 1).trim() !== '##') problems.push({ kind: 'block-delimiters', message: "junk after '##' at end of documentation comment", line: run[to - 1]!.line });
    const raw: RawDocBlock = {
      line: run[from]!.line,
      endLine: run[to - 1]!.line,
      startSeen,
      endSeen,
      lines: inner.map((l) => docLine(l.text, l.line, problems)),
      problems,
    };
    pieces.push({ kind: 'doc', from, to, doc: parseDocBlock(raw) });
  };

  let i = 0;
  // A run that starts with comments may start inside a doc block.
  if (n && isComment(text(0)) && !isDelimiter(text(0))) {
    let end = 0;
    while (end < n && isComment(text(end)) && !isDelimiter(text(end))) end++;
    const structured = run.slice(0, end).some((l) => DOC_STRUCTURE.test(l.text));
    if (end < n && isDelimiter(text(end))) {
      const after = end + 1 < n ? text(end + 1) : undefined;
      // A `##` followed by code or a blank line closes a block; followed by a comment, it opens one.
      const closes = after === undefined ? structured : !isComment(after) || isDelimiter(after);
      if (closes) {
        doc(0, end + 1, false, true);
        i = end + 1;
      } else i = end;
    } else if (end === n && structured) {
      doc(0, n, false, false);
      i = n;
    } else i = end;
  }
  let codeFrom = i;
  const flushCode = (to: number) => {
    if (to > codeFrom) pieces.push({ kind: 'code', from: codeFrom, to });
  };
  while (i < n) {
    if (!isDelimiter(text(i))) {
      i++;
      continue;
    }
    flushCode(i);
    const start = i;
    let j = i + 1;
    // QEMU's doc mode skips blank lines; code ends the block (an error QEMU reports).
    while (j < n && (isBlank(text(j)) || (isComment(text(j)) && !isDelimiter(text(j))))) j++;
    if (j < n && isDelimiter(text(j))) {
      doc(start, j + 1, true, true);
      i = j + 1;
    } else if (j >= n) {
      doc(start, n, true, false);
      i = n;
    } else {
      let last = j - 1;
      while (last > start && isBlank(text(last))) last--;
      doc(start, last + 1, true, false);
      pieces[pieces.length - 1]!.doc!.problems.push({ kind: 'block-delimiters', message: "documentation comment must end with '##'", line: run[j]!.line });
      i = last + 1;
    }
    codeFrom = i;
  }
  flushCode(n);
  return { pieces, problems: [] };
}

/** What a tail showed: closed nesting levels, innermost first. */
interface TailLevel {
  closer: '}' | ']';
  entries: QEntry[];
  items: QValue[];
  line: number;
  endLine: number;
}

interface Tail {
  levels: TailLevel[];
  /** The nesting level still open when the tokens ran out has content. */
  openContent: boolean;
  line: number;
  endLine: number;
}

/** Runs a parse step: a syntax error is recorded, running out of tokens is no error in a fragment. */
function parseGuarded(step: () => void, errors: SchemaError[]): 'ok' | 'truncated' | 'failed' {
  try {
    step();
    return 'ok';
  } catch (failure) {
    if (failure instanceof Truncated) return 'truncated';
    if (!(failure instanceof SyntaxFailure)) throw failure;
    errors.push(failure.error);
    return 'failed';
  }
}

/**
 * Reads tokens that start inside an expression. At the unknown levels it
 * collects entries and items until a closing bracket reveals the level's
 * kind; known nested values are parsed normally. Stops before a `{` in column
 * 1. Misplaced commas it can be sure of are reported as QEMU words them.
 */
function readTail(cur: TokenCursor, errors: SchemaError[]): Tail {
  const tail: Tail = { levels: [], openContent: false, line: cur.tok!.line, endLine: cur.tok!.line };
  let level = { entries: [] as QEntry[], items: [] as QValue[], listEvidence: false };
  let commas = 0;
  let sawValue = false;
  let pendingComma = false;
  let first = true;
  const error = (message: string, tok: Token) => errors.push({ message, line: tok.line, col: tok.col });
  while (cur.tok && !(cur.tok.kind === '{' && cur.tok.col === 1)) {
    const tok = cur.tok;
    tail.endLine = tok.line;
    if (tok.kind === '}' || tok.kind === ']') {
      if (pendingComma) error(tok.kind === '}' ? 'expected string' : "expected '{', '[', string, or boolean", tok);
      // Values after a comma make the level a list, keys a dict (a first value may belong to a key not shown).
      const kind = level.listEvidence ? ']' : level.entries.length ? '}' : tok.kind;
      if (kind !== tok.kind) error(`expected ',' or '${kind}'`, tok);
      tail.levels.push({ closer: kind, entries: level.entries, items: level.items, line: tail.line, endLine: tok.line });
      level = { entries: [], items: [], listEvidence: false };
      sawValue = true;
      pendingComma = false;
      commas = 0;
      cur.accept();
    } else if (tok.kind === ',') {
      commas++;
      pendingComma = true;
      sawValue = false;
      cur.accept();
    } else if (tok.kind === ':') {
      // The key is on a line not shown: skip its value.
      cur.accept();
      const outcome = parseGuarded(() => parseValue(cur), errors);
      if (outcome === 'truncated') break;
      if (outcome === 'failed') return tail;
      sawValue = true;
    } else {
      if (sawValue && !first) {
        const kind = level.entries.length ? '}' : level.items.length ? ']' : undefined;
        error(kind ? `expected ',' or '${kind}'` : "expected ',' or '}'", tok);
      }
      const outcome = parseGuarded(() => {
        if (tok.kind === 'string' && cur.peek()?.kind === ':') {
          const entry: QEntry = { key: tok.text, line: tok.line, col: tok.col };
          level.entries.push(entry);
          cur.accept();
          cur.accept();
          parseValue(cur, (v) => (entry.value = v));
        } else {
          if (commas > 0) level.listEvidence = true;
          parseValue(cur, (v) => level.items.push(v));
        }
      }, errors);
      if (outcome === 'truncated') break;
      if (outcome === 'failed') return tail;
      sawValue = true;
      pendingComma = false;
    }
    first = false;
  }
  tail.openContent = level.entries.length > 0 || level.items.length > 0;
  return tail;
}

const SPECIAL_FEATURES = new Set(['deprecated', 'unstable']);

/**
 * The definition a tail ends, when the end of the definition was seen: its
 * outermost closed level is the top-level object, and the level inside it is
 * the value of a key whose line is not shown: `data` (or a union's `base`).
 */
function definitionOfTail(tail: Tail, boundarySeen: boolean): Definition | undefined {
  if (!boundarySeen || tail.openContent || !tail.levels.length) return undefined;
  const top = tail.levels[tail.levels.length - 1]!;
  if (top.closer !== '}') return undefined;
  const definition: Definition = { line: tail.line, endLine: top.endLine, complete: false, members: [], features: [] };
  const features = top.entries.find((e) => e.key === 'features');
  if (features) definition.features = featuresOf(features.value);
  const inner = tail.levels[tail.levels.length - 2];
  if (!inner) return definition;
  if (inner.closer === ']') {
    const list: QList = { kind: 'list', items: inner.items, line: inner.line, col: 1, endLine: inner.endLine, closed: true };
    // A top-level `features` list also closes this way; enum values are anything else.
    if (!inner.items.every((item) => item.kind === 'string' && SPECIAL_FEATURES.has(item.value))) definition.members = valuesOfList(list);
  } else {
    const keys = inner.entries.map((e) => e.key);
    // An `if` condition's `all`/`any`/`not` are not members.
    if (!keys.every((k) => k === 'all' || k === 'any' || k === 'not')) {
      const dict: QDict = { kind: 'dict', entries: inner.entries, line: inner.line, col: 1, endLine: inner.endLine, closed: true };
      definition.members = membersOfDict(dict, 'member');
    }
  }
  return definition;
}

interface RunResult {
  definitions: Definition[];
  docs: DocBlock[];
  errors: SchemaError[];
  /** The run starts inside a definition. */
  tail?: Definition;
  /** The run ends inside a definition (a head), or with a doc block whose definition is not shown. */
  open?: { definition?: Definition; doc?: DocBlock };
}

function parseRun(run: readonly SourceLine[]): RunResult {
  const result: RunResult = { definitions: [], docs: [], errors: [] };
  const { pieces } = piecesOf(run);
  let lastDoc: { doc: DocBlock; to: number } | undefined;
  let codeSeen = false;
  for (const [p, piece] of pieces.entries()) {
    if (piece.kind === 'doc') {
      result.docs.push(piece.doc!);
      lastDoc = { doc: piece.doc!, to: piece.to };
      continue;
    }
    const tokens: Token[] = [];
    let cutAt: number | undefined;
    for (let k = piece.from; k < piece.to; k++) {
      const lexed = lexLine(run[k]!.text, run[k]!.line);
      for (const t of lexed.tokens) if (t.kind !== 'comment') tokens.push(t); // push(...) overflows on a long line
      if (lexed.error) {
        result.errors.push(lexed.error);
        cutAt = k;
        break;
      }
    }
    if (!tokens.length) continue;
    // The code is followed, in this run, by a doc block (whose `##` starts at top level).
    const boundarySeen = cutAt === undefined && p + 1 < pieces.length;
    const last = tokens[tokens.length - 1]!;
    const cur = new TokenCursor(tokens, undefined, { line: last.line, col: last.col }, true);
    cur.accept();
    if (!(cur.is('{') && cur.tok!.col === 1)) {
      const tail = readTail(cur, result.errors);
      const definition = definitionOfTail(tail, boundarySeen || !!cur.tok);
      if (definition && !codeSeen && p === 0) result.tail = definition;
      else if (definition) result.definitions.push(definition);
    }
    codeSeen = true;
    while (cur.tok) {
      const start = cur.tok;
      let holder: QValue | undefined;
      try {
        const expr = parseValue(cur, (v) => (holder = v));
        if (expr.kind !== 'dict') {
          result.errors.push({ message: 'top-level expression must be an object', line: start.line, col: start.col });
          continue;
        }
        if (expr.entries.some((e) => e.key === 'include' || e.key === 'pragma')) continue;
        const definition = definitionFrom(expr, true);
        if (lastDoc && precedes(run, lastDoc.to, start.line)) attachDoc(definition, lastDoc.doc);
        result.definitions.push(definition);
      } catch (failure) {
        if (failure instanceof SyntaxFailure) {
          result.errors.push(failure.error);
          // Resume at the next top-level start.
          while (cur.tok && !(cur.tok.kind === '{' && cur.tok.col === 1 && cur.tok !== start)) cur.accept();
          continue;
        }
        if (!(failure instanceof Truncated)) throw failure;
        if (holder?.kind === 'dict') {
          const definition = definitionFrom(holder, false);
          if (lastDoc && precedes(run, lastDoc.to, start.line)) attachDoc(definition, lastDoc.doc);
          result.definitions.push(definition);
          if (p === pieces.length - 1) result.open = { definition, ...(definition.doc ? { doc: definition.doc } : {}) };
        }
        break;
      }
    }
    lastDoc = undefined;
  }
  const final = pieces[pieces.length - 1];
  if (final?.kind === 'doc' && final.doc!.symbol !== undefined) result.open = { doc: final.doc! };
  else if (final?.kind === 'doc' && !final.doc!.endSeen) result.open = { doc: final.doc! };
  return result;
}

/** Only blank lines and ordinary comments lie between a doc block and a definition. */
function precedes(run: readonly SourceLine[], docEnd: number, line: number): boolean {
  for (let k = docEnd; k < run.length && run[k]!.line < line; k++) {
    if (!isBlank(run[k]!.text) && !isComment(run[k]!.text)) return false;
  }
  return true;
}

/** Joins a definition (or a doc block) that ends one run with the tail that starts the next, on evidence. */
function joinable(doc: DocBlock | undefined, tail: Definition, added: (line: number) => boolean): boolean {
  if (!doc) return false;
  const described = new Map(doc.members.map((s) => [s.name!, s]));
  const shared = tail.members.filter((m) => described.has(m.name));
  return shared.length >= 2 || shared.some((m) => added(m.line) && added(described.get(m.name)!.line));
}

/** Everything the runs of a patch show of one schema file. */
export function parseFragments(lines: Iterable<SourceLine>): SchemaFile {
  const all = [...lines];
  const addedLines = new Set(all.filter((l) => l.added).map((l) => l.line));
  const added = (line: number) => addedLines.has(line);
  const file: SchemaFile = { definitions: [], directives: [], docs: [], pragmas: emptyPragmas(), errors: [], mode: 'fragment' };
  let previous: RunResult | undefined;
  for (const run of runsOf(all)) {
    const result = parseRun(run);
    for (const item of result.docs) file.docs.push(item);
    for (const item of result.errors) file.errors.push(item);
    if (result.tail) {
      const open = previous?.open;
      if (open && joinable(open.doc, result.tail, added)) {
        const head = open.definition;
        if (head) {
          for (const item of result.tail.members) head.members.push(item);
          for (const item of result.tail.features) head.features.push(item);
          head.endLine = result.tail.endLine;
        } else {
          const definition: Definition = { ...result.tail, ...(open.doc!.symbol !== undefined ? { name: open.doc!.symbol } : {}), doc: open.doc! };
          file.definitions.push(definition);
        }
      } else file.definitions.push(result.tail);
    }
    for (const item of result.definitions) file.definitions.push(item);
    previous = result;
  }
  file.definitions.sort((a, b) => a.line - b.line);
  return file;
}
