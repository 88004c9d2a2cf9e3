import type { Rule } from '../../src/engine/types.js';
import { docExistedBeforeSeries, existedBeforeSeries, newMemberDescriptions } from '../../src/qapi/changes.js';
import type { DocBlock } from '../../src/qapi/index.js';
import { mentionsSince, sinceTagsOf } from '../../src/qapi/since.js';
import { qapiViews, targetRelease, SCHEMA_FILES } from '../../src/qapi/views.js';

// qapi-code-gen.rst "Definition documentation": "Extensions added after the
// definition was first released carry a '(since x.y.z)' comment." Members of
// definitions that are new in the series need none, nor do those of a
// definition whose `Since:` names the release in development: it is new in
// this release, even if an earlier series added it.
/** The doc block's `Since:` section names `release` (X.Y). */
// Once per doc block: the rule asks it for every member of the block.
const introducedCache = new WeakMap<DocBlock, Map<string, boolean>>();

function introducedIn(doc: DocBlock, release: string | undefined): boolean {
  if (release === undefined) return false;
  let byRelease = introducedCache.get(doc);
  if (!byRelease) introducedCache.set(doc, (byRelease = new Map()));
  let introduced = byRelease.get(release);
  if (introduced === undefined) byRelease.set(release, (introduced = introducedInUncached(doc, release)));
  return introduced;
}

function introducedInUncached(doc: DocBlock, release: string): boolean {
  return doc.sections.some((s) => s.kind === 'since' && sinceTagsOf(s).some((t) => t.form === 'section' && t.version.split('.').slice(0, 2).join('.') === release));
}

const rule: Rule = {
  meta: {
    id: 'qapi/since-missing-member',
    severity: 'warning',
    scope: 'patch',
    needs: 'files',
    files: SCHEMA_FILES,
    description: 'A member, argument or value added to an existing definition has no (since X.Y) in its description.',
  },
  async check(ctx) {
    const release = await targetRelease(ctx);
    for (const view of await qapiViews(ctx)) {
      if (view.kind === 'test') continue;
      for (const { doc, section, definition, member } of newMemberDescriptions(view)) {
        if (definition?.meta === 'union' && member?.role === 'branch') continue;
        if (!section.complete || mentionsSince(section) || introducedIn(doc, release.expected)) continue;
        const old = definition ? await existedBeforeSeries(ctx, view, definition) : docExistedBeforeSeries(ctx, view, doc);
        if (old !== true) continue;
        ctx.report({
          file: view.path,
          line: section.line,
          endLine: section.endLine,
          message: `new ${member?.role ?? 'member'} '${section.name}' of an existing definition needs '(since ${release.expected ?? 'X.Y'})' at the end of its description`,
        });
      }
    }
  },
};

export default rule;
