import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { LintReport } from '../../src/report/summary.js';
import type { Rule } from '../../src/engine/types.js';
import { parseMail } from '../../src/mail/parse.js';
import { buildReplies, encodeHeader, toMbox } from '../../src/report/email.js';
import { toJsonObject } from '../../src/report/json.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { toSarif } from '../../src/report/sarif.js';
import { formatFinding, formatText } from '../../src/report/text.js';
import { lintText } from '../helpers/lint.js';
import { fileDiff, mail, mbox } from '../helpers/mail.js';

// Two rules written for these tests: one on a file line with a fix, one on the message.
const trailing: Rule = {
  meta: { id: 'test/trailing', severity: 'error', scope: 'patch', needs: 'diff', description: 'trailing whitespace', fixable: true },
  check(ctx) {
    for (const f of ctx.patch!.files)
      for (const l of f.added) if (/\s$/.test(l.text)) ctx.report({ message: 'trailing whitespace', file: f.path, line: l.line, fix: { replacement: [l.text.trimEnd()] } });
  },
};
const longLine: Rule = {
  meta: { id: 'test/long', severity: 'warning', scope: 'patch', needs: 'diff', description: 'long message line' },
  check(ctx) {
    ctx.patch!.message.split('\n').forEach((text, i) => text.length > 50 && ctx.report({ message: 'line over 50 characters', line: i + 3 }));
  },
};
const rules = [trailing, longLine];

const text = mbox(
  mail({ subject: '[PATCH v2 0/2] x: cover', messageId: '<c@x>', diff: '', signOff: false, body: 'Cover.' }),
  mail({
    subject: '[PATCH v2 1/2] x: add a line',
    from: 'Zoë Durand <zoe@example.org>',
    messageId: '<p1@x>',
    inReplyTo: '<c@x>',
    cc: 'Peter Maintainer <peter@example.org>, "Wang, Jason" <jasowang@example.org>',
    body: 'This message line is definitely longer than fifty characters, yes.',
    diff: fileDiff('hw/x.c', 7, [' a', '+b  ', ' c']),
  }),
  mail({ subject: '[PATCH v2 2/2] x: clean', messageId: '<p2@x>', inReplyTo: '<c@x>', body: 'Short.' }),
);

