import type { Rule } from '../../src/engine/types.js';

// The header of MAINTAINERS ("Descriptions of section entries") and
// scripts/get_maintainer.pl, which reads `^([A-Z]):\s*(.*)` lines of a
// section, takes the line after a blank one as the next section's title,
// and ignores what it does not know. A slip there silently drops
// maintainers from every get_maintainer.pl run.
const KNOWN_TAGS = new Set('MRLWQTSFXK');
const STATUSES = ['Supported', 'Maintained', 'Odd Fixes', 'Orphan', 'Obsolete'];
const PERSON = /^[^<>@\s][^<>]*\s<[^<>\s@]+@[^<>\s]+>$/;
const BARE_ADDRESS = /^[^<>\s@]+@[^<>\s]+$/;
const TAG_LINE = /^([A-Za-z]):(\s*)(?!\s)(.*)$/;

const rule: Rule = {
  meta: {
    id: 'maintainers/syntax',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    files: /^MAINTAINERS$/,
    description: 'A MAINTAINERS line the patch adds breaks the file format: a tag that is not one of MRLWQTSFXK, an M:/R: without "Name <address>", an unknown S: status, a tag line that get_maintainer.pl reads as a title.',
  },
  check(ctx) {
    const file = ctx.patch!.files.find((f) => f.path === 'MAINTAINERS' && f.status !== 'deleted');
    if (!file) return;
    const textAt = (line: number) => file.lines.get(line)?.text;
    for (const { line, text } of file.added) {
      // The header's descriptions are indented; a blank or title line has no tag.
      const m = TAG_LINE.exec(text);
      if (!m) {
        const previous = textAt(line - 1);
        const next = textAt(line + 1);
        // Inside a section (tag lines around it), a line without a tag is a slip such as `F hw/foo.c`.
        if (text.trim() && !/^\s/.test(text) && previous !== undefined && TAG_LINE.test(previous) && next !== undefined && TAG_LINE.test(next)) {
          ctx.report({ file: file.path, line, message: `"${text}" is no "X: value" line: get_maintainer.pl skips it inside the section` });
        }
        continue;
      }
      const [, tag, space, value] = m as unknown as [string, string, string, string];
      if (textAt(line - 1) === '') {
        ctx.report({ file: file.path, line, severity: 'warning', message: `a tag line after a blank line: get_maintainer.pl reads "${text}" as the title of a new section, and the section above loses what follows` });
        continue;
      }
      if (!KNOWN_TAGS.has(tag)) {
        ctx.report({ file: file.path, line, severity: 'warning', message: `"${tag}:" is not a MAINTAINERS tag (M R L W Q T S F X K): get_maintainer.pl ignores the line` });
        continue;
      }
      if (!space) ctx.report({ file: file.path, line, severity: 'warning', message: `write "${tag}: ${value}", with a space after the colon, as the rest of the file does` });
      if ((tag === 'M' || tag === 'R') && !PERSON.test(value.trim())) {
        // A bare address still reaches get_maintainer.pl's Cc list (QEMU has a few); anything else does not.
        if (BARE_ADDRESS.test(value.trim())) ctx.report({ file: file.path, line, severity: 'info', message: `${tag}: reads "Full Name <address@domain>": add the name to "${value.trim()}"` });
        else ctx.report({ file: file.path, line, message: `${tag}: takes "Full Name <address@domain>", not "${value.trim()}": get_maintainer.pl cannot Cc it` });
      }
      if (tag === 'S' && !STATUSES.includes(value.trim())) {
        const near = STATUSES.find((s) => s.toLowerCase() === value.trim().toLowerCase());
        ctx.report({
          file: file.path,
          line,
          ...(near ? { severity: 'info' as const } : {}),
          message: near ? `write "S: ${near}", as the header spells the status` : `S: is one of ${STATUSES.join(', ')}, not "${value.trim()}"`,
        });
      }
    }
  },
};

export default rule;
