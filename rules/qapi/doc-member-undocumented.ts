import type { Rule } from '../../src/engine/types.js';
import { isNewMember } from '../../src/qapi/changes.js';
import type { Definition, Member } from '../../src/qapi/index.js';
import { qapiViews, renamedInPragma, wholeDocOf, SCHEMA_FILES } from '../../src/qapi/views.js';

// scripts/qapi/parser.py QAPIDoc.connect_member (2025): every member,
// argument, enum value and alternate branch needs a `@name:` description
// ("value 'x' lacks documentation"), unless the definition is in pragma
// documentation-exceptions. Union branches are documented by their types.
// Arguments of a command whose `data` names a type are documented there.
// Pragmas hold for the whole schema (qapi/pragma.json for every module): with
// a tree they are read and decide. From a mail alone they are unknown: a
// definition whose old members are undocumented too (DummyVirtioForceArrays,
// the *Wrapper types) looks exempt, and a new member of it is only an info.
// A pragma that lists the definition under an older name (words reordered,
// CpuS390Entitlement for S390CpuEntitlement) exempts nothing in QEMU either:
// the error stands, and says so.

const LOOKS_EXEMPT = /^Dummy\w*ForceArrays$|Wrapper$/;

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
        const fresh = missing.filter((m) => isNewMember(view, definition, m));
        if (!fresh.length) continue;
        // An old member without a description: QEMU accepts the definition, so it is a documentation exception.
        const oldUndocumented = fresh.length < missing.length;
        if (view.pragmas && oldUndocumented) continue;
        const exempt = !view.pragmas && (oldUndocumented || LOOKS_EXEMPT.test(definition.name ?? ''));
        const renamed = view.pragmas && (await renamedInPragma(ctx.tree, view, view.pragmas.documentationExceptions, definition.name!));
        for (const member of fresh) {
          const message = `${member.role} '${member.name}' lacks documentation`;
          if (exempt) {
            ctx.report({ file: view.path, line: member.line, severity: 'info', message: `${message}; '${definition.name}' looks exempt by pragma documentation-exceptions (its other members are undocumented too), which only the tree can tell` });
          } else if (view.pragmas) {
            const why = renamed ? `pragma documentation-exceptions names '${renamed}', which this schema does not define: renamed?` : `'${definition.name}' is not in pragma documentation-exceptions`;
            ctx.report({ file: view.path, line: member.line, message: `${message} (${why})` });
          } else {
            ctx.report({ file: view.path, line: member.line, message });
          }
        }
      }
    }
  },
};

export default rule;
