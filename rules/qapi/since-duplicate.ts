import type { Rule } from '../../src/engine/types.js';
import { sinceTagsOf } from '../../src/qapi/since.js';
import { qapiViews, SCHEMA_FILES } from '../../src/qapi/views.js';

// One description, one "(since x.y.z)" (qapi-code-gen.rst); a second one
// usually comes from a rebase that added the tag again.
const rule: Rule = {
  meta: {
    id: 'qapi/since-duplicate',
    severity: 'warning',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: 'A description or section carries more than one (since X.Y).',
    wholeFile: true,
  },
  async check(ctx) {
    for (const view of await qapiViews(ctx)) {
      for (const doc of view.after.docs) {
        for (const section of doc.sections) {
          const tags = sinceTagsOf(section).filter((t) => t.form === 'paren' && t.pure);
          if (tags.length < 2 || !tags.some((t) => view.changed(t.line))) continue;
          const first = tags[0]!;
          const last = tags[tags.length - 1]!;
          ctx.report({
            file: view.path,
            line: first.line,
            endLine: last.line,
            message: `${tags.length} since annotations in ${section.kind === 'member' || section.kind === 'feature' ? `the description of @${section.name}` : 'one section'}: ${tags.map((t) => t.text).join(', ')}; keep one`,
          });
        }
      }
    }
  },
};

export default rule;
