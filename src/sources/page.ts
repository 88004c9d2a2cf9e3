// A patch copied as text from a web page (patchew, lore): no mail headers, a
// `[PATCH v3 4/9] ...` title, `Posted by <name> ...` lines, then the commit
// message, `---` and the diff. The author's address comes from the sign-off
// that carries the same name.
import type { Mail } from '../mail/parse.js';
import { NotAMailError } from '../mail/parse.js';
import { parsePerson } from '../patch/from-mail.js';
import type { Person } from '../patch/model.js';

const TITLE = /^\s*(\[[^\]]*\b(?:PATCH|RFC|PULL)\b[^\]]*\].*)$/i;
const POSTED_BY = /^\s*Posted by (.+?)(?:\s+(?:\d+|an?|one)\s+\w+\s+ago|\s+on\s+.*)?\s*$/;
// A byline is short; POSTED_BY backtracks quadratically on a long line, so it never sees one.
const BYLINE_LIMIT = 300;
const isByline = (line: string) => line.length <= BYLINE_LIMIT && POSTED_BY.test(line);

export function looksLikePageCopy(text: string): boolean {
  const head = text.slice(0, 8192);
  return /^[^\S\n\r\u2028\u2029]*Posted by /m.test(head) && TITLE.test(head.split('\n').find((l) => l.trim()) ?? '');
}

export function mailFromPageCopy(text: string): Mail {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const titleLine = lines.findIndex((l) => TITLE.test(l));
  if (titleLine < 0) throw new NotAMailError('no [PATCH ...] title line', 1);
  const subject = TITLE.exec(lines[titleLine]!)![1]!.trim();

  // The message starts after the last "Posted by" line of the page header.
  let lastPosted = -1;
  for (let i = titleLine; i < Math.min(lines.length, titleLine + 12); i++) if (isByline(lines[i]!)) lastPosted = i;
  if (lastPosted < 0) throw new NotAMailError('no "Posted by" line after the title', titleLine + 1);
  const name = POSTED_BY.exec(lines[lastPosted]!)![1]!.trim();
  const body = lines.slice(lastPosted + 1).join('\n');

  return {
    subject,
    from: authorFromSignOff(body, name),
    to: [],
    cc: [],
    rawTo: '',
    rawCc: '',
    references: [],
    body,
    bodyFirstLine: lastPosted + 2,
  };
}

function authorFromSignOff(body: string, name: string): Person {
  for (const m of body.matchAll(/^Signed-off-by:\s*(?!\s)(.+)$/gim)) {
    const person = parsePerson(m[1]!);
    if (person && person.name.toLowerCase() === name.toLowerCase()) return person;
  }
  return { name, email: '' };
}
