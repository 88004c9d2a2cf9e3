import type { Rule } from '../../src/engine/types.js';
import { isNewDefinition, isNewMember } from '../../src/qapi/changes.js';
import type { Feature } from '../../src/qapi/index.js';
import { qapiViews, SCHEMA_FILES } from '../../src/qapi/views.js';

// qapi-code-gen.rst "Naming rules": "Names beginning with x- used to signify
// 'experimental'. This convention has been replaced by special feature
// 'unstable'." New names use the feature instead of the prefix.
const X_PREFIX = /^(__[a-z0-9.-]+_)?x-/i;

const unstable = (features: Feature[]) => features.some((f) => f.name === 'unstable');

const rule: Rule = {
  meta: {
    id: 'qapi/x-prefix-new-name',
    severity: 'info',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: "A new QAPI name starts with x-; the 'unstable' feature has replaced that convention.",
  },
  async check(ctx) {
    for (const view of await qapiViews(ctx)) {
      if (view.kind === 'test') continue;
      for (const definition of view.after.definitions) {
        const named: Array<{ name: string; line: number; features: Feature[] }> = [];
        if (definition.name !== undefined && isNewDefinition(view, definition)) named.push({ name: definition.name, line: definition.line, features: definition.features });
        for (const member of definition.members) if (isNewMember(view, definition, member)) named.push(member);
        for (const { name, line, features } of named) {
          if (!X_PREFIX.test(name)) continue;
          const advice = unstable(features) ? "drop the x- prefix: the 'unstable' feature already says it" : "name it without x- and give it the 'unstable' feature";
          ctx.report({ file: view.path, line, message: `new name '${name}' uses the x- prefix, which feature 'unstable' has replaced: ${advice}` });
        }
      }
    }
  },
};

export default rule;
