// MAINTAINERS K: values are Perl regular expressions, applied with /x and
// often with an inline (?i) in the middle (`^Subject:.*(?i)trivial`), which
// JavaScript (Node 20) has no syntax for. This translates the subset
// MAINTAINERS uses: /x whitespace and comments, and (?i) / (?i:...) by
// spelling each letter in its scope as a two-case class.

/** The JavaScript RegExp for a Perl pattern, or undefined when it uses something this cannot translate. */
export function perlRegExp(source: string, options: { extended: boolean }): RegExp | undefined {
  let out = '';
  let caseless = false;
  const groups: boolean[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined) return undefined;
      out += next === 'A' ? '^' : next === 'z' || next === 'Z' ? '$' : c + next;
      i++;
      continue;
    }
    if (c === '[') {
      const end = classEnd(source, i);
      if (end < 0) return undefined;
      const body = source.slice(i + 1, end);
      out += `[${body}${caseless ? swapCaseOutsideEscapes(body.replace(/^\^/, '')) : ''}]`;
      i = end;
      continue;
    }
    if (options.extended && /\s/.test(c)) continue;
    if (options.extended && c === '#') break;
    if (c === '(') {
      const inline = /^\(\?([a-z]*)(?:-([a-z]*))?(\)|:)/.exec(source.slice(i));
      if (inline && (inline[1] || inline[2])) {
        const on = inline[1]!;
        const off = inline[2] ?? '';
        if (/[^i]/.test(on + off)) return undefined;
        if (inline[3] === ')') {
          caseless = on.includes('i') ? true : off.includes('i') ? false : caseless;
        } else {
          groups.push(caseless);
          caseless = on.includes('i') ? true : off.includes('i') ? false : caseless;
          out += '(?:';
        }
        i += inline[0].length - 1;
        continue;
      }
      if (source[i + 1] === '?' && !/^\(\?(?::|=|!|<=|<!)/.test(source.slice(i))) return undefined;
      groups.push(caseless);
      out += c;
      continue;
    }
    if (c === ')') {
      caseless = groups.pop() ?? false;
      out += c;
      continue;
    }
    out += caseless && /[A-Za-z]/.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c;
  }
  try {
    return new RegExp(out);
  } catch {
    return undefined;
  }
}

/** Index of the `]` closing the class that opens at `start` (a leading `]` is literal). */
function classEnd(source: string, start: number): number {
  let j = start + 1;
  if (source[j] === '^') j++;
  if (source[j] === ']') j++;
  for (; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === ']') return j;
  }
  return -1;
}

function swapCaseOutsideEscapes(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      out += c + (body[i + 1] ?? '');
      i++;
    } else out += c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
  }
  return out;
}
