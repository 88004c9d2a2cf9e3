import type { Rule } from '../../src/engine/types.js';
import { MESSAGE_BODY_FIRST_LINE } from '../../src/patch/model.js';

// docs/devel/submitting-a-patch.rst: "Please do not use lines that are
// longer than 76 characters in your commit message (so that the text still
// shows up nicely with "git show" in a 80-columns terminal window)".
// Lines of 77 to 80 characters still fit an 80-column terminal without git
// show's indent; maintainers do not ask to rewrap those (QEMU merges them):
// an info. Beyond 80, a warning.
const LIMIT = 76;
const TERMINAL = 80;

// What nobody rewraps: URLs, tags (a name and address, a quoted subject),
// indented text (quoted output, code, backtraces), quotes, single tokens,
// and pasted tool output (`file.c:12:3: error: ...`, `$ command`, gdb's `#0`).
const TAG = /^(?:Fixes|Link|Message-I[dD]|Resolves|Buglink|BugLink|Based-on|Cc|[A-Z][a-z]*(?:-[a-z]+)*-by):\s/;
const TOOL_OUTPUT = /^(?:\S+:\d+(?::\d+)?:|\$ |#\d+ )/;
function exempt(line: string, inTagBlock: boolean): boolean {
  return inTagBlock || TAG.test(line) || TOOL_OUTPUT.test(line) || /:\/\//.test(line) || /^\s/.test(line) || /^>/.test(line) || !/\s/.test(line.trim());
}

/** Length as a terminal shows it: characters, not UTF-16 units. */
const width = (s: string) => [...s].length;

const rule: Rule = {
  meta: {
    id: 'commit/line-length',
    authorHabit: true,
    severity: 'warning',
    scope: 'patch',
    needs: 'diff',
    description: 'Commit message lines (subject and body) are at most 76 characters.',
  },
  check(ctx) {
    const patch = ctx.patch!;
    const report = (line: number, length: number) =>
      ctx.report({ message: `line over ${LIMIT} characters (${length}): wrap the commit message so that "git show" fits in 80 columns`, line, ...(length <= TERMINAL ? { severity: 'info' as const } : {}) });
    if (width(patch.subject) > LIMIT) report(1, width(patch.subject));
    const trailerLines = new Set(patch.trailers.map((t) => t.line));
    const firstTrailer = patch.trailers[0]?.line ?? Number.POSITIVE_INFINITY;
    patch.message.split('\n').forEach((text, i) => {
      const line = MESSAGE_BODY_FIRST_LINE + i;
      // Folded tag values and [notes] between tags belong to the tag block too.
      const inTags = trailerLines.has(line) || line > firstTrailer;
      if (width(text) > LIMIT && !exempt(text, inTags)) report(line, width(text));
    });
  },
};

export default rule;
