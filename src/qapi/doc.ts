// Doc-comment bodies, after scripts/qapi/parser.py `get_doc`,
// `get_doc_indented`, `get_doc_paragraph` and `get_doc_line` (RULES.md §2.5,
// §2.6). Where QEMU stops at the first error, this records the problem with
// QEMU's message and reads on, so that one slip does not hide the rest.
//
// A fragment may show a block without its start or its end: the sections it
// cannot see whole are marked incomplete, and lines whose literal-block state
// is unknown get `literal: undefined`.
import type { DocBlock, DocLine, DocProblem, DocSection, DocSectionKind } from './model.js';

export interface RawDocBlock {
  line: number;
  endLine: number;
  startSeen: boolean;
  endSeen: boolean;
  /** Inner lines, `# ` already removed. */
  lines: Array<{ line: number; text: string }>;
  /** Problems found while reading the lines (delimiters, missing space after `#`). */
  problems: DocProblem[];
}

// `re.match(r'@([^:]*): *', line)`: only at the start of the line.
const AT_NAME = /^@([^:]*): */;
// A tagged section; `Note::` and `Example::` are rST, not tags.
const TAG = /^(Returns|Errors|Since|Notes?|Examples?|TODO)(?!::): */;
// get_doc_line: a line that opens a literal block.
const LITERAL_START = /^(\.\. +qmp-example)? *::$/;
// An rST directive opening a paragraph; its body is the indented paragraphs after it.
const DIRECTIVE = /^\.\. +([\w-]+)::/;

export function indentOf(text: string): number {
  return /^\s*/.exec(text)![0].length;
}

/**
 * get_doc_line's literal-block state for each line. For a block whose start is
 * not shown, lines before the first unindented one may be inside a literal
 * block opened above, so they are unknown.
 */
function markLiteral(lines: Array<{ line: number; text: string }>, startSeen: boolean): DocLine[] {
  let literal = false;
  let literalIndent = 0;
  let known = startSeen;
  return lines.map(({ line, text }) => {
    if (!known) {
      // An unindented line ends any literal block; example traffic (`-> {`, `<- {`) is suspect.
      if (text !== '' && indentOf(text) === 0 && !/^(->|<-) /.test(text)) known = true;
      else return { line, text, ...(text === '' ? { literal: false } : {}) };
    }
    if (LITERAL_START.test(text)) {
      literal = true;
      literalIndent = 0;
    } else if (literal && text !== '') {
      const indent = indentOf(text);
      if (literalIndent === 0) literalIndent = indent;
      else if (indent < literalIndent) literal = false;
    }
    return { line, text, literal };
  });
}

const KIND_OF_TAG: Record<string, DocSectionKind> = {
  Returns: 'returns',
  Errors: 'errors',
  Since: 'since',
  TODO: 'todo',
  Note: 'note',
  Notes: 'note',
  Example: 'example',
  Examples: 'example',
};

// QAPIDoc.Kind titles, for "text required after '%s:'".
const KIND_TITLE: Partial<Record<DocSectionKind, string>> = {
  member: 'Member',
  feature: 'Feature',
  returns: 'Returns',
  errors: 'Errors',
  since: 'Since',
  todo: 'Todo',
};

