import type { Rule } from '../../src/engine/types.js';
import { isNewMember } from '../../src/qapi/changes.js';
import type { Definition, Member } from '../../src/qapi/index.js';
import { qapiViews, wholeDocOf, SCHEMA_FILES } from '../../src/qapi/views.js';

// scripts/qapi/parser.py QAPIDoc.connect_member (2025): every member,
// argument, enum value and alternate branch needs a `@name:` description
// ("value 'x' lacks documentation"), unless the definition is in pragma
// documentation-exceptions. Union branches are documented by their types.
// Arguments of a command whose `data` names a type are documented there.

function documentable(definition: Definition, member: Member): boolean {
  return !(definition.meta === 'union' && member.role === 'branch');
}

const rule: Rule = {
  meta: {
    id: 'qapi/doc-member-undocumented',
    severity: 'error',
    scope: 'patch',
    needs: 'files',
    files: SCHEMA_FILES,
    description: 'A new member, argument, enum value or alternate branch has no @name: description in its doc block.',
    wholeFile: true,
  },
  async check(ctx) {
    for (const view of await qapiViews(ctx)) {
      for (const definition of view.after.definitions) {
        const doc = wholeDocOf(definition);
        if (!doc || !definition.meta || definition.dataType || definition.boxed) continue;
        if (view.pragmas?.documentationExceptions.includes(definition.name!)) continue;
        const documented = new Set(doc.members.map((s) => s.name));
        const missing = definition.members.filter((m) => documentable(definition, m) && !documented.has(m.name));
        // An old member without a description: the definition is a documentation exception.
        if (missing.some((m) => !view.added(m.line))) continue;
        for (const member of missing) {
          if (isNewMember(view, definition, member)) ctx.report({ file: view.path, line: member.line, message: `${member.role} '${member.name}' lacks documentation` });
        }
      }
    }
  },
};

export default rule;
