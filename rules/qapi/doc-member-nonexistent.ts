import type { Rule } from '../../src/engine/types.js';
import { qapiViews, wholeDocOf, SCHEMA_FILES } from '../../src/qapi/views.js';

// scripts/qapi/parser.py QAPIDoc.check_args_section: a `@name:` description
// that matches no member "documented member 'x' does not exist". Catches
// typos and `@name :`. Definitions that take members from a named base or
// argument type are left alone.
const rule: Rule = {
  meta: {
    id: 'qapi/doc-member-nonexistent',
    severity: 'error',
    scope: 'patch',
    needs: 'files',
    files: SCHEMA_FILES,
    description: 'A @name: description in a doc block matches no member, argument or value of the definition.',
    wholeFile: true,
  },
  async check(ctx) {
    for (const view of await qapiViews(ctx)) {
      for (const definition of view.after.definitions) {
        const doc = wholeDocOf(definition);
        if (!doc || !definition.meta || !definition.complete) continue;
        if (definition.dataType || definition.boxed || definition.baseType) continue;
        const members = new Set(definition.members.map((m) => m.name));
        // A simple union (legacy, no base) has an implicit tag member 'type'.
        if (definition.meta === 'union' && !definition.expr?.entries.some((e) => e.key === 'base')) members.add('type');
        for (const section of doc.members) {
          if (view.changed(section.line) && !members.has(section.name!)) {
            ctx.report({ file: view.path, line: section.line, message: `documented member '${section.name}' does not exist in ${definition.meta} ${definition.name}` });
          }
        }
      }
    }
  },
};

export default rule;
