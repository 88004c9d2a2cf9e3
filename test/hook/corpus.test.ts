// The hook on the real corpus: every series of ../shared/corpus sent, one
// hook call per mail as newer git makes them, from a repository holding
// ../shared/qemu-tree, must get exactly the patch-rule findings that
// `patchlint check --tree ../shared/qemu-tree` gets on the same mails. A rule
// that reads past its own patch (which the hook cannot show it) would differ
// here, and so would any hook-only false alarm.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';
import { lintInputs } from '../../src/cli/check.js';
import type { Finding } from '../../src/engine/types.js';
import { validateMail } from '../../src/hook/validate.js';
import { DirectoryTree } from '../../src/tree/tree.js';
import { CORPUS, QEMU_TREE, corpusIndex, describeShared } from '../helpers/corpus.js';
import { isolateGit, makeQemuRepo, type QemuRepo } from '../helpers/qemu-repo.js';

// commit/fixes-sha reads the repository's history, which the hook has (here
// one commit, where every corpus Fixes: names no commit) and a plain
// directory given to check --tree has not: it is tested on its own
// (test/rules/commit/fixes-sha.test.ts).
const HISTORY_RULES = new Set(['commit/fixes-sha']);
const PATCH_RULES = new Set(ALL_RULES.filter((r) => r.meta.scope === 'patch' && !HISTORY_RULES.has(r.meta.id)).map((r) => r.meta.id));
const key = (messageId: string, f: Finding) => `${messageId} ${f.rule} ${f.severity} ${f.file ?? 'message'}:${f.line ?? ''}${f.endLine ? `-${f.endLine}` : ''} ${f.message}`;

/** The To and Cc header lines of a mail, as newer git's header file ($2) would carry them. */
function headerFileOf(mail: string): string {
  const head = mail.split(/\r?\n\r?\n/, 1)[0]!;
  return (head.match(/^(?:To|Cc):.*(?:\r?\n[ \t].*)*/gim) ?? []).join('\n') + '\n';
}

describeShared('the hook on the real corpus', () => {
  let repo: QemuRepo;
  let work: string;

  beforeAll(() => {
    isolateGit();
    // A repository whose work tree is the QEMU slice (copied to a temporary folder only).
    repo = makeQemuRepo('patchlint-hook-corpus-');
    rmSync(join(repo.dir, 'qapi'), { recursive: true });
    rmSync(join(repo.dir, 'migration'), { recursive: true });
    cpSync(QEMU_TREE, repo.dir, { recursive: true });
    repo.commit('QEMU slice\n\nThe files of ../shared/qemu-tree.\n');
    work = mkdtempSync(join(tmpdir(), 'patchlint-hook-corpus-mails-'));
  });
  afterAll(() => {
    repo?.remove();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('reports what check --tree reports, per patch, for every series of the corpus', async () => {
    const entries = corpusIndex();
    const byId = new Map(entries.map((e) => [e.messageId, e.file]));
    const cli = await lintInputs(
      entries.map((e) => join(CORPUS, e.file)),
      { rules: ALL_RULES, tree: new DirectoryTree(QEMU_TREE) },
    );
    expect(cli.errors).toEqual([]);
    const expected: string[] = [];
    for (const f of cli.findings) {
      if (!PATCH_RULES.has(f.rule)) continue;
      const id = cli.series[f.series]!.patches.find((p) => p.index === f.patch)!.messageId!;
      expected.push(key(id, f));
    }

    const actual: string[] = [];
    for (const series of cli.series) {
      // One send per series, in the order git would send it: cover letter first.
      const files = series.patches.map((p) => byId.get(p.messageId!)!);
      for (const [i, file] of files.entries()) {
        const mail = readFileSync(join(CORPUS, file), 'utf8');
        const headers = join(work, `${file}.headers`);
        writeFileSync(headers, headerFileOf(mail));
        const result = await validateMail({
          mail: join(CORPUS, file),
          headers,
          cwd: repo.dir,
          env: { GIT_SENDEMAIL_FILE_COUNTER: String(i + 1), GIT_SENDEMAIL_FILE_TOTAL: String(files.length) },
          rules: ALL_RULES,
        });
        expect(result.text).not.toMatch(/^patchlint: .*(cannot read|not a mail)/m);
        for (const m of result.mails) {
          for (const f of m.findings) {
            if (!PATCH_RULES.has(f.rule)) continue;
            const id = series.patches.find((p) => p.index === f.patch)!.messageId!;
            actual.push(key(id, f));
          }
        }
      }
    }
    expect(actual.sort()).toEqual(expected.sort());
    expect(cli.series.length).toBeGreaterThan(40);
  });
});
