import type { Fix, Rule } from '../../src/engine/types.js';
import { addedRaw } from '../../src/qapi/fixes.js';
import { type SinceTag, sinceTagsOf } from '../../src/qapi/since.js';
import { type QapiView, qapiViews, SCHEMA_FILES } from '../../src/qapi/views.js';

// One description, one "(since x.y.z)" (qapi-code-gen.rst); a second one
// usually comes from a rebase that added the tag again.

/** The first tag kept, the others removed (a line left empty goes); when every line between is added by the patch. */
function keepFirst(view: QapiView, tags: SinceTag[]): Fix | undefined {
  const from = tags[0]!.line;
  const to = tags.at(-1)!.line;
  const raws: string[] = [];
  for (let l = from; l <= to; l++) {
    const raw = addedRaw(view, l);
    if (raw === undefined) return undefined;
    raws.push(raw);
  }
  const emptied = new Set<number>();
  for (const tag of [...tags.slice(1)].reverse()) {
    const i = tag.line - from;
    const at = raws[i]!.lastIndexOf(tag.text);
    if (at < 0) return undefined;
    raws[i] = (raws[i]!.slice(0, at).trimEnd() + raws[i]!.slice(at + tag.text.length)).trimEnd();
    if (/^#\s*$/.test(raws[i]!)) emptied.add(i);
  }
  return { replacement: raws.filter((_, i) => !emptied.has(i)) };
}

const rule: Rule = {
  meta: {
    id: 'qapi/since-duplicate',
    severity: 'warning',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: 'A description or section carries more than one (since X.Y).',
    wholeFile: true,
    fixable: true,
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
            ...(keepFirst(view, tags) ? { fix: keepFirst(view, tags)! } : {}),
            message: `${tags.length} since annotations in ${section.kind === 'member' || section.kind === 'feature' ? `the description of @${section.name}` : 'one section'}: ${tags.map((t) => t.text).join(', ')}; keep one`,
          });
        }
      }
    }
  },
};

export default rule;
