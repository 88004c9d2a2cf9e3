// commit/fixes-sha against a real git repository made here: a checkout given
// as the tree (as --tree and the hook do), a commit of a --git range, and
// trees without history, where the rule is silent.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../../rules/commit/fixes-sha.js';
import { lintInputs } from '../../../src/cli/check.js';
import { DEFAULT_CONFIG } from '../../../src/engine/config.js';
import { commitLookup } from '../../../src/tree/commits.js';
import { DirectoryTree, MemoryTree } from '../../../src/tree/tree.js';
import { tempRepo } from '../../helpers/git-repo.js';
import { mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const COLO = Array.from({ length: 9 }, (_, i) => `/* line ${i + 1} */`).join('\n') + '\na\nc\n';
const repo = tempRepo();
const fixed = repo.commit('migration/colo: cache the RAM block list', { 'migration/colo.c': COLO, 'VERSION': '10.1.50\n' });
const later = repo.commit('migration/colo: name the cache after its block', { 'migration/colo.c': COLO + '/* more */\n' });
// A commit on another branch, not in HEAD's history.
repo.git('checkout', '-q', '-b', 'side');
const side = repo.commit('migration/colo: try a smaller cache', { 'side.txt': 'x\n' });
repo.git('checkout', '-q', 'master');
// Commits that are no branch's, until two start with the same 4 digits: a short SHA git cannot resolve.
const ambiguous = ((): string => {
  const tree = repo.git('rev-parse', 'HEAD^{tree}').trim();
  const seen = new Map<string, string>();
  const env = { ...process.env, GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z', GIT_CONFIG_GLOBAL: '/dev/null' };
  for (let i = 0; ; i++) {
    const sha = execFileSync('git', ['-c', 'user.name=J', '-c', 'user.email=j@example.org', 'commit-tree', '-m', `filler ${i}`, tree], { cwd: repo.dir, env, encoding: 'utf8' }).trim();
    const prefix = sha.slice(0, 4);
    if (seen.has(prefix)) return prefix;
    seen.set(prefix, sha);
  }
})();
// A shallow clone (as CI checks out) holds only the last commit of master.
const shallow = mkdtempSync(join(tmpdir(), 'patchlint-shallow-'));
execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, shallow], { env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' } });
afterAll(() => {
  repo.remove();
  rmSync(shallow, { recursive: true, force: true });
});

const checkout = () => new DirectoryTree(repo.dir, commitLookup(repo.dir, 'HEAD'));
const withFixes = (tag: string) => mail({ body: `The cache outlives the block it was made for.\n\n${tag}` });
const FIXES_LINE = 5;

ruleTester(rule, {
  valid: [
    { name: 'the SHA and the subject of a commit of the checkout', patch: withFixes(`Fixes: ${fixed.slice(0, 12)} ("migration/colo: cache the RAM block list")`), tree: checkout() },
    { name: 'a short SHA, the whole SHA', patch: withFixes(`Fixes: ${later.slice(0, 7)} ("migration/colo: name the cache after its block")\nFixes: ${fixed} ("migration/colo: cache the RAM block list")`), tree: checkout() },
    { name: 'a subject folded onto the next line', patch: withFixes(`Fixes: ${fixed.slice(0, 12)} ("migration/colo: cache the\n RAM block list")`), tree: checkout() },
    { name: 'a subject cut with an ellipsis', patch: withFixes(`Fixes: ${fixed.slice(0, 12)} ("migration/colo: cache the RAM...")`), tree: checkout() },
    { name: 'no git history: a directory that is no checkout', patch: withFixes('Fixes: 0123456789ab ("migration: no such commit")'), tree: new DirectoryTree(repo.dir) },
    { name: 'no git history: files in memory', patch: withFixes('Fixes: 0123456789ab ("migration: no such commit")'), tree: new MemoryTree({ 'migration/colo.c': COLO }) },
    {
      name: 'a shallow clone, whose history stops before the fixed commit',
      patch: withFixes(`Fixes: ${fixed.slice(0, 12)} ("migration/colo: cache the RAM block list")`),
      tree: new DirectoryTree(shallow, commitLookup(shallow, 'HEAD')),
    },
    { name: 'no tree at all', patch: withFixes('Fixes: 0123456789ab ("migration: no such commit")') },
  ],
  invalid: [
    {
      name: 'a SHA the repository does not have',
      patch: withFixes('Fixes: 0123456789ab ("migration/colo: cache the RAM block list")'),
      tree: checkout(),
      errors: [{ file: null, line: FIXES_LINE, severity: 'warning', message: /^Fixes: 0123456789ab names no commit of the repository/ }],
    },
    {
      name: 'the subject of another commit',
      patch: withFixes(`Fixes: ${fixed.slice(0, 12)} ("migration/colo: name the cache after its block")`),
      tree: checkout(),
      errors: [{ line: FIXES_LINE, severity: 'warning', message: `Fixes: ${fixed.slice(0, 12)} is "migration/colo: cache the RAM block list", not "migration/colo: name the cache after its block": Fixes: ${fixed.slice(0, 12)} ("migration/colo: cache the RAM block list")` }],
    },
    {
      name: 'a short SHA that two commits start with',
      patch: withFixes(`Fixes: ${ambiguous} ("migration/colo: cache the RAM block list")`),
      tree: checkout(),
      errors: [{ line: FIXES_LINE, severity: 'warning', message: new RegExp(`^Fixes: ${ambiguous} is ambiguous: [2-9] commits start with it`) }],
    },
    {
      name: 'a commit of another branch',
      patch: withFixes(`Fixes: ${side.slice(0, 12)} ("migration/colo: try a smaller cache")`),
      tree: checkout(),
      errors: [{ line: FIXES_LINE, severity: 'info', message: /exists but is not in the history of directory / }],
    },
  ],
});

describe('commit/fixes-sha on a --git range', () => {
  it('checks each commit against its own history', async () => {
    const bad = repo.commit(`migration/colo: free the cache\n\nThe cache outlives its block.\n\nFixes: ${fixed.slice(0, 12)} ("migration/colo: drop the cache")\nFixes: ${later.slice(0, 12)} ("migration/colo: name the cache after its block")\nSigned-off-by: Jane Doe <jane@example.org>`, { 'migration/colo.c': COLO + '/* freed */\n' });
    const report = await lintInputs([], { rules: [rule], config: { ...DEFAULT_CONFIG, rules: {} }, cwd: repo.dir, gitRange: `${bad}^..${bad}` });
    expect(report.errors).toEqual([]);
    expect(report.findings.map((f) => [f.line, f.severity, f.message])).toEqual([
      [5, 'warning', `Fixes: ${fixed.slice(0, 12)} is "migration/colo: cache the RAM block list", not "migration/colo: drop the cache": Fixes: ${fixed.slice(0, 12)} ("migration/colo: cache the RAM block list")`],
    ]);
  });
});
