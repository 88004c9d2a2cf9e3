// The `Fixes:` tags of a commit message (docs/devel/submitting-a-patch.rst:
// `Fixes: <sha> ("Fixed commit subject")`), with the lines that continue a
// folded value (`git interpret-trailers` folding).
import { MESSAGE_BODY_FIRST_LINE } from '../patch/model.js';

export interface FixesTag {
  /** The message line of the tag (subject = 1). */
  line: number;
  /** The value after `Fixes:`, folded lines joined. */
  value: string;
  /** The leading hex digits, when the value starts with some. */
  sha?: string;
  /** The text between `("` and the last `")`, when the value has it. */
  subject?: string;
}

/** Every Fixes: line of the message, in the tag block or in a paragraph of its own. */
export function fixesTags(message: string): FixesTag[] {
  const lines = message.split('\n');
  return lines.flatMap((text, index) => {
    if (!/^fixes:/i.test(text)) return [];
    let value = text.replace(/^[^:]*:\s*/, '');
    for (let i = index + 1; i < lines.length && /^\s+\S/.test(lines[i]!); i++) value += ' ' + lines[i]!.trim();
    value = value.trim();
    const sha = /^([0-9a-f]+)\b/i.exec(value)?.[1];
    const subject = quotedSubject(value);
    return [{ line: MESSAGE_BODY_FIRST_LINE + index, value, ...(sha ? { sha } : {}), ...(subject !== undefined ? { subject } : {}) }];
  });
}

/** The text between the first `("` and the `")` that ends the (trimmed) value: a scan, as a regular expression here backtracks per start. */
function quotedSubject(value: string): string | undefined {
  const open = value.indexOf('("');
  if (open < 0 || !value.endsWith('")') || value.length - 2 < open + 2) return undefined;
  return value.slice(open + 2, -2);
}