describe('reporters', async () => {
  const report: LintReport = await lintText(text, { rules });

  it('json follows the contract exactly', () => {
    const json = toJsonObject(report, '0.1.0');
    expect(json.findings).toEqual([
      { rule: 'test/long', severity: 'warning', message: 'line over 50 characters', series: 0, patch: 1, file: null, line: 3 },
      { rule: 'test/trailing', severity: 'error', message: 'trailing whitespace', series: 0, patch: 1, file: 'hw/x.c', line: 8, fix: { replacement: ['b'] } },
    ]);
    expect(json.series[0]).toMatchObject({ subject: 'x: cover', version: 2, total: 2, missing: [] });
    expect(json.summary).toEqual({ series: 1, patches: 2, error: 1, warning: 1, info: 0 });
  });

  it('text looks like checkpatch: label, rule, #N FILE line, the line, totals', () => {
    const out = formatText(report, { color: false });
    expect(out).toContain('ERROR: [test/trailing] trailing whitespace\n#24: FILE: hw/x.c:8:\n+b  \n');
    expect(out).toContain('WARNING: [test/long] line over 50 characters\n#14: COMMIT MESSAGE line 3:\nThis message line is definitely longer than fifty characters, yes.\n');
    expect(out).toContain('--- 1/2 x: add a line\n');
    expect(out).toContain('total: 1 error, 1 warning, 0 infos, 6 lines checked\n');
    expect(out).toContain('--- 2/2 x: clean\ntotal: 0 errors, 0 warnings, 0 infos, 6 lines checked\n');
    expect(out).not.toContain('\x1b[');
  });

  it('text uses colour only when asked', () => {
    expect(formatFinding(report.findings[1]!, true)).toMatch(/^\x1b\[1;31mERROR\x1b\[0m: \[test\/trailing\]/);
  });

  it('sarif 2.1.0 carries rule metadata and locations', () => {
    const sarif = toSarif(report, rules.map((r) => r.meta), '0.1.0');
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level])).toEqual([
      ['test/trailing', 'error'],
      ['test/long', 'warning'],
    ]);
    expect(run.results[1]).toMatchObject({ ruleId: 'test/trailing', ruleIndex: 0, level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'hw/x.c' }, region: { startLine: 8 } } }] });
    expect(run.results[0]!.locations[0]).toEqual({ logicalLocations: [{ name: 'commit message line 3 of patch 1/2 "x: add a line"', kind: 'module' }] });
    expect(run.tool.driver.rules[0]!.helpUri).toMatch(/^https:\/\/.+\/rules\/test\/trailing\.md$/);
    // A fix replaces the lines it covers; a finding without one has no fixes.
    expect(run.results[1]).toMatchObject({
      fixes: [{ artifactChanges: [{ artifactLocation: { uri: 'hw/x.c' }, replacements: [{ deletedRegion: { startLine: 8, endLine: 8 }, insertedContent: { text: 'b' } }] }] }],
    });
    expect(run.results[0]).not.toHaveProperty('fixes');
    expect(toSarif(report, rules.map((r) => r.meta), '0.1.0', 'https://d.example/x').runs[0]!.tool.driver.rules[0]!.helpUri).toBe('https://d.example/x/rules/test/trailing.md');
  });

  it('markdown has per-rule counts and a table per patch', () => {
    const md = formatMarkdown(report);
    expect(md).toContain('| `test/long` | warning | 1 |');
    expect(md).toContain('| ❌ | `test/trailing` | `hw/x.c:8` | trailing whitespace |');
    expect(md).toContain('#### 1/2 x: add a line');
    expect(md).not.toContain('2/2 x: clean');
  });

  it('email answers the series once, To its sender, Cc everyone it went to, quoted and wrapped', async () => {
    const replies = buildReplies(report, { from: 'patchlint <bot@example.org>', toolVersion: '0.1.0', now: new Date('2025-09-05T10:00:00Z') });
    expect(replies).toHaveLength(1);
    const reply = await parseMail(Buffer.from(replies[0]!.text));
    // One reply per series: to the cover letter, speaking of the series.
    expect(reply.subject).toBe('Re: [PATCH v2 0/2] x: cover');
    expect(reply.inReplyTo).toBe('<c@x>');
    expect(reply.from).toEqual({ name: 'patchlint', email: 'bot@example.org' });
    expect(reply.body).toContain('qemu-patchlint checked this series and found 1 error and 1 warning.');
    expect(reply.body).toContain('On 1/2 "x: add a line":');
    expect(reply.body).toContain('hw/x.c:8:\n> +b  \n\nERROR: [test/trailing] trailing whitespace\n');
    expect(reply.body).toContain('Commit message, line 3:\n> This message line is definitely longer than fifty characters, yes.\n');
    expect(reply.body).toContain('\nVerdict: please fix the 1 error and send v3 of the series.\n');
    for (const line of reply.body.split('\n')) if (!line.startsWith('> ') && !line.startsWith('https://')) expect(line.length).toBeLessThanOrEqual(72);
    expect(reply.body).toMatch(/\n-- \n.*\nhttps:\/\/\S+\/rules\/test\/long\.md\nhttps:\/\/\S+\/rules\/test\/trailing\.md\n$/);
    expect(toMbox(replies)).toMatch(/^From qemu-patchlint /);
  });

  it('email per patch: threaded under the patch, To its sender, the Cc and the list, no address twice', async () => {
    const replies = buildReplies(report, { from: 'patchlint <bot@example.org>', toolVersion: '0.1.0', perPatch: true });
    expect(replies).toHaveLength(1);
    const reply = await parseMail(Buffer.from(replies[0]!.text));
    expect(reply.subject).toBe('Re: [PATCH v2 1/2] x: add a line');
    expect(reply.inReplyTo).toBe('<p1@x>');
    expect(reply.references).toEqual(['<c@x>', '<p1@x>']);
    expect(replies[0]!.text).toContain(`To: ${encodeHeader('Zoë Durand')} <zoe@example.org>`);
    expect(reply.body).toMatch(/^Hi Zoë,\n/);
    expect(reply.body).toContain('qemu-patchlint checked this patch');
    expect(reply.body).toContain('Verdict: please fix the 1 error and send v3 of the patch.');
    // A comma in a display name stays inside its quotes.
    expect(reply.cc.map((p) => [p.name, p.email])).toEqual([
      ['', 'qemu-devel@nongnu.org'],
      ['Peter Maintainer', 'peter@example.org'],
      ['Wang, Jason', 'jasowang@example.org'],
    ]);
    expect(new Set(replies[0]!.recipients).size).toBe(replies[0]!.recipients.length);
  });

  it('email: no resend asked for warnings, no mail at all for infos alone', () => {
    const warnings = { ...report, findings: report.findings.filter((f) => f.severity !== 'error') };
    const [reply] = buildReplies(warnings, { from: 'b <b@x>', toolVersion: '0.1.0' });
    expect(reply!.text).toContain('\nVerdict: no resend for these alone; fold them into v3 if there is one.\n');
    const infos = { ...report, findings: report.findings.map((f) => ({ ...f, severity: 'info' as const })) };
    expect(buildReplies(infos, { from: 'b <b@x>', toolVersion: '0.1.0' })).toEqual([]);
  });

  it('email links rules under docs-url', () => {
    const [reply] = buildReplies(report, { from: 'b <b@x>', toolVersion: '0.1.0', docsUrl: 'https://docs.example.org/patchlint/' });
    expect(reply!.text).toContain('\nhttps://docs.example.org/patchlint/rules/test/trailing.md\n');
    expect(reply!.text).not.toMatch(/rules\/<rule>|\.\.\//);
  });
});

