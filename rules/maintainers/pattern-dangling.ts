import type { Rule } from '../../src/engine/types.js';
import { treeFitsPatch } from '../../src/maintainers/lookup.js';

// scripts/get_maintainer.pl matches F: and X: patterns against the paths of
// a patch: a pattern naming no file or directory of the tree matches nothing,
// and the section silently loses what it meant to cover (a typo, a file
// renamed since). Judged against the tree after the whole series, since a
// later patch may add the file; patterns with wildcards, which need a
// listing of the tree, are left alone.
const PATTERN_LINE = /^([FX]):\s*(\S+)\s*$/;

const rule: Rule = {
  meta: {
    id: 'maintainers/pattern-dangling',
    severity: 'warning',
    scope: 'series',
    needs: 'tree',
    description: 'An F: or X: pattern added to MAINTAINERS names no file or directory of the tree after the series.',
  },
  async check(ctx) {
    if (ctx.plan.kind === 'none' || !ctx.tree.isDirectory) return;
    for (const [step, patch] of ctx.series.patches.entries()) {
      const file = patch.files.find((f) => f.path === 'MAINTAINERS' && f.status !== 'deleted');
      if (!file || !(await treeFitsPatch(patch, ctx.treeAt(step), ctx.treeAt(step + 1)))) continue;
      for (const { line, text } of file.added) {
        const m = PATTERN_LINE.exec(text);
        if (!m || /[*?[]/.test(m[2]!)) continue;
        const path = m[2]!.replace(/(?<!\/)\/+$/, '');
        if ((await ctx.tree.read(path)) !== undefined) continue;
        const directory = await ctx.tree.isDirectory(path);
        if (directory === undefined || directory) continue;
        ctx.report({ patch: patch.index, file: 'MAINTAINERS', line, message: `${m[1]}: ${m[2]} names no file or directory of the tree${ctx.series.patches.length > 1 ? ' after the series' : ''}: get_maintainer.pl matches nothing with it` });
      }
    }
  },
};

export default rule;
