// The engine with small rules written for these tests: what reaches the
// rules, and what happens to what they report.
import { describe, expect, it } from 'vitest';
import type { Rule, RuleContext } from '../../src/engine/types.js';
import { fileDiff, mail, mbox } from '../helpers/mail.js';
import { lintText } from '../helpers/lint.js';

function rule(id: string, check: (ctx: RuleContext) => void | Promise<void>, scope: 'patch' | 'series' = 'patch'): Rule {
  return { meta: { id, severity: 'warning', scope, needs: 'diff', description: `test rule ${id}` }, check };
}

const flagAdded = rule('test/added', (ctx) => {
  for (const file of ctx.patch!.files) for (const line of file.added) ctx.report({ message: `added ${line.text}`, file: file.path, line: line.line });
});

const series = mbox(
  mail({ subject: '[PATCH 0/2] x: two steps', messageId: '<c>', diff: '', signOff: false, body: 'Cover.' }),
  mail({ subject: '[PATCH 1/2] x: one', messageId: '<p1>', inReplyTo: '<c>', diff: fileDiff('b.c', 1, [' a', '+one']) }),
  mail({ subject: '[PATCH 2/2] x: two', messageId: '<p2>', inReplyTo: '<c>', diff: fileDiff('a.c', 1, [' a', '+two', '+three']) }),
);

const habit: Rule = { meta: { ...rule('test/habit', () => {}).meta, authorHabit: true }, check: (ctx) => ctx.report({ message: `habit of ${ctx.patch!.subject}` }) };
const pull = (trailers: string, n: number) =>
  mail({ subject: `[PULL ${n}/2] x: step ${n}`, from: 'Mary Maintainer <mary@example.org>', signOff: false, body: `From: Alice Author <alice@example.org>\n\nStep ${n}.\n\n${trailers}`, diff: fileDiff('a.c', 1, [' a', `+${n}`]) });

describe('engine', () => {
  it("does not run author-habit rules on PULL patches a maintainer applied, and does on the maintainer's own", async () => {
    const report = await lintText(mbox(pull('Signed-off-by: Alice Author <alice@example.org>\nSigned-off-by: Mary Maintainer <mary@example.org>', 1), mail({ subject: '[PULL 2/2] x: step 2', from: 'Mary Maintainer <mary@example.org>' })), { rules: [habit] });
    expect(report.findings.map((f) => [f.patch, f.message])).toEqual([[2, 'habit of x: step 2']]);
    const plain = await lintText(mail({ subject: '[PATCH] x: step 1', body: 'Step.\n\nSigned-off-by: Mary Maintainer <mary@example.org>' }), { rules: [habit] });
    expect(plain.findings).toHaveLength(1);
  });

  it('runs patch rules per patch (not on the cover) and sorts findings by patch, file, line', async () => {
    const report = await lintText(series, { rules: [flagAdded] });
    expect(report.findings.map((f) => [f.patch, f.file, f.line, f.message])).toEqual([
      [1, 'b.c', 2, 'added one'],
      [2, 'a.c', 2, 'added two'],
      [2, 'a.c', 3, 'added three'],
    ]);
    expect(report.findings[0]).toMatchObject({ severity: 'warning', series: 0, excerpt: ['one'] });
  });

  it('gives series rules the cover as default patch, or the one they name', async () => {
    const seriesRule = rule('test/series', (ctx) => {
      ctx.report({ message: 'about the series' });
      ctx.report({ message: 'about patch 2', patch: 2 });
    }, 'series');
    const report = await lintText(series, { rules: [seriesRule] });
    expect(report.findings.map((f) => [f.patch, f.message])).toEqual([
      [0, 'about the series'],
      [2, 'about patch 2'],
    ]);
  });

  it('applies config levels: off, family/*, and per-finding severity', async () => {
    const raising = rule('test/raise', (ctx) => ctx.report({ message: 'm', severity: 'error' }));
    expect((await lintText(series, { rules: [raising] })).findings.map((f) => f.severity)).toEqual(['error', 'error']);
    expect((await lintText(series, { rules: [raising], config: { rules: { 'test/raise': 'info' } } })).findings.map((f) => f.severity)).toEqual(['info', 'info']);
    expect((await lintText(series, { rules: [raising], config: { rules: { 'test/*': 'off' } } })).findings).toEqual([]);
  });

  it('drops findings on ignored paths', async () => {
    const report = await lintText(series, { rules: [flagAdded], config: { ignore: ['a.*'] } });
    expect(report.findings.map((f) => f.file)).toEqual(['b.c']);
  });

  it('removes duplicate findings', async () => {
    const twice = rule('test/twice', (ctx) => {
      ctx.report({ message: 'same', file: 'a.c', line: 1 });
      ctx.report({ message: 'same', file: 'a.c', line: 1 });
    });
    expect((await lintText(series, { rules: [twice] })).findings).toHaveLength(2); // once per patch
  });

  it('reports a crashing rule as an error and still runs the others', async () => {
    const crash = rule('test/crash', () => {
      throw new Error('boom');
    });
    const report = await lintText(series, { rules: [crash, flagAdded] });
    expect(report.findings).toHaveLength(3);
    expect(report.errors.map((e) => e.message)).toEqual([
      'rule test/crash failed on patch 1 of "x: two steps": boom',
      'rule test/crash failed on patch 2 of "x: two steps": boom',
    ]);
  });

  it('shares memoised views between rules for one patch only', async () => {
    let computed = 0;
    const a = rule('test/a', (ctx) => void ctx.memo('view', () => ++computed));
    const b = rule('test/b', (ctx) => void ctx.memo('view', () => ++computed));
    await lintText(series, { rules: [a, b] });
    expect(computed).toBe(2); // two patches, two rules: one computation per patch
  });

  it('shows each patch the tree before and after it, and the release from VERSION', async () => {
    const seen: string[] = [];
    const reader = rule('test/tree', async (ctx) => {
      seen.push(`${ctx.patch!.index}: ${await ctx.treeBefore.read('a.c')} -> ${await ctx.tree.read('a.c')} (${ctx.release.expected}, ${ctx.plan.kind})`);
    });
    await lintText(series, { rules: [reader], tree: { VERSION: '10.1.50\n', 'a.c': 'a\n' } });
    expect(seen).toEqual(['1: a\n -> a\n (10.2, applied)', '2: a\n -> a\ntwo\nthree\n (10.2, applied)']);
  });

  it('runs a rule that declares its files only on patches touching one', async () => {
    const seen: number[] = [];
    const onlyA = { ...rule('test/a-only', (ctx) => void seen.push(ctx.patch!.index)), meta: { ...rule('test/a-only', () => {}).meta, files: /^a\.c$/ } };
    await lintText(series, { rules: [onlyA] });
    expect(seen).toEqual([2]); // patch 1 touches b.c only
  });

  it('lets --qemu-version win over VERSION', async () => {
    let expected: string | undefined;
    await lintText(series, { rules: [rule('test/r', (ctx) => void (expected = ctx.release.expected))], tree: { VERSION: '10.1.50\n' }, qemuVersion: '11.0' });
    expect(expected).toBe('11.0');
  });
});
