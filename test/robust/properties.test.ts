// Property tests for the readers of untrusted text (issue 14): for every
// generated input no exception escapes but the reader's own input errors,
// the result is deterministic, and round trips hold where they exist. A fixed
// seed and a small budget keep them to a few seconds; `npm run fuzz` is the
// long-running complement.
import { Readable } from 'node:stream';
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { scanCText } from '../../src/c/scan.js';
import { splitMbox } from '../../src/mail/mbox.js';
import { NotAMailError, parseMail } from '../../src/mail/parse.js';
import { parseMaintainers } from '../../src/maintainers/parse.js';
import { DiffError, parsePatchDiff } from '../../src/patch/diff.js';
import { parseFragments } from '../../src/qapi/fragment.js';
import { lexLine } from '../../src/qapi/lexer.js';
import { parseSchema } from '../../src/qapi/parser.js';
import { applyFileDiff } from '../../src/tree/apply.js';

fc.configureGlobal({ seed: 14, numRuns: 150, endOnFailure: true });

// Text that looks like what the readers meet: their syntax characters, line
// breaks, control characters and non-ASCII, more often than chance would give.
const SYNTAX = ['\n', ' ', '\t', '{', '}', '[', ']', "'", ':', ',', '#', '##', '@', '+', '-', '\\', '"', '/*', '*/', '(', ')', ';', '@@ -1,2 +1,3 @@', 'diff --git a/x b/x', '--- a/x', '+++ b/x', 'From ', '>From ', '\r', '\x1b', '\x00', 'é', 'true', 'Content-Type: multipart/mixed; boundary=b', '--b', 'Subject: ', 'M: ', 'F: '];
const soup = fc.array(fc.oneof(fc.constantFrom(...SYNTAX), fc.string({ maxLength: 6 })), { maxLength: 80 }).map((parts) => parts.join(''));

/** Runs `read` twice on `input` and checks it either fails with `allowed` errors or gives equal results both times. */
async function deterministic<T>(read: () => T | Promise<T>, allowed: Array<new (...args: never[]) => unknown> = []): Promise<void> {
  let first: T | undefined;
  try {
    first = await read();
  } catch (error) {
    if (!allowed.some((kind) => error instanceof kind)) throw error;
    await expect(Promise.resolve().then(read)).rejects.toThrow();
    return;
  }
  expect(JSON.stringify(await read(), replacer)).toBe(JSON.stringify(first, replacer));
}
const replacer = (_key: string, value: unknown) => (value instanceof Map ? [...value] : value instanceof Set ? [...value] : value);

async function messagesOf(chunks: Buffer[]): Promise<Array<{ text: string; line: number; separator?: string }>> {
  const out = [];
  for await (const m of splitMbox(Readable.from(chunks))) out.push({ text: m.bytes.toString('latin1'), line: m.line, separator: m.separator });
  return out;
}

/** Cuts `bytes` at the given fractions. */
function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => Math.floor(c * bytes.length)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const to of [...at, bytes.length]) {
    if (to > from) out.push(bytes.subarray(from, to));
    from = Math.max(from, to);
  }
  return out;
}

describe('mail splitter', () => {
  it.prop([soup, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 })])('gives the same messages however the stream is cut', async (text, cuts) => {
    const bytes = Buffer.from(text, 'latin1');
    expect(await messagesOf(chunked(bytes, cuts))).toEqual(await messagesOf([bytes]));
  });

  const body = fc.array(fc.oneof(fc.constantFrom('From me', '>From you', '>>From x', '', 'text'), fc.string({ maxLength: 10 }).map((s) => s.replace(/[\r\n]/g, ''))), { minLength: 1, maxLength: 8 });
  it.prop([fc.array(body, { minLength: 1, maxLength: 5 })])('round-trips mboxrd: escaped on writing, unescaped on reading', async (messages) => {
    const texts = messages.map((lines) => `Subject: x\n\n${lines.join('\n')}\n`);
    const escaped = texts.map((t) => `From mboxrd@z Thu Jan  1 00:00:00 1970\n${t.replace(/^(>*From )/gm, '>$1')}`).join('\n');
    const read = await messagesOf([Buffer.from(escaped, 'latin1')]);
    expect(read.map((m) => m.text.replace(/\n+$/, ''))).toEqual(texts.map((t) => t.replace(/\n+$/, '')));
  });
});