describe('colour on the command line', () => {
  async function run(isTTY: boolean, env: NodeJS.ProcessEnv) {
    let out = '';
    const { Readable } = await import('node:stream');
    await main(['-'], { stdout: (t) => (out += t), stderr: () => {}, stdin: Readable.from([Buffer.from(mail({ signOff: false }))]), isTTY, env, cwd: process.cwd() });
    return out;
  }
  it('colours on a terminal, never with NO_COLOR, never into a pipe', async () => {
    expect(await run(true, {})).toContain('\x1b[1;31mERROR');
    expect(await run(true, { NO_COLOR: '1' })).not.toContain('\x1b[');
    expect(await run(false, {})).not.toContain('\x1b[');
  });
});

describe('streamed output', () => {
  it('JsonWriter writes exactly what formatJson does, with and without series', async () => {
    const { formatJson, JsonWriter } = await import('../../src/report/json.js');
    const report = await lintText(text + '\n' + mbox(mail({ subject: '[PATCH] y: other', messageId: '<o@x>' })), { rules });
    for (const r of [report, { series: [], findings: [], errors: [{ input: 'a.mbox', message: 'empty input' }] }]) {
      let streamed = '';
      const writer = new JsonWriter((t) => (streamed += t), '0.1.0');
      for (const s of r.series) writer.series(s);
      writer.finish(r.findings, r.errors);
      expect(streamed).toBe(formatJson(r, '0.1.0'));
      expect(() => JSON.parse(streamed)).not.toThrow();
    }
  });

  it('the CLI prints series in input order, a blank line between them', async () => {
    const { patchlint } = await import('../helpers/cli.js');
    const r = patchlint(['-', '--format', 'text'], { input: mbox(mail({ subject: '[PATCH] a: first', messageId: '<a@x>' }), mail({ subject: '[PATCH] b: second', messageId: '<b@x>' })) });
    expect(r.stdout).toBe(
      '--- a: first\ntotal: 0 errors, 0 warnings, 0 infos, 6 lines checked\n\n--- b: second\ntotal: 0 errors, 0 warnings, 0 infos, 6 lines checked\n\n2 series, 2 patches: 0 errors, 0 warnings, 0 infos\n',
    );
  });
});

describe('series heading', () => {
  it('keeps the subject tag words: a pull request is not a patch series', async () => {
    const pull = mbox(
      mail({ subject: '[PULL 0/2] Migration 20250901 patches', messageId: '<pc@x>', diff: '', signOff: false, body: 'The following changes...' }),
      mail({ subject: '[PULL 1/2] migration: one', messageId: '<p1@x>', inReplyTo: '<pc@x>' }),
      mail({ subject: '[PULL 2/2] migration: two', messageId: '<p2@x>', inReplyTo: '<pc@x>' }),
    );
    const report = await lintText(pull, { rules });
    expect(formatText(report, { color: false })).toMatch(/^=== \[PULL 0\/2\] Migration 20250901 patches \(2 patches and a cover letter\)\n/);
  });
});
