import type { Rule } from '../../src/engine/types.js';
import { isNewDefinition, isNewMember } from '../../src/qapi/changes.js';
import { type Definition, type NameKind, nameProblem } from '../../src/qapi/index.js';
import { type QapiView, qapiViews, renamedInPragma, SCHEMA_FILES } from '../../src/qapi/views.js';

// scripts/qapi/expr.py check_name_str / check_name_lower / check_name_upper /
// check_name_camel / check_defn_name_str: the generator rejects these names.
// Uppercase and `_` are allowed by the command-name-exceptions and
// member-name-exceptions pragmas; a definition whose old members already
// break the rule is taken to be such an exception. A pragma naming the
// definition under an older name (words reordered) waives nothing in QEMU:
// the finding says so.

/** The rule a pragma can waive is already broken by members the patch does not add. */
function waivedFor(view: QapiView, definition: Definition): boolean {
  if (definition.name !== undefined && view.pragmas?.memberNameExceptions.includes(definition.name)) return true;
  return definition.members.some((m) => !view.added(m.line) && nameProblem(m.name, m.role)?.waivable);
}

const rule: Rule = {
  meta: {
    id: 'qapi/name-invalid',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: 'A new QAPI name breaks the naming rules (lower-case-with-dashes members and commands, CamelCase types, UPPER_CASE events).',
    wholeFile: true,
  },
  async check(ctx) {
    for (const view of await qapiViews(ctx)) {
      for (const definition of view.after.definitions) {
        if (definition.name !== undefined && definition.meta && isNewDefinition(view, definition)) {
          const problem = nameProblem(definition.name, definition.meta);
          const waived = problem?.waivable && view.pragmas?.commandNameExceptions.includes(definition.name);
          if (problem && !waived) ctx.report({ file: view.path, line: definition.line, message: problem.message });
        }
        for (const member of definition.members) {
          if (!isNewMember(view, definition, member)) continue;
          const problem = nameProblem(member.name, member.role as NameKind);
          if (!problem || (problem.waivable && waivedFor(view, definition))) continue;
          const renamed = problem.waivable && view.pragmas && definition.name !== undefined ? await renamedInPragma(ctx.tree, view, view.pragmas.memberNameExceptions, definition.name) : undefined;
          const why = renamed ? ` (pragma member-name-exceptions names '${renamed}', which this schema does not define: renamed?)` : '';
          ctx.report({ file: view.path, line: member.line, message: problem.message + why });
        }
        for (const feature of [...definition.features, ...definition.members.flatMap((m) => m.features)]) {
          if (!view.changed(feature.line)) continue;
          const problem = nameProblem(feature.name, 'feature');
          if (problem) ctx.report({ file: view.path, line: feature.line, message: problem.message });
        }
      }
    }
  },
};

export default rule;