describe('MIME decoding', () => {
  const header = fc.constantFrom('Subject: [PATCH] a: b', 'From: A <a@b>', 'Content-Type: multipart/mixed; boundary=b', 'Content-Type: text/plain; charset=utf-7', 'Content-Transfer-Encoding: base64', 'Content-Transfer-Encoding: quoted-printable', 'MIME-Version: 1.0', 'Subject: =?utf-8?B?w6k=?= =?x?Q?=ZZ?=', 'To: "a" <b@c>, :;');
  it.prop([fc.array(header, { maxLength: 6 }), soup])('reads any header block and body, or says which line is not a mail', async (headers, body) => {
    await deterministic(() => parseMail(Buffer.from(`${headers.join('\n')}\n\n${body}`)), [NotAMailError]);
  });
  it.prop([soup])('never throws anything but NotAMailError on arbitrary bytes', async (text) => {
    await deterministic(() => parseMail(Buffer.from(text)), [NotAMailError]);
  });
});

// A file and an edit of it: each old line kept, dropped or followed by new lines.
const fileAndEdit = fc.array(fc.record({ text: fc.string({ maxLength: 8 }).map((s) => s.replace(/[\r\n\\]/g, '')), op: fc.constantFrom('keep', 'drop', 'add') }), { minLength: 1, maxLength: 30 });

describe('diff parser and line maps', () => {
  it.prop([fileAndEdit])('a generated patch, applied, gives the new file, and its line map holds the new lines', (edit) => {
    const before: string[] = [];
    const after: string[] = [];
    const hunk: string[] = [];
    edit.forEach((e, i) => {
      before.push(`${i}${e.text}`);
      if (e.op !== 'drop') after.push(`${i}${e.text}`);
      hunk.push(`${e.op === 'drop' ? '-' : ' '}${i}${e.text}`);
      if (e.op === 'add') {
        after.push(`new ${i}`);
        hunk.push(`+new ${i}`);
      }
    });
    const diff = ['diff --git a/f.c b/f.c', '--- a/f.c', '+++ b/f.c', `@@ -1,${before.length} +1,${after.length} @@`, ...hunk];
    const [file] = parsePatchDiff(diff, 1);
    expect(applyFileDiff(before.join('\n') + '\n', file!)).toBe(after.length ? after.join('\n') + '\n' : '');
    expect([...file!.lines.values()].map((l) => [l.line, l.text])).toEqual(after.map((text, k) => [k + 1, text]));
    expect(file!.added.map((l) => l.text)).toEqual(after.filter((t) => t.startsWith('new ')));
  });

  it.prop([soup])('reads any text as a diff or raises DiffError', async (text) => {
    await deterministic(() => parsePatchDiff(text.split('\n'), 1), [DiffError]);
  });

  it.prop([fc.array(fc.constantFrom('diff --git a/q.json b/q.json', '--- a/q.json', '+++ b/q.json', '@@ -1 +1 @@', '@@ -1,2 +1,3 @@', '@@ -0,0 +1 @@', '\\ No newline at end of file', '+x', '-x', ' x', ''), { maxLength: 14 })])(
    'reads any arrangement of diff lines or raises DiffError',
    async (lines) => {
      await deterministic(() => parsePatchDiff(lines, 1), [DiffError]);
    },
  );
});

