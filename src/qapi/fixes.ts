// The fixes of the doc-format rules: edits of whole schema lines as the
// patch adds them (`# ` prefix included), used by `patchlint fix`, the
// GitHub App's suggestions and the JSON output alike. A fix is offered only
// where it is certain and trades no finding for another; otherwise none.
import type { Fix } from '../engine/types.js';
import type { DocLine, DocSection } from './model.js';
import { trailingTagsAt } from './since.js';
import type { QapiView } from './views.js';

/** QEMU's limit: `len("# " + text)` (parser.py _validate_doc_line_format). */
export const DOC_LINE_LIMIT = 70;

const width = (line: string) => [...line].length;

/** The schema line as the patch adds it, when it does. */
export function addedRaw(view: QapiView, line: number): string | undefined {
  const entry = view.diff.lines.get(line);
  return entry?.added ? entry.text : undefined;
}

/** One line replaced, when the result stays within the limit. */
export function lineFix(raw: string, fixed: string): Fix | undefined {
  return fixed !== raw && width(fixed.trimEnd()) <= DOC_LINE_LIMIT ? { replacement: [fixed] } : undefined;
}

/** A period after the text, before any trailing `(since X.Y)`, which then stands two spaces off. */
export function withPeriod(raw: string): string {
  const trimmed = raw.trimEnd();
  const tags = trailingTagsAt(trimmed);
  if (tags === undefined) return `${trimmed}.`;
  const text = trimmed.slice(0, tags).trimEnd();
  return `${text}.  ${trimmed.slice(tags).trim()}`;
}

// Paragraph lines that rST reads as structure: lists, directives, tables,
// headings, literal markers. Rewrapping would move or merge them.
const STRUCTURE = /^\s*([*+-]\s|\d+[.)]\s|#\.\s|=|\.\.|\||\+-|:\w[^:]*:\s)/;

/** Words of a paragraph, an inline literal or role (``a b``, :qemu:`x y`) kept whole. */
function words(text: string): string[] {
  return text.match(/(?:``[^`]*``|`[^`]+`|[^\s`])+/g) ?? [];
}

/**
 * A paragraph of a doc section rewrapped to the limit the way QEMU's docs
 * are written: `# @name: text` first, continuation lines `#     text`
 * (four spaces in a member, feature or tagged section, else the first line's
 * indentation); two spaces after a sentence end, also where a line break
 * used to be. Undefined when the paragraph is structure (lists, literal
 * blocks, directives), is not all added by the patch, or cannot fit.
 */
export function rewrapFix(view: QapiView, section: DocSection, line: number): Fix | undefined {
  const at = section.lines.findIndex((l) => l.line === line);
  if (at < 0 || section.directive) return undefined;
  let first = at;
  while (first > 0 && section.text[first - 1] !== '' && !STRUCTURE.test(section.lines[first]!.text)) first--;
  let last = at;
  while (last + 1 < section.lines.length && section.text[last + 1] !== '' && !STRUCTURE.test(section.lines[last + 1]!.text)) last++;
  const lines: DocLine[] = section.lines.slice(first, last + 1);
  if (lines.some((l) => l.literal !== false || l.text.trimEnd().endsWith('::') || (l !== lines[0] && STRUCTURE.test(l.text)))) return undefined;
  if (STRUCTURE.test(lines[0]!.text) && !/^@[\w-]+:\s/.test(lines[0]!.text)) return undefined;
  const raws = lines.map((l) => addedRaw(view, l.line));
  if (raws.some((r) => r === undefined || !/^# /.test(r))) return undefined;
  // The lead: `@name: ` or `Tag: ` of the section's first line, kept on the first line.
  const head = /^(\s*)((?:@[\w-]+|[A-Z][\w-]*):\s+)?/.exec(lines[0]!.text)!;
  const indent = head[1]!;
  const lead = indent + (head[2] ? head[2].trimEnd() + ' ' : '');
  const continuation = head[2] || (first > 0 && section.kind !== 'plain') ? indent + '    ' : indent;
  const tokens: string[] = [];
  const sentenceEnd: boolean[] = [];
  lines.forEach((l, i) => {
    const body = i === 0 ? l.text.slice(head[0].length) : l.text.trim();
    // Two spaces the author wrote after a sentence stay.
    body.split(/(?<=[.!?])  +(?=\S)/).forEach((part, k) => {
      if (k > 0 && sentenceEnd.length) sentenceEnd[sentenceEnd.length - 1] = true;
      for (const w of words(part)) {
        tokens.push(w);
        sentenceEnd.push(false);
      }
    });
  });
  // Where parser.py wants two spaces (see qapi/doc-two-spaces): a sentence end before a capital, digit or `(`.
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (/[.!?]$/.test(tokens[i]!) && /^[A-Z0-9(]/.test(tokens[i + 1]!) && tokens[i] !== 'e.g.' && !(i === 0 && /^\d\.$/.test(tokens[i]!))) sentenceEnd[i] = true;
  }
  if (!tokens.length) return undefined;
  const out: string[] = [];
  let current = `# ${lead}${tokens[0]}`;
  for (let i = 1; i < tokens.length; i++) {
    const gap = sentenceEnd[i - 1] ? '  ' : ' ';
    if (width(current + gap + tokens[i]) <= DOC_LINE_LIMIT) current += gap + tokens[i];
    else {
      out.push(current);
      current = `# ${continuation}${tokens[i]}`;
    }
  }
  out.push(current);
  if (out.some((l) => width(l) > DOC_LINE_LIMIT)) return undefined;
  if (out.join('\n') === raws.join('\n')) return undefined;
  return { replacement: out, line: lines[0]!.line, endLine: lines.at(-1)!.line };
}
