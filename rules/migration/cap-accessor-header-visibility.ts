import type { Rule } from '../../src/engine/types.js';
import { addedCapabilityAccessors, addedPrototypes, capabilityAccessorNames, isNewFunction } from '../../src/migration/accessors.js';
import { callsOf } from '../../src/migration/c-facts.js';
import { CLIENT_OPTIONS_H, OPTIONS_C, OPTIONS_H, type SeriesCFiles, basisNote, seriesCFiles, partialSeriesContext } from '../../src/migration/c-files.js';

// include/migration/client-options.h is "QEMU public migration
// capabilities": the accessors code outside migration/ may call.
// migration/options.h is private to migration/.
const rule: Rule = {
  meta: {
    id: 'migration/cap-accessor-header-visibility',
    severity: 'warning',
    scope: 'series',
    needs: 'tree',
    description: 'Code outside migration/ calls a capability accessor that is declared only in migration/options.h, not in include/migration/client-options.h.',
  },
  async check(ctx) {
    // A partial series: the missing patches may hold what is looked for, so findings are infos naming them.
    ctx = partialSeriesContext(ctx);
    const files = seriesCFiles(ctx);
    // Something to judge: a line outside migration/ that calls a migrate_*() function.
    const outside = files.touchedCFilesAdding('migrate_').filter((path) => !path.startsWith('migration/') && path.endsWith('.c'));
    if (!outside.some((path) => files.hunks(path).some((h) => h.post.some((s) => s.tokens.some((t, i) => t.changed && t.text.startsWith('migrate_') && s.tokens[i + 1]?.text === '('))))) return;
    if (!(await clientOptionsExists(files))) return;
    const accessors = await capabilityAccessorNames(files);
    const added = new Set(addedCapabilityAccessors(files).map((a) => a.name));
    for (const path of outside) {
      for (const h of files.hunks(path)) {
        for (const scan of h.post) {
          for (const name of accessors) {
            for (const call of callsOf(scan, name)) {
              if (!call.changed) continue;
              const where = await declaredIn(files, name, added.has(name) && (await isNewFunction(files, OPTIONS_C, name)));
              if (!where || where.public || !where.private) continue;
              ctx.report({
                patch: h.patch,
                file: path,
                line: call.line,
                message: `${path} calls ${name}(), which is declared only in ${OPTIONS_H}, private to migration/: declare it under /* capabilities */ in ${CLIENT_OPTIONS_H} instead (${basisNote(ctx.plan.kind, where.fromTree)})`,
              });
            }
          }
        }
      }
    }
  },
};

/** The public header exists in this tree (older trees predate it): the tree has it, or the series shows it. */
async function clientOptionsExists(files: SeriesCFiles): Promise<boolean> {
  if (await files.final(CLIENT_OPTIONS_H)) return true;
  if (files.hunks(CLIENT_OPTIONS_H).length) return true;
  const header = await files.textAt(OPTIONS_H, files.last);
  if (header?.includes('migration/client-options.h')) return true;
  // An `#include "migration/client-options.h"` anywhere in the hunks.
  return files.patches.some((p) => p.files.some((f) => f.chunks.some((c) => c.changes.some((change) => change.content.includes('migration/client-options.h')))));
}

/**
 * Which headers declare `name` after the series. The series' own added
 * prototypes are complete knowledge for an accessor it creates; otherwise
 * the tree must know both headers.
 */
async function declaredIn(files: SeriesCFiles, name: string, isNew: boolean): Promise<{ private: boolean; public: boolean; fromTree: boolean } | undefined> {
  const protos = addedPrototypes(files, name);
  const privateHeader = await files.final(OPTIONS_H);
  const publicHeader = await files.final(CLIENT_OPTIONS_H);
  const inPrivate = protos.some((p) => p.path === OPTIONS_H) || !!privateHeader?.prototypes.some((p) => p.name === name);
  const inPublic = protos.some((p) => p.path === CLIENT_OPTIONS_H) || !!publicHeader?.prototypes.some((p) => p.name === name);
  if (!isNew && (!privateHeader || !publicHeader)) return undefined;
  return { private: inPrivate, public: inPublic, fromTree: !isNew };
}

export default rule;
