import type { Rule } from '../../src/engine/types.js';
import { directoryTest, loadMaintainers, treeFitsPatch } from '../../src/maintainers/lookup.js';
import { matchFile } from '../../src/maintainers/match.js';

// checkpatch.pl: `WARNING: added, moved or deleted file(s), does
// MAINTAINERS need updating?`, unless the patch touches MAINTAINERS. Here
// with get_maintainer.pl's matching (RULES.md §7.3): only a new file that
// no section with an M: covers is reported, and the series as a whole may
// be the one that updates MAINTAINERS.
const rule: Rule = {
  meta: {
    id: 'maintainers/new-file-uncovered',
    severity: 'warning',
    scope: 'patch',
    needs: 'tree',
    description: 'A new file is covered by a MAINTAINERS section with a maintainer (M:), unless the series updates MAINTAINERS.',
  },
  async check(ctx) {
    const patch = ctx.patch!;
    const created = patch.files.filter((f) => f.status === 'added' || f.status === 'renamed' || f.status === 'copied');
    if (!created.length || ctx.series.patches.some((p) => p.files.some((f) => f.path === 'MAINTAINERS' || f.oldPath === 'MAINTAINERS'))) return;
    const maintainers = await loadMaintainers(ctx.tree);
    if (!maintainers || !(await treeFitsPatch(patch, ctx.treeBefore, ctx.tree))) return;
    // When the tree cannot tell what is a directory, assume the pattern covers more.
    const isDirectory = await directoryTest(ctx.tree, maintainers, created.map((f) => f.path), true);
    for (const file of created) {
      const sections = matchFile(maintainers, file.path, isDirectory).sections;
      if (sections.some((s) => s.section.tags.some((t) => t.type === 'M'))) continue;
      ctx.report({
        message: `added, moved or deleted file(s), does MAINTAINERS need updating? ${file.path} is in no MAINTAINERS section with a maintainer (M:)`,
        file: file.path,
        line: file.added[0]?.line ?? null,
      });
    }
  },
};

export default rule;
