import type { Rule } from '../../src/engine/types.js';
import type { DocBlock } from '../../src/qapi/index.js';
import { qapiViews, SCHEMA_FILES } from '../../src/qapi/views.js';

// scripts/qapi/parser.py QAPIDoc.connect_feature: a feature on the
// definition, on any member or on any enum value needs an `@feature:`
// description under the definition's `Features:` ("feature 'x' lacks
// documentation").

/** Every feature description of the block is known. */
function featuresKnown(doc: DocBlock): boolean {
  if (doc.startSeen && doc.endSeen) return true;
  if (doc.featuresLine !== undefined) {
    const last = doc.sections.map((s) => s.kind).lastIndexOf('feature');
    return doc.endSeen || (last >= 0 && last < doc.sections.length - 1);
  }
  // Descriptions come before Features: (QEMU rejects one after); seeing them and the end without Features: means there is none.
  return doc.endSeen && doc.members.length > 0;
}

const rule: Rule = {
  meta: {
    id: 'qapi/doc-feature-undocumented',
    severity: 'error',
    scope: 'patch',
    needs: 'files',
    files: SCHEMA_FILES,
    description: 'A feature used by a definition, member or enum value has no @feature: description under Features:.',
    wholeFile: true,
  },
  async check(ctx) {
    for (const view of await qapiViews(ctx)) {
      for (const definition of view.after.definitions) {
        const doc = definition.doc;
        if (!doc || (doc.symbol !== undefined && doc.symbol !== definition.name) || !featuresKnown(doc)) continue;
        const described = new Set(doc.features.map((s) => s.name));
        for (const feature of [...definition.features, ...definition.members.flatMap((m) => m.features)]) {
          if (view.changed(feature.line) && !described.has(feature.name)) {
            ctx.report({ file: view.path, line: feature.line, message: `feature '${feature.name}' lacks documentation: describe it under 'Features:' in the doc of ${definition.name ?? 'this definition'}` });
          }
        }
      }
    }
  },
};

export default rule;
