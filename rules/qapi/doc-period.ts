import type { Rule } from '../../src/engine/types.js';
import type { DocSection } from '../../src/qapi/index.js';
import { sinceTagsOf, withoutTrailingTags } from '../../src/qapi/since.js';
import { addedRaw, lineFix, withPeriod } from '../../src/qapi/fixes.js';
import { tagProblem } from './since-format.js';
import { qapiViews, SCHEMA_FILES } from '../../src/qapi/views.js';

// Maintainers ask that member, value and feature descriptions and free-text
// sentences end with a period, before any trailing "(since X.Y)", "for
// consistency" (review of `@unstable: Member @local-incoming is
// experimental`). Lists, literal blocks, headings, directives and lines
// ending in ':' are not sentences; nor is text ending in ')' such as
// "(default: false)", which the rule cannot judge.
//
// A warning where the text is a sentence or several (a verb such as "is" or
// "must", or a sentence that ends inside it: what reviewers ask to fix); a
// one-phrase description (`@cipher: Symmetric Key Cipher service`, merged
// so every week) is an info. A line qapi/since-format already flags for its
// tag gets no second finding.
const INNER_SENTENCE_END = /[A-Za-z0-9)`'"][.!?]\s+[A-Z@`(]/;
const FINITE_VERB = /\b(?:is|are|was|were|be|been|has|have|had|can|cannot|could|may|might|must|shall|should|will|would|does|do|did|isn't|aren't|doesn't|don't)\b/i;

// A verb in a relative clause ("disk image which should be controlled") leaves a noun phrase.
const RELATIVE_CLAUSE = /\b(?:which|that|who|whose|where|when|if|whether)\b.*$/i;

/** The section reads as one or more sentences, not a phrase. */
function isSentence(section: DocSection): boolean {
  const text = section.text.map((t) => withoutTrailingTags(t).trim()).join(' ');
  return INNER_SENTENCE_END.test(text) || FINITE_VERB.test(text.replace(RELATIVE_CLAUSE, ''));
}
const NOT_PROSE = /^\s*([*+-]\s|\d+[.)]\s|#\.\s|=|\.\.|\||\+-)/;
const ENDS_IN_URL = /\b(https?|ftp):\/\/\S+$/;
const MISSPELT_SINCE = /^[Ss]ince\s*(?::\s*)?\d/;
// A description that only says when (`@blkreplay: Since 4.2`) is no sentence.
const ONLY_SINCE = /^\(?[Ss]ince:?\s*\d+\.\d+(\.\d+)?\)?$/;

/** The line where the section's last sentence ends, if it is prose that should end with a period but does not. */
function missingPeriod(section: DocSection): number | undefined {
  // A literal block, including rST's contracted form `text::`, which QEMU's parser does not spot.
  if (section.lines.some((l) => l.literal !== false || l.text.trimEnd().endsWith('::'))) return undefined;
  let end = section.text.length - 1;
  while (end >= 0 && section.text[end] === '') end--;
  let start = end;
  while (start > 0 && section.text[start - 1] !== '') start--;
  if (end < 0 || NOT_PROSE.test(section.text[start]!) || (section.kind === 'plain' && MISSPELT_SINCE.test(section.text[start]!))) return undefined;
  if (start === end && ONLY_SINCE.test(section.text[end]!.trim())) return undefined;
  for (let k = end; k >= start; k--) {
    const text = withoutTrailingTags(section.text[k]!).trimEnd();
    if (!text) continue;
    if (ENDS_IN_URL.test(text)) return undefined;
    return /[A-Za-z0-9`]$/.test(text) ? section.lines[k]!.line : undefined;
  }
  return undefined;
}

const rule: Rule = {
  meta: {
    id: 'qapi/doc-period',
    severity: 'warning',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: 'A member, value or feature description, or a free-text sentence, does not end with a period (before a trailing (since X.Y)).',
    wholeFile: true,
    fixable: true,
  },
  async check(ctx) {
    for (const view of await qapiViews(ctx)) {
      for (const doc of view.after.docs) {
        for (const [i, section] of doc.sections.entries()) {
          // Text that goes on unindented on the next line reads as a new paragraph to QEMU: an indentation slip, not a missing period.
          const next = doc.sections[i + 1];
          if (next?.kind === 'plain' && next.line === section.endLine + 1) continue;
          if (!section.complete || (section.kind !== 'member' && section.kind !== 'feature' && section.kind !== 'plain')) continue;
          const line = missingPeriod(section);
          if (line === undefined || !view.changed(line)) continue;
          if (sinceTagsOf(section).some((t) => t.line === line && tagProblem(t, section))) continue;
          const sentence = isSentence(section);
          const what = section.kind === 'plain' ? (sentence ? 'this sentence' : 'this text') : `the description of @${section.name}`;
          const raw = addedRaw(view, line);
          const fix = raw === undefined ? undefined : lineFix(raw, withPeriod(raw));
          ctx.report({ file: view.path, line, severity: sentence ? 'warning' : 'info', message: `end ${what} with a period${line !== section.endLine ? ', before the (since X.Y)' : ''}`, ...(fix ? { fix } : {}) });
        }
      }
    }
  },
};

export default rule;
