import { isCFile } from '../../src/checkpatch/files.js';
import { COMMENT, checkedFiles, sanitisedHunks } from '../../src/checkpatch/hunks.js';
import type { Fix, Rule, RuleContext } from '../../src/engine/types.js';
import { MESSAGE_BODY_FIRST_LINE } from '../../src/patch/model.js';
import { SCHEMA_FILES } from '../../src/qapi/views.js';
import { correctionsOf } from '../../src/spelling/misspellings.js';
import { type Word, proseWords } from '../../src/spelling/words.js';

// Typos are the point reviewers raise most often once the mechanical checks
// pass ("secods", "Defalut", 2025). Only prose the patch adds is read: commit
// messages, QAPI doc comments, C comments, documentation; never code,
// identifiers, URLs, quoted text or context lines. A word is flagged only
// when it is a known misspelling (not merely unknown), so names and jargon
// never are; `spelling: { ignore: [...] }` in the config accepts more.

/** A line of prose the patch adds, and where its text sits in the line. */
interface ProseLine {
  /** The words of `prose`, split once for both checks. */
  words?: Word[];
  file: string | null;
  line: number;
  /** The whole line as the patch has it (for the fix). */
  full: string;
  /** The prose: the line with everything else blanked (same length). */
  prose: string;
}

const TRAILER = /^[A-Z][A-Za-z-]*:\s/;
const DOCS = /\.(?:rst|md|txt)$/;

function commitProse(ctx: RuleContext): ProseLine[] {
  const patch = ctx.patch!;
  const firstTrailer = patch.trailers[0]?.line ?? Number.POSITIVE_INFINITY;
  const lines: ProseLine[] = [{ file: null, line: 1, full: patch.subject, prose: patch.subject.replace(/^[\w/.,+ -]*?: /, (m) => ' '.repeat(m.length)) }];
  patch.message.split('\n').forEach((text, i) => {
    const line = MESSAGE_BODY_FIRST_LINE + i;
    // Quoted mail, pasted output and code are indented or quoted; tags are names.
    if (line >= firstTrailer || /^(?:\s|>)/.test(text) || TRAILER.test(text)) return;
    lines.push({ file: null, line, full: text, prose: text });
  });
  return lines;
}

function fileProse(ctx: RuleContext): ProseLine[] {
  const lines: ProseLine[] = [];
  for (const file of checkedFiles(ctx.patch!.files)) {
    // A line the patch also removes is moved or re-indented text, not new.
    const removed = new Set(file.removed.map((l) => l.text.trim()));
    const fresh = (text: string) => !removed.has(text.trim());
    if (SCHEMA_FILES.test(file.path)) {
      for (const l of file.added) {
        const m = /^#( ?)(.*)$/.exec(l.text);
        // qmp-example lines (-> and <-) are JSON, not prose.
        if (m && fresh(l.text) && !/^\s*(?:->|<-)/.test(m[2]!)) lines.push({ file: file.path, line: l.line, full: l.text, prose: ' '.repeat(1 + m[1]!.length) + m[2]! });
      }
    } else if (isCFile(file.path)) {
      for (const hunk of sanitisedHunks(ctx, file)) {
        for (const l of hunk) {
          if (!l.added || !fresh(l.text) || (!l.code.includes(COMMENT) && !l.code.includes('//'))) continue;
          lines.push({ file: file.path, line: l.line, full: l.text, prose: commentText(l.text, l.code) });
        }
      }
    } else if (DOCS.test(file.path)) {
      // Indented lines are literal blocks and code more often than prose.
      for (const l of file.added) if (fresh(l.text) && !/^(?: {4}|\t)/.test(l.text)) lines.push({ file: file.path, line: l.line, full: l.text, prose: l.text });
    }
  }
  return lines;
}

const COMMENT_RUNS = new RegExp(`${COMMENT}+|//.*$`, 'g');