export function parseDocBlock(raw: RawDocBlock): DocBlock {
  const lines = markLiteral(raw.lines, raw.startSeen);
  const block: DocBlock = {
    line: raw.line,
    endLine: raw.endLine,
    startSeen: raw.startSeen,
    endSeen: raw.endSeen,
    lines,
    sections: [],
    members: [],
    features: [],
    problems: [...raw.problems],
  };
  const problem = (kind: DocProblem['kind'], message: string, line: number) => block.problems.push({ kind, message, line });
  let i = 0;
  const at = (k: number) => lines[k]?.text;

  const open = (kind: DocSectionKind, k: number, text: string, name?: string): DocSection => {
    const section: DocSection = { kind, ...(name !== undefined ? { name } : {}), line: lines[k]!.line, endLine: lines[k]!.line, lines: [lines[k]!], text: [text], complete: true };
    block.sections.push(section);
    return section;
  };
  const append = (section: DocSection, k: number) => {
    section.lines.push(lines[k]!);
    section.text.push(lines[k]!.text.trim());
    section.endLine = lines[k]!.line;
  };

  /** get_doc_indented: the continuation lines of a description or tagged section; returns the next index. */
  const indented = (section: DocSection, from: number): number => {
    let k = from;
    while (k < lines.length && at(k) === '') append(section, k++);
    if (k >= lines.length) return k;
    const indent = indentOf(at(k)!);
    if (!indent) return k;
    append(section, k++);
    // parser.py sets prev_line_blank after every appended line, so a
    // de-indent is an error only right after the first continuation line.
    let prevLineBlank = false;
    for (; k < lines.length; k++) {
      const text = at(k)!;
      if (AT_NAME.test(text)) return k;
      if (text !== '' && indentOf(text) < indent) {
        if (!prevLineBlank) problem('indent', `unexpected de-indent (expected at least ${indent} spaces)`, lines[k]!.line);
        return k;
      }
      append(section, k);
      prevLineBlank = true;
    }
    return k;
  };

  const first = at(0);
  if (raw.startSeen && first !== undefined && first.startsWith('@')) {
    if (!first.endsWith(':')) problem('symbol-line', "line should end with ':'", lines[0]!.line);
    const symbol = first.slice(1, first.endsWith(':') ? -1 : undefined);
    if (!symbol) problem('symbol-line', "name required after '@'", lines[0]!.line);
    block.symbol = symbol;
    block.symbolLine = lines[0]!.line;
    i = 1;
  } else if (raw.startSeen) {
    // Free-form documentation.
    for (const line of lines) {
      const m = AT_NAME.exec(line.text);
      if (m) problem('freeform-at-name', `'@${m[1]}:' not allowed in free-form documentation`, line.line);
    }
    parsePlain(0);
    finish();
    return block;
  } else {
    // The block's start is not shown: what comes before the first unindented
    // line belongs to a section that began above.
    let k = 0;
    while (k < lines.length && (at(k) === '' || indentOf(at(k)!) > 0)) k++;
    if (k > 0) {
      const section = open('plain', 0, lines[0]!.text.trim());
      for (let j = 1; j < k; j++) append(section, j);
      section.complete = false;
    }
    i = k;
  }

  /** A plain paragraph from line `k`: a directive's indented body joins the directive. */
  function paragraph(k: number): DocSection {
    const last = block.sections[block.sections.length - 1];
    if (last?.directive !== undefined && indentOf(at(k)!) > 0) {
      for (let j = lines.indexOf(last.lines[last.lines.length - 1]!) + 1; j <= k; j++) append(last, j);
      return last;
    }
    const section = open('plain', k, at(k)!);
    const directive = DIRECTIVE.exec(at(k)!);
    if (directive) section.directive = directive[1]!;
    return section;
  }

  function parsePlain(from: number) {
    let section: DocSection | undefined;
    for (let k = from; k < lines.length; k++) {
      if (at(k) === '') section = undefined;
      else if (section) append(section, k);
      else section = paragraph(k);
    }
  }

  const seen = { member: new Set<string>(), feature: new Set<string>(), tags: new Set<DocSectionKind>() };
  let noMoreArgs = false;
  while (i < lines.length) {
    while (i < lines.length && at(i) === '') i++;
    if (i >= lines.length) break;
    const text = at(i)!;
    if (text === 'Features:') {
      if (block.featuresLine !== undefined) problem('duplicate-section', "duplicated 'Features:' line", lines[i]!.line);
      block.featuresLine = lines[i]!.line;
      i++;
      while (i < lines.length && at(i) === '') i++;
      let any = false;
      let m: RegExpExecArray | null;
      while (i < lines.length && (m = AT_NAME.exec(at(i)!))) {
        any = true;
        const section = describe('feature', m, i);
        i = indented(section, i + 1);
      }
      if (!any && (i < lines.length || raw.endSeen)) problem('empty-section', 'feature descriptions expected', block.featuresLine);
      noMoreArgs = true;
      continue;
    }
    let m = AT_NAME.exec(text);
    if (m) {
      if (noMoreArgs) problem('description-after-section', `description of '@${m[1]}:' follows a section`, lines[i]!.line);
      while (i < lines.length && (m = AT_NAME.exec(at(i)!))) {
        const section = describe('member', m, i);
        i = indented(section, i + 1);
      }
      noMoreArgs = true;
      continue;
    }
    const tag = TAG.exec(text);
    if (tag) {
      const kind = KIND_OF_TAG[tag[1]!]!;
      if (kind === 'note') {
        problem('obsolete-tag', `The '${tag[1]}' section is no longer supported. Please use rST's '.. note::' or '.. admonition:: notes' directives, or another suitable admonition instead.`, lines[i]!.line);
      } else if (kind === 'example') {
        problem('obsolete-tag', `The '${tag[1]}' section is no longer supported. Please use the '.. qmp-example::' directive, or other suitable markup instead.`, lines[i]!.line);
      } else if (kind !== 'todo' && seen.tags.has(kind)) {
        problem('duplicate-section', `duplicated '${KIND_TITLE[kind]}' section`, lines[i]!.line);
      }
      seen.tags.add(kind);
      const section = open(kind, i, text.slice(tag[0].length), tag[1]);
      i = indented(section, i + 1);
      noMoreArgs = true;
      continue;
    }
    // A plain paragraph runs to the next blank line.
    const section = paragraph(i);
    for (i++; i < lines.length && at(i) !== ''; i++) append(section, i);
  }
  finish();
  return block;

  function describe(kind: 'member' | 'feature', m: RegExpExecArray, k: number): DocSection {
    const name = m[1]!;
    if (!name) problem('duplicate-name', 'invalid parameter name', lines[k]!.line);
    else if (seen[kind].has(name)) problem('duplicate-name', `'${name}' parameter name duplicated`, lines[k]!.line);
    seen[kind].add(name);
    const section = open(kind, k, at(k)!.slice(m[0].length), name);
    (kind === 'member' ? block.members : block.features).push(section);
    return section;
  }

  function finish() {
    // An old `Example:` section holds QMP traffic the parser rejects as a whole; its lines are not prose to format-check.
    for (const section of block.sections) if (section.kind === 'example') for (const line of section.lines) delete line.literal;
    const last = block.sections[block.sections.length - 1];
    if (last && !raw.endSeen) last.complete = false;
    for (const section of block.sections) {
      // Trailing blank lines belong to no section's text.
      while (section.text.length > 1 && section.text[section.text.length - 1] === '') {
        section.text.pop();
        section.lines.pop();
        section.endLine = section.lines[section.lines.length - 1]!.line;
      }
      const title = KIND_TITLE[section.kind];
      if (title && section.complete && section.text.every((t) => t === '')) problem('empty-section', `text required after '${title}:'`, section.line);
    }
  }
}
