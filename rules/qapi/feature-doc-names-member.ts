import type { Rule } from '../../src/engine/types.js';
import { isNewMember } from '../../src/qapi/changes.js';
import type { Definition, Member } from '../../src/qapi/index.js';
import { type QapiView, counterpart, qapiViews, SCHEMA_FILES } from '../../src/qapi/views.js';

// Convention of qapi/migration.json and friends (not enforced by the
// parser): when a member or value gets feature 'unstable' or 'deprecated',
// the definition's feature description names it ("@unstable: Members @x-colo
// and @x-ignore-shared are experimental.").
const SPECIAL = new Set(['unstable', 'deprecated']);

const mentions = (text: string, name: string) => new RegExp(`@${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text);

/** The member did not have the feature before the patch. */
function gains(view: QapiView, definition: Definition, member: Member, feature: string): boolean {
  if (isNewMember(view, definition, member)) return true;
  const before = counterpart(view.before, definition)?.members.find((m) => m.name === member.name);
  if (before) return !before.features.some((f) => f.name === feature);
  return ![...view.removed].some((line) => line.includes(`'${member.name}'`) && line.includes(`'${feature}'`));
}

const rule: Rule = {
  meta: {
    id: 'qapi/feature-doc-names-member',
    severity: 'warning',
    scope: 'patch',
    needs: 'files',
    files: SCHEMA_FILES,
    description: "A member or value gets feature 'unstable' or 'deprecated', but the definition's @unstable:/@deprecated: text does not name it.",
    wholeFile: true,
  },
  async check(ctx) {
    for (const view of await qapiViews(ctx)) {
      const addedText = view.diff.added.map((l) => l.text);
      for (const definition of view.after.definitions) {
        const doc = definition.doc;
        if (!doc || (doc.symbol !== undefined && doc.symbol !== definition.name)) continue;
        for (const member of definition.members) {
          for (const feature of member.features) {
            if (!SPECIAL.has(feature.name) || !view.changed(feature.line) || !gains(view, definition, member, feature.name)) continue;
            const description = doc.features.find((s) => s.name === feature.name);
            if (!description || mentions(description.text.join(' '), member.name)) continue;
            // Unseen old text cannot name a member the patch adds; an added line elsewhere might.
            if (!description.complete && !isNewMember(view, definition, member)) continue;
            if (addedText.some((t) => mentions(t, member.name) && !new RegExp(`^\\s*#\\s*@${member.name}:`).test(t))) continue;
            ctx.report({
              file: view.path,
              line: member.line,
              message: `${member.role} '${member.name}' gets feature '${feature.name}', but the '@${feature.name}:' description of ${definition.name ?? 'its definition'} does not name @${member.name}`,
            });
          }
        }
      }
    }
  },
};

export default rule;
