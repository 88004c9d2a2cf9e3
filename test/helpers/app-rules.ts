// Rules made for the app's tests, so that what the app posts does not change
// as the real rule families grow: one with a fix (suggestion blocks), one
// that reads whole files through the tree (contents API, lines outside the
// diff), plus the real commit/sob-missing (a commit-message finding).
import sobMissing from '../../rules/commit/sob-missing.js';
import type { Rule } from '../../src/engine/types.js';

export const trailingSpace: Rule = {
  meta: { id: 'test/trailing-space', severity: 'warning', scope: 'patch', needs: 'diff', description: 'An added line ends in white space.', fixable: true },
  check(ctx) {
    for (const file of ctx.patch!.files) {
      for (const line of file.added) {
        if (/\s$/.test(line.text)) ctx.report({ message: 'trailing white space', file: file.path, line: line.line, fix: { replacement: [line.text.trimEnd()] } });
      }
    }
  },
};

export const todoInFile: Rule = {
  meta: { id: 'test/todo', severity: 'info', scope: 'patch', needs: 'files', description: 'A touched file still has a TODO line.' },
  async check(ctx) {
    for (const file of ctx.patch!.files) {
      const text = await ctx.tree.read(file.path);
      text?.split('\n').forEach((line, i) => {
        if (line.includes('TODO')) ctx.report({ message: 'TODO left in the file', file: file.path, line: i + 1 });
      });
    }
  },
};

export const APP_TEST_RULES: readonly Rule[] = [trailingSpace, todoInFile, sobMissing];
