// The doc-comment problems QEMU's parser reports (scripts/qapi/parser.py
// get_doc, get_doc_line, get_doc_indented, class QAPIDoc; expr.py for a doc
// block naming another definition). doc.ts, parser.ts and fragment.ts record
// them with QEMU's message; each qapi/doc-* rule that reports them is this
// helper over its kinds.
import type { ReportInput, RuleContext } from '../engine/types.js';
import type { DocProblem, DocProblemKind } from './model.js';
import { type QapiView, qapiViews } from './views.js';

/**
 * Reports every doc problem of `kinds` on a line the patch adds as new text
 * (every line, in `patchlint schema`), in the touched schema files, with
 * QEMU's message; `extra` adds a fix or a severity to a finding.
 */
export async function reportDocProblems(
  ctx: RuleContext,
  kinds: readonly DocProblemKind[],
  extra?: (view: QapiView, problem: DocProblem) => Partial<ReportInput>,
): Promise<void> {
  for (const view of await qapiViews(ctx)) {
    for (const doc of view.after.docs) {
      for (const problem of doc.problems) {
        if (!kinds.includes(problem.kind) || !view.changed(problem.line)) continue;
        ctx.report({ file: view.path, line: problem.line, message: problem.message, ...extra?.(view, problem) });
      }
    }
  }
}
