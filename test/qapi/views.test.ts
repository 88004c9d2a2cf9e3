// The shared views: which schema files a patch touches, parsed whole when the
// tree has them at the lines the diff shows, else from the hunks.
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/engine/types.js';
import { type QapiView, qapiViews } from '../../src/qapi/views.js';
import { lintText } from '../helpers/lint.js';
import { fileDiff, mail } from '../helpers/mail.js';

const SCHEMA = [
  '##',
  '# @Foo:',
  '#',
  '# @a: The a.',
  '#',
  '# Since: 9.0',
  '##',
  "{ 'struct': 'Foo',",
  "  'data': { 'a': 'int' } }",
].join('\n') + '\n';

/** A patch adding member `b` to Foo, its hunk stated at `start`. */
const addMember = (start = 4) =>
  mail({
    subject: '[PATCH] qapi: add Foo.b',
    body: 'Add a b to Foo.',
    diff: fileDiff('qapi/foo.json', start, [' # @a: The a.', '+#', '+# @b: The b.  (since 10.2)', ' #', ' # Since: 9.0', ' ##', " { 'struct': 'Foo',", "-  'data': { 'a': 'int' } }", "+  'data': { 'a': 'int', 'b': 'int' } }"]),
  });

async function viewsOf(patch: string, tree?: Record<string, string>): Promise<QapiView[]> {
  const seen: QapiView[] = [];
  const probe: Rule = {
    meta: { id: 'test/probe', severity: 'info', scope: 'patch', needs: 'diff', description: 'records the views' },
    async check(ctx) {
      seen.push(...(await qapiViews(ctx)));
      // A second call is the same parse (ctx.memo).
      expect((await qapiViews(ctx))[0]).toBe(seen[0]);
    },
  };
  const report = await lintText(patch, { rules: [probe], tree });
  expect(report.errors).toEqual([]);
  return seen;
}

describe('qapiViews', () => {
  it('parses the file whole, before and after, when the tree has it where the diff says', async () => {
    const [view] = await viewsOf(addMember(), { 'qapi/foo.json': SCHEMA, 'qapi/pragma.json': "{ 'pragma': { 'documentation-exceptions': [ 'Bar' ] } }\n" });
    expect(view!.after.mode).toBe('whole');
    expect(view!.after.definitions[0]!.members.map((m) => m.name)).toEqual(['a', 'b']);
    expect(view!.before!.definitions[0]!.members.map((m) => m.name)).toEqual(['a']);
    expect(view!.pragmas?.documentationExceptions).toEqual(['Bar']);
    expect(view!.added(6)).toBe(true);
    // The re-written last line of the struct is added, but not new text.
    expect(view!.added(11)).toBe(true);
    expect(view!.changed(11)).toBe(true);
    expect(view!.changed(4)).toBe(false);
  });

  it('reads only the hunks without a tree', async () => {
    const [view] = await viewsOf(addMember());
    expect(view!.after.mode).toBe('fragment');
    expect(view!.before).toBeUndefined();
    expect(view!.pragmas).toBeUndefined();
  });

  it('reads only the hunks when they applied elsewhere than the diff says', async () => {
    const [view] = await viewsOf(addMember(40), { 'qapi/foo.json': SCHEMA });
    expect(view!.after.mode).toBe('fragment');
  });

  it('parses a file the patch creates whole, even without a tree', async () => {
    const patch = mail({ subject: '[PATCH] qapi: add foo', body: 'Add it.', diff: fileDiff('qapi/foo.json', 1, SCHEMA.trimEnd().split('\n').map((l) => `+${l}`), { newFile: true }) });
    const [view] = await viewsOf(patch);
    expect(view).toMatchObject({ created: true, kind: 'qmp' });
    expect(view!.after.mode).toBe('whole');
  });

  it('skips parser tests meant to fail, and files that are no schema', async () => {
    const test = (err: string[]) =>
      mail({
        subject: '[PATCH] tests/qapi-schema: add a test',
        body: 'Add a test.',
        diff:
          fileDiff('tests/qapi-schema/doc-bad.json', 1, ["+{ 'struct': 'Foo', 'data': {} }"], { newFile: true }) +
          (err.length ? fileDiff('tests/qapi-schema/doc-bad.err', 1, err, { newFile: true }) : '') +
          fileDiff('docs/devel/qapi-code-gen.rst', 10, [' a', '+b', ' c']),
      });
    expect(await viewsOf(test(['+doc-bad.json:1: documentation comment required']))).toEqual([]);
    expect(await viewsOf(test([]))).toEqual([]);
    const positive = mail({
      subject: '[PATCH] tests/qapi-schema: add a test',
      body: 'Add a test.',
      diff: fileDiff('tests/qapi-schema/good.json', 1, ["+{ 'struct': 'Foo', 'data': {} }"], { newFile: true }) + 'diff --git a/tests/qapi-schema/good.err b/tests/qapi-schema/good.err\nnew file mode 100644\nindex 0000000000..e69de29bb2\n',
    });
    expect((await viewsOf(positive)).map((v) => [v.path, v.kind])).toEqual([['tests/qapi-schema/good.json', 'test']]);
  });
});
