import type { Rule } from '../../src/engine/types.js';
import { parseFragments } from '../../src/qapi/fragment.js';
import { normaliseLine, schemaKindOf } from '../../src/qapi/views.js';

// docs/about/deprecated.rst: a deprecated feature "will be listed in this
// section", and stays for two releases before removal. A series that adds
// feature 'deprecated' adds the entry too. (docs/system/deprecated.rst
// before QEMU 6.1.)
const DEPRECATED_DOCS = new Set(['docs/about/deprecated.rst', 'docs/system/deprecated.rst']);

const rule: Rule = {
  meta: {
    id: 'qapi/deprecated-needs-doc-entry',
    severity: 'warning',
    scope: 'series',
    needs: 'diff',
    description: "The series adds feature 'deprecated' to the schema but no entry to docs/about/deprecated.rst.",
  },
  check(ctx) {
    const documented = ctx.series.patches.some((p) => p.files.some((f) => DEPRECATED_DOCS.has(f.path) && f.added.length > 0));
    if (documented) return;
    for (const patch of ctx.series.patches) {
      for (const diff of patch.files) {
        const kind = schemaKindOf(diff.path);
        if (!kind || kind === 'test' || diff.status === 'deleted') continue;
        // Parsing is for finding where the feature sits; most patches never add it.
        if (!diff.added.some((l) => l.text.includes('deprecated'))) continue;
        const removed = new Set(diff.removed.map((l) => normaliseLine(l.text)));
        const isNew = (line: number) => {
          const text = diff.lines.get(line);
          return !!text?.added && !removed.has(normaliseLine(text.text));
        };
        const file = parseFragments([...diff.lines.values()].map((l) => ({ line: l.line, text: l.text, added: l.added })));
        for (const definition of file.definitions) {
          const uses = [...definition.features.map((f) => ({ f, what: `${definition.meta ?? 'definition'} ${definition.name ?? ''}`.trim() })), ...definition.members.flatMap((m) => m.features.map((f) => ({ f, what: `${m.role} '${m.name}'` })))];
          for (const { f, what } of uses) {
            if (f.name !== 'deprecated' || !isNew(f.line)) continue;
            ctx.report({ patch: patch.index, file: diff.path, line: f.line, message: `${what} becomes deprecated, but the series adds no entry to docs/about/deprecated.rst` });
          }
        }
      }
    }
  },
};

export default rule;
