// MAINTAINERS, read the way scripts/get_maintainer.pl reads it: every
// non-blank line is either a tag (`X:` value) or a title, and a section is
// a run of tag lines with the title line before it. Blank lines do not
// separate sections, so two sections with only a blank line between them
// merge (MAINTAINERS header, "Descriptions of section entries").

export interface MaintainersTag {
  /** The tag letter: M R L W Q T S F X K (or anything else a line starts with). */
  type: string;
  /** The rest of the line after `X:` and whitespace, as get_maintainer.pl keeps it. */
  value: string;
  /** 1-based line in MAINTAINERS. */
  line: number;
  /** get_maintainer.pl's @typevalue index, which orders its K: matches. */
  order: number;
}

export interface MaintainersSection {
  /** The title line before the tags (a sub-heading underline counts as one). */
  title: string;
  titleLine: number;
  tags: MaintainersTag[];
}

export interface MaintainersFile {
  sections: MaintainersSection[];
}

// get_maintainer.pl: `m/^(\C):\s*(.*)/`, one byte then a colon. A line that
// starts with a multi-byte UTF-8 character is therefore a title.
const TAG_LINE = /^([\x00-\x7f]):\s*(?!\s)([^\n]*)$/;

export function parseMaintainers(text: string): MaintainersFile {
  const sections: MaintainersSection[] = [];
  let title = '';
  let titleLine = 0;
  let current: MaintainersSection | undefined;
  let order = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const tag = TAG_LINE.exec(line);
    if (tag) {
      if (!current) {
        current = { title, titleLine, tags: [] };
        sections.push(current);
      }
      current.tags.push({ type: tag[1]!, value: tag[2]!, line: i + 1, order: order++ });
    } else if (/\S/.test(line)) {
      title = line;
      titleLine = i + 1;
      current = undefined;
      order++;
    }
  }
  return { sections };
}
