import type { Rule } from '../../src/engine/types.js';
import { MESSAGE_BODY_FIRST_LINE } from '../../src/patch/model.js';

// docs/devel/submitting-a-patch.rst, "Base patches against current git
// master": a series built on unmerged work says so with a line
// `Based-on: $MESSAGE_ID` in the cover letter, which patchew uses to
// apply the dependency first. It is not part of a commit message.
const BASED_ON = /^Based-on:\s*(?!\s)(.*)$/i;
const MESSAGE_ID = /(?<![^\s<>@])[^\s<>@]+@[^\s<>@]+/;

const rule: Rule = {
  meta: {
    id: 'series/based-on',
    severity: 'info',
    scope: 'series',
    needs: 'diff',
    description: 'A Based-on: line names the Message-ID of the series it depends on, in the cover letter or below ---.',
  },
  check(ctx) {
    const { series } = ctx;
    for (const patch of [series.cover, ...series.patches]) {
      if (!patch) continue;
      const places: Array<{ text: string; line: number | null; inCommit: boolean }> = [
        ...patch.message.split('\n').map((text, i) => ({ text, line: MESSAGE_BODY_FIRST_LINE + i, inCommit: patch.index !== 0 })),
        ...patch.notes.split('\n').map((text) => ({ text, line: null, inCommit: false })),
      ];
      for (const { text, line, inCommit } of places) {
        const m = BASED_ON.exec(text.trim());
        if (!m) continue;
        if (!MESSAGE_ID.test(m[1]!)) {
          ctx.report({ message: `"${text.trim()}": Based-on: takes the Message-ID of the series this one applies on top of, e.g. Based-on: <20250903124934.1169899-1-jane@example.org>`, line, patch: patch.index });
        } else if (inCommit) {
          ctx.report({ message: 'Based-on: belongs in the cover letter or below the "---" line, not in the commit message', line, patch: patch.index });
        }
      }
    }
  },
};

export default rule;
