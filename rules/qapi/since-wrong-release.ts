import { compareReleases } from '../../src/engine/release.js';
import type { Release } from '../../src/engine/release.js';
import type { RuleContext, Rule, Severity } from '../../src/engine/types.js';
import { isNewDefinition, newMemberDescriptions } from '../../src/qapi/changes.js';
import { parseFragments } from '../../src/qapi/fragment.js';
import { type SinceTag, parenTagsIn, sinceTagsOf } from '../../src/qapi/since.js';
import { addedRaw, lineFix } from '../../src/qapi/fixes.js';
import { type QapiView, qapiViews, schemaKindOf, targetRelease, SCHEMA_FILES } from '../../src/qapi/views.js';

// A new definition's `Since:` and a new member's `(since X.Y)` name the
// release in development: next(X.Y) of VERSION X.Y.50 (RULES.md §1). During
// a freeze (VERSION X.Y.9x) new features wait for the release after next.
// Without a known release, a new tag can still be seen to be wrong: older
// than a tag already in the file, or than another new tag of the series.
// Tags the patch only moves, or that replace a removed tag (corrections),
// are not judged.
const CORRECTED = /[Ss]ince:?\s*\d+\.\d+/;

/** X.Y of a tag's version. */
const releaseOf = (version: string) => version.split('.').slice(0, 2).join('.');

/** Since tags the patch adds for new things: a new definition's, a new member's. */
function newTags(view: QapiView): SinceTag[] {
  const sections = new Set(newMemberDescriptions(view).map((d) => d.section));
  for (const definition of view.after.definitions) {
    const doc = definition.doc;
    if (doc && (doc.symbol === undefined || doc.symbol === definition.name) && isNewDefinition(view, definition)) for (const s of doc.sections) sections.add(s);
  }
  const tags = [...sections].flatMap((section) => sinceTagsOf(section).filter((t) => view.changed(t.line)));
  // Hunks that remove a since tag correct tags; those they add are corrections too.
  const corrected = view.diff.chunks.filter((c) => c.changes.some((ch) => ch.type === 'del' && CORRECTED.test(ch.content)));
  return tags.filter((t) => !corrected.some((c) => t.line >= c.newStart && t.line < c.newStart + c.newLines));
}

function sourceOf(release: Release): string {
  switch (release.source) {
    case 'VERSION':
      return `VERSION ${release.version}`;
    case 'option':
      return 'from --qemu-version';
    case 'config':
      return 'from the qemu-version setting';
    default:
      return "inferred from the mail's date";
  }
}

/** Against the known release: the finding's severity and message, or undefined when the tag is right. */
function judgeKnown(tag: SinceTag, release: Release): { severity: Severity; message: string } | undefined {
  const expected = release.expected!;
  const release_ = releaseOf(tag.version);
  const cap = (s: Severity): Severity => (release.source === 'date' && s === 'error' ? 'warning' : s);
  if (compareReleases(release_, expected) === 0) return undefined;
  const said = tag.form === 'section' ? `'Since: ${tag.version}'` : `'${tag.text}'`;
  if (release.freeze && compareReleases(release_, release.frozen!) === 0) {
    return { severity: 'warning', message: `${said}: ${release.frozen} is in its release freeze (${sourceOf(release)}), so new features go into ${expected}` };
  }
  if (compareReleases(release_, expected) < 0) {
    return { severity: cap('error'), message: `${said} names an older release: new features go into ${expected} (${sourceOf(release)})` };
  }
  return { severity: 'warning', message: `${said} names a release after the one in development, ${expected} (${sourceOf(release)})` };
}

/** The tag naming the release in development: only when that release is known, not inferred from a date. */
function releaseFix(view: QapiView, tag: SinceTag, release: Release) {
  const raw = addedRaw(view, tag.line);
  if (raw === undefined || release.expected === undefined || release.source === 'date' || !tag.pure) return undefined;
  return lineFix(raw, raw.replace(tag.text, tag.form === 'section' ? `Since: ${release.expected}` : `(since ${release.expected})`));
}

/** The newest since tag a set of doc lines shows. */
function newest(versions: string[]): string | undefined {
  return versions.reduce<string | undefined>((max, v) => (!max || compareReleases(releaseOf(v), releaseOf(max)) > 0 ? v : max), undefined);
}

/** Tags already in the file: the whole pre-patch file, or the context lines shown. */
function existingTags(view: QapiView): string[] {
  const docs = view.before ? view.before.docs : view.after.docs;
  return docs.flatMap((d) => d.lines.filter((l) => view.before || !view.added(l.line)).flatMap((l) => parenTagsIn(l.text, l.line).map((t) => t.version)));
}

/** New tags of the other patches of the series (from their diffs). */
function seriesTags(ctx: RuleContext): string[] {
  return ctx.series.patches
    .filter((p) => p !== ctx.patch)
    .flatMap((patch) =>
      patch.files
        .filter((f) => schemaKindOf(f.path) && schemaKindOf(f.path) !== 'test' && f.status !== 'deleted')
        .flatMap((f) => {
          const added = new Set(f.added.map((l) => l.line));
          const file = parseFragments([...f.lines.values()].map((l) => ({ line: l.line, text: l.text, added: l.added })));
          return file.docs.flatMap((d) => d.lines.filter((l) => added.has(l.line)).flatMap((l) => parenTagsIn(l.text, l.line).map((t) => t.version)));
        }),
    );
}

const rule: Rule = {
  meta: {
    id: 'qapi/since-wrong-release',
    severity: 'error',
    scope: 'patch',
    needs: 'tree',
    files: SCHEMA_FILES,
    description: 'A new Since: or (since X.Y) does not name the release in development (VERSION, --qemu-version, or inferred from the date).',
    fixable: true,
  },
  async check(ctx) {
    const views = (await qapiViews(ctx)).filter((v) => v.kind !== 'test');
    const release = await targetRelease(ctx);
    const series = release.expected === undefined ? newest(seriesTags(ctx)) : undefined;
    for (const view of views) {
      const inFile = release.expected === undefined ? newest(existingTags(view)) : undefined;
      for (const tag of newTags(view)) {
        if (release.expected !== undefined) {
          const verdict = judgeKnown(tag, release);
          const fix = verdict ? releaseFix(view, tag, release) : undefined;
          if (verdict) ctx.report({ file: view.path, line: tag.line, message: verdict.message, severity: verdict.severity, ...(fix ? { fix } : {}) });
          continue;
        }
        const said = tag.form === 'section' ? `'Since: ${tag.version}'` : `'${tag.text}'`;
        if (inFile && compareReleases(releaseOf(tag.version), releaseOf(inFile)) < 0) {
          ctx.report({ file: view.path, line: tag.line, severity: 'warning', message: `${said} is older than '(since ${inFile})' already in this file: a new feature cannot predate it` });
        } else if (series && compareReleases(releaseOf(tag.version), releaseOf(series)) < 0) {
          ctx.report({ file: view.path, line: tag.line, severity: 'warning', message: `${said} is older than '(since ${series})' in another patch of this series` });
        }
      }
    }
  },
};

export default rule;
