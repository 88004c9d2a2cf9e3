import type { Rule } from '../../src/engine/types.js';
import { isNewDefinition } from '../../src/qapi/changes.js';
import { mentionsSince } from '../../src/qapi/since.js';
import { type QapiView, qapiViews, targetRelease, wholeDocOf, SCHEMA_FILES } from '../../src/qapi/views.js';

// qapi-code-gen.rst "Definition documentation": "A 'Since: x.y.z' tagged
// section lists the release that introduced the definition." The parser does
// not enforce it; Markus Armbruster asks for it on every new definition.
// A misspelt `Since 9.2` paragraph is qapi/since-format's finding.
const MISSPELT_SINCE = /^[Ss]ince\s*(?::\s*)?\d/;

/** The definition's first line is also removed somewhere in the patch: it moved. */
function moved(view: QapiView, line: number, removedElsewhere: Set<string>): boolean {
  const text = view.diff.lines.get(line)?.text.trim();
  return !view.changed(line) || (!!text && removedElsewhere.has(text));
}

const rule: Rule = {
  meta: {
    id: 'qapi/since-missing-definition',
    severity: 'warning',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: "A new definition's doc block has no 'Since:' section.",
    wholeFile: true,
  },
  async check(ctx) {
    const release = await targetRelease(ctx);
    const removedElsewhere = new Set((ctx.patch?.files ?? []).flatMap((f) => f.removed.map((l) => l.text.trim())));
    for (const view of await qapiViews(ctx)) {
      if (view.kind === 'test') continue;
      for (const definition of view.after.definitions) {
        const doc = wholeDocOf(definition);
        if (!doc || !isNewDefinition(view, definition) || moved(view, definition.line, removedElsewhere)) continue;
        if (doc.sections.some((s) => s.kind === 'since' || (s.kind === 'plain' && MISSPELT_SINCE.test(s.text[0] ?? '')))) continue;
        // Every member saying when (qapi/migration.json's MigMode, merged so) states the release too.
        if (doc.members.length && doc.members.every(mentionsSince)) continue;
        ctx.report({
          file: view.path,
          line: doc.symbolLine ?? doc.line,
          endLine: doc.endLine,
          message: `${definition.meta} '${definition.name}' has no 'Since:' section: add '# Since: ${release.expected ?? 'X.Y'}' before the closing ##`,
        });
      }
    }
  },
};

export default rule;
