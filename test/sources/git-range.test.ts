import { afterAll, describe, expect, it } from 'vitest';
import { readGitRange } from '../../src/sources/git-range.js';
import { tempRepo } from '../helpers/git-repo.js';

describe('--git A..B', () => {
  const repo = tempRepo();
  afterAll(() => repo.remove());
  const base = repo.commit('Initial import\n\nSigned-off-by: Jane Doe <jane@example.org>', { VERSION: '10.1.50\n', 'a.c': 'one\n' });
  const first = repo.commit('a: add two\n\nWhy two.\n\nSigned-off-by: Jane Doe <jane@example.org>', { 'a.c': 'one\ntwo\n' });
  const second = repo.commit('a: add three\n\nWhy three.\n\nSigned-off-by: John Roe <john@example.org>', { 'a.c': 'one\ntwo\nthree\n' }, 'John Roe <john@example.org>');

  it('makes one series of the range, commit k = patch k, whoever wrote it', async () => {
    const result = await readGitRange(`${base}..HEAD`, repo.dir);
    if (!('series' in result)) throw new Error(result.message);
    try {
      expect(result.series.total).toBe(2);
      expect(result.series.patches.map((p) => [p.index, p.subject, p.commitSha, p.author.email])).toEqual([
        [1, 'a: add two', first, 'jane@example.org'],
        [2, 'a: add three', second, 'john@example.org'],
      ]);
      expect(result.series.origin).toBe('commits');
      expect(result.plan.kind).toBe('per-commit');
      expect(await result.plan.before.read('a.c')).toBe('one\n');
      expect(await result.plan.after(1).read('a.c')).toBe('one\ntwo\n');
      expect(await result.plan.after(2).read('a.c')).toBe('one\ntwo\nthree\n');
      expect(await result.plan.before.version()).toBe('10.1.50');
      expect(await result.plan.before.read('../etc/passwd')).toBeUndefined();
    } finally {
      result.plan.close();
    }
  });

  it('reports a bad range as an input error, and never passes it as an option', async () => {
    expect(await readGitRange('nosuchrev..HEAD', repo.dir)).toMatchObject({ input: '--git nosuchrev..HEAD', message: expect.stringMatching(/^git: /) });
    expect(await readGitRange('--output=/tmp/x', repo.dir)).toEqual({ input: '--git --output=/tmp/x', message: 'not a revision range' });
    expect(await readGitRange('HEAD..HEAD', repo.dir)).toMatchObject({ message: 'the range holds no commits (merges are skipped)' });
  });
});