// A schema of structs and enums, printed as QEMU writes it.
const ident = fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/);
const definition = fc.record({ kind: fc.constantFrom('struct', 'enum'), name: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,7}$/), members: fc.uniqueArray(ident, { minLength: 1, maxLength: 6 }), documented: fc.boolean() });
const schema = fc.uniqueArray(definition, { selector: (d) => d.name, maxLength: 6 });

function printSchema(defs: Array<{ kind: string; name: string; members: string[]; documented: boolean }>): string {
  return defs
    .map((d) => {
      const doc = d.documented ? ['##', `# @${d.name}:`, '#', '# Something.', '#', ...d.members.map((m) => `# @${m}: member ${m}`), '#', '# Since: 10.2', '##'] : [];
      const data = d.kind === 'enum' ? `[ ${d.members.map((m) => `'${m}'`).join(', ')} ]` : `{ ${d.members.map((m) => `'${m}': 'int'`).join(',\n    ')} }`;
      return [...doc, `{ '${d.kind}': '${d.name}',`, `  'data': ${data} }`].join('\n');
    })
    .join('\n\n');
}

describe('QAPI lexer, parser and fragment reader', () => {
  it.prop([schema])('a generated schema, printed and parsed, gives its definitions back', (defs) => {
    const parsed = parseSchema(printSchema(defs) + '\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.definitions.map((d) => [d.name, d.members.map((m) => m.name), d.doc?.members.map((s) => s.name) ?? []])).toEqual(
      defs.map((d) => [d.name, d.members, d.documented ? d.members : []]),
    );
  });

  it.prop([schema])('the fragment reader, shown the whole file, finds the same definitions', (defs) => {
    const text = printSchema(defs);
    const lines = text.split('\n').map((t, i) => ({ line: i + 1, text: t, added: true }));
    expect(parseFragments(lines).definitions.map((d) => [d.name, d.members.map((m) => m.name)])).toEqual(parseSchema(text + '\n').definitions.map((d) => [d.name, d.members.map((m) => m.name)]));
  });

  it.prop([soup])('lexes, parses and reads fragments of any text without throwing', async (text) => {
    await deterministic(() => text.split('\n').map((l, i) => lexLine(l, i + 1)));
    await deterministic(() => parseSchema(text));
    const lines = text.split('\n').map((t, i) => ({ line: i + 1 + (i > 3 ? 5 : 0), text: t, added: i % 2 === 0 }));
    await deterministic(() => parseFragments(lines));
  });
});

describe('C scanner', () => {
  it.prop([soup])('scans any text without throwing', async (text) => {
    await deterministic(() => scanCText(text));
  });
  it.prop([fc.array(ident.map((s) => s.replace(/-/g, '_')), { minLength: 1, maxLength: 5 })])('finds every function of generated C', (names) => {
    const unique = [...new Set(names)];
    const scan = scanCText(unique.map((n) => `static int ${n}(void)\n{\n    return 0; /* { */\n}\n`).join('\n'));
    expect(scan.functions.map((f) => f.name)).toEqual(unique);
  });
});

describe('MAINTAINERS parser', () => {
  it.prop([soup])('parses any text without throwing', async (text) => {
    await deterministic(() => parseMaintainers(text));
  });
  const section = fc.record({ title: fc.stringMatching(/^[A-Z][A-Za-z ]{0,10}[a-z]$/), files: fc.array(fc.stringMatching(/^[a-z]{1,5}\/[a-z*]{1,5}$/), { minLength: 1, maxLength: 4 }) });
  it.prop([fc.array(section, { maxLength: 6 })])('gives generated sections back, titles and F: patterns', (sections) => {
    const text = sections.map((s) => [s.title, 'M: A Person <a@b.org>', ...s.files.map((f) => `F: ${f}`)].join('\n')).join('\n\n');
    expect(parseMaintainers(text).sections.map((s) => [s.title, s.tags.filter((t) => t.type === 'F').map((t) => t.value)])).toEqual(sections.map((s) => [s.title, s.files]));
  });
});
