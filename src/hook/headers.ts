// The SMTP header file newer git (2.40 and later) passes as the hook's $2:
// `From:`, `To:`, `Cc:`, `Subject:`, `Date:`, `Message-ID:`, ... as
// git-send-email's gen_header() writes them, long address lists folded with
// a tab. It names the recipients the mail will really go to, including the
// --to/--cc options and the cc-cmd (get_maintainer.pl) results.
import { addressParser } from 'postal-mime';
import type { Patch, Person } from '../patch/model.js';

/** Header lines with folded continuations joined, as [name, value]. */
function unfoldedHeaders(text: string): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  for (const raw of text.replace(/\r\n/g, '\n').split('\n')) {
    if (/^[ \t]/.test(raw) && headers.length) {
      headers[headers.length - 1]![1] += ' ' + raw.trim();
      continue;
    }
    const m = /^([\x21-\x39\x3b-\x7e]+):\s*(?!\s)(.*)$/.exec(raw);
    if (m) headers.push([m[1]!.toLowerCase(), m[2]!]);
  }
  return headers;
}

function people(values: string[]): Person[] {
  return values
    .flatMap((v) => addressParser(v, { flatten: true }))
    .filter((a) => a.address)
    .map((a) => ({ name: a.name ?? '', email: a.address! }));
}

export function recipientsFromHeaders(text: string): Patch['recipients'] {
  const headers = unfoldedHeaders(text);
  const values = (name: string) => headers.filter(([n]) => n === name).map(([, v]) => v);
  return { to: people(values('to')), cc: people(values('cc')) };
}
