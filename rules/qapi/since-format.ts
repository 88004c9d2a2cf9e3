import type { Rule } from '../../src/engine/types.js';
import type { DocSection } from '../../src/qapi/index.js';
import { type SinceTag, sinceTagsOf, withoutTrailingTags } from '../../src/qapi/since.js';
import { addedRaw, lineFix } from '../../src/qapi/fixes.js';
import { type QapiView, qapiViews, SCHEMA_FILES } from '../../src/qapi/views.js';

// qapi-code-gen.rst writes `(since x.y.z)` at the end of a description and a
// `Since: x.y` section; "Markup pitfalls": `Since 7.1`, `since: 7.1` and
// `Since : 7.1` are plain text, not a section. The majority spelling in
// qapi/*.json is `(since X.Y)`; `(Since X.Y)` also occurs.
const MISSPELT_SECTION = /^([Ss]ince\s*(?::\s*)?)(\d+\.\d+(?:\.\d+)?)/;

/** The tag written the canonical way, in its line; not when it is misplaced (where it belongs is a judgement). */
function tagFix(view: QapiView, tag: SinceTag, problem: string) {
  const raw = addedRaw(view, tag.line);
  if (raw === undefined || problem.includes('at the end') || !tag.pure) return undefined;
  const release = tag.version.replace(/^(\d+\.\d+)\.0$/, '$1');
  return lineFix(raw, raw.replace(tag.text, tag.form === 'section' ? `Since: ${release}` : `(since ${release})`));
}

/** What is wrong with the way a tag is written, if anything (qapi/doc-period stays quiet on such a line). */
export function tagProblem(tag: SinceTag, section: DocSection): string | undefined {
  const release = tag.version.replace(/^(\d+\.\d+)\.0$/, '$1');
  if (tag.form === 'section') {
    return release !== tag.version ? `write 'Since: ${release}', not 'Since: ${tag.version}'` : undefined;
  }
  const problems: string[] = [];
  if (/^\(\s*[Ss]ince:/.test(tag.text)) problems.push(`write '(since ${release})', not '${tag.text}'`);
  else if (release !== tag.version && tag.pure) problems.push(`write '(since ${release})', not '${tag.text}'`);
  // Text after the tag (other than more tags) means it is not at the end.
  const index = section.lines.findIndex((l) => l.line === tag.line);
  const rest = [section.lines[index]!.text.slice(tag.index + tag.text.length), ...section.lines.slice(index + 1).map((l) => l.text)].join(' ');
  if (withoutTrailingTags(`x ${rest}`).trim() !== 'x') problems.push(`put '${tag.text}' at the end of the description`);
  return problems.length ? problems.join('; ') : undefined;
}

const rule: Rule = {
  meta: {
    id: 'qapi/since-format',
    severity: 'info',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: "A since annotation is not written '(since X.Y)' at the end of the description, or 'Since: X.Y' as a section.",
    wholeFile: true,
    fixable: true,
  },
  async check(ctx) {
    for (const view of await qapiViews(ctx)) {
      for (const doc of view.after.docs) {
        for (const section of doc.sections) {
          const first = section.lines[0]!;
          const misspelt = section.kind === 'plain' && doc.symbol !== undefined ? MISSPELT_SECTION.exec(first.text) : null;
          if (misspelt && misspelt[1] !== 'Since: ' && view.changed(first.line)) {
            const raw = addedRaw(view, first.line);
            const fix = raw === undefined || first.text !== misspelt[0] ? undefined : lineFix(raw, raw.replace(misspelt[0], `Since: ${misspelt[2]}`));
            ctx.report({ file: view.path, line: first.line, message: `'${misspelt[0]}' is plain text to QEMU, not a section: write 'Since: ${misspelt[2]}'`, ...(fix ? { fix } : {}) });
            continue;
          }
          for (const tag of sinceTagsOf(section)) {
            if (!view.changed(tag.line)) continue;
            const problem = tagProblem(tag, section);
            const fix = problem ? tagFix(view, tag, problem) : undefined;
            if (problem) ctx.report({ file: view.path, line: tag.line, message: problem, ...(fix ? { fix } : {}) });
          }
        }
      }
    }
  },
};

export default rule;