/** The comment text of a C line (block comments as sanitised, and what follows //), everything else blanked. */
function commentText(text: string, code: string): string {
  let prose = '';
  let last = 0;
  for (const m of code.matchAll(COMMENT_RUNS)) {
    const from = m[0].startsWith('//') ? m.index! + 2 : m.index!;
    const to = m.index! + m[0].length;
    prose += ' '.repeat(from - last) + text.slice(from, to);
    last = to;
  }
  return prose;
}

// "that that" and "had had" are English; any other word twice in a row is a
// slip ("failure through\n#     through vring error fd", pointed out in a
// 2025 review), also across the break between two added lines.
const MAY_REPEAT = new Set(['that', 'had']);

/** A word written twice in a row, with only spaces (or a line break) between. */
function repeatedWords(lines: readonly ProseLine[]): Array<{ line: ProseLine; word: string }> {
  const found: Array<{ line: ProseLine; word: string }> = [];
  let previous: { line: ProseLine; last: string | undefined } | undefined;
  for (const line of lines) {
    const words = (line.words ??= proseWords(line.prose));
    for (let i = 1; i < words.length; i++) {
      const [a, b] = [words[i - 1]!, words[i]!];
      if (a.text.length === b.text.length && a.text.toLowerCase() === b.text.toLowerCase() && !MAY_REPEAT.has(b.text.toLowerCase()) && /^ +$/.test(line.prose.slice(a.col + a.text.length, b.col))) found.push({ line, word: b.text });
    }
    const first = words[0];
    const continues = previous && previous.line.file === line.file && previous.line.line + 1 === line.line;
    if (continues && first && previous!.last && previous!.last.toLowerCase() === first.text.toLowerCase() && !MAY_REPEAT.has(first.text.toLowerCase()) && !line.prose.slice(0, first.col).trim()) {
      found.push({ line, word: first.text });
    }
    // The last word counts only when nothing follows it on its line.
    const last = words.at(-1);
    previous = { line, last: last && !line.prose.slice(last.col + last.text.length).trim() ? last.text : undefined };
  }
  return found;
}

/** `word` corrected with the capitalisation it was written with. */
function recase(correction: string, word: string): string {
  return /^[A-Z]/.test(word) ? correction[0]!.toUpperCase() + correction.slice(1) : correction;
}

const rule: Rule = {
  meta: {
    id: 'spelling/typo',
    severity: 'warning',
    scope: 'patch',
    needs: 'diff',
    fixable: true,
    description: 'An added line of prose (commit message, QAPI doc, C comment, documentation) has a common misspelling, or a word twice in a row.',
  },
  check(ctx) {
    const ignored = new Set((ctx.config.spellingIgnore ?? []).map((w) => w.toLowerCase()));
    const prose = [...commitProse(ctx), ...fileProse(ctx)];
    for (const { line, word } of repeatedWords(prose)) ctx.report({ file: line.file, line: line.line, message: `'${word}' is written twice in a row` });
    // Prose repeats its words: each is looked up once per patch.
    const looked = new Map<string, string[] | undefined>();
    for (const { file, line, full, words } of prose) {
      for (const word of words!) {
        if (ignored.size && ignored.has(word.text.toLowerCase())) continue;
        let corrections = looked.get(word.text);
        if (corrections === undefined && !looked.has(word.text)) looked.set(word.text, (corrections = correctionsOf(word.text)));
        if (!corrections?.length) continue;
        const said = corrections.map((c) => `'${recase(c, word.text)}'`).join(' or ');
        const fix: Fix | undefined = corrections.length === 1 ? { replacement: [full.slice(0, word.col) + recase(corrections[0]!, word.text) + full.slice(word.col + word.text.length)] } : undefined;
        ctx.report({ file, line, message: `'${word.text}' is a common misspelling of ${said}`, ...(fix ? { fix } : {}) });
      }
    }
  },
};

export default rule;
