// The commit/, series/, style/ and maintainers/ rules over the real corpus:
// what they find must be exactly the reviewed list, with and without
// ../shared/qemu-tree; and the acceptance cases of the local-TAP series.
import { expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';
import { lintInputs } from '../../src/cli/check.js';
import { LOCAL_TAP_MBOX, corpusFindings, corpusIndex, describeShared } from '../helpers/corpus.js';
import { WITHOUT_TREE, WITH_TREE } from './commit.reviewed.js';

const FAMILIES = ['commit/', 'series/', 'style/', 'maintainers/', 'spelling/'];

async function findings(withTree: boolean): Promise<string[]> {
  return (await Promise.all(FAMILIES.map((family) => corpusFindings(family, withTree)))).flat().sort();
}

describeShared('commit, series, style and maintainers rules on the real corpus', () => {
  it('find exactly the reviewed list without a tree', async () => {
    expect(await findings(false)).toEqual(WITHOUT_TREE.map((r) => r.key).sort());
  });

  it('find exactly the reviewed list with ../shared/qemu-tree', async () => {
    expect(await findings(true)).toEqual(WITH_TREE.map((r) => r.key).sort());
  });

  it('report nothing at error level on PULL patches and maintainers\' patches', async () => {
    // Merged unchanged: the PULL patch (032), and patches from maintainers of what they touch.
    const merged = corpusIndex()
      .filter((e) => /\[PULL/.test(e.subject) || /(armbru|peterx|quintela|farosas|pbonzini|stefanha|imammedo|dgilbert)@redhat\.com|farosas@suse/.test(e.from))
      .map((e) => e.file);
    expect(merged.length).toBeGreaterThan(10);
    const errors = [...(await findings(false)), ...(await findings(true))].filter((k) => k.split(' ')[2] === 'error');
    expect(errors.filter((k) => merged.includes(k.split(' ')[0]!))).toEqual([]);
  });

  it('give every reviewed entry a reason', () => {
    for (const entry of WITH_TREE) expect(entry.why.length, entry.key).toBeGreaterThan(20);
  });
});

describeShared('the v3 local-TAP mbox (../shared/corpus/series/local-tap-v3.mbox)', () => {
  it('reports the missing 4, 6, 7 and 9 of 9, and nothing on its commit messages', async () => {
    const report = await lintInputs([LOCAL_TAP_MBOX], { rules: ALL_RULES });
    expect(report.errors).toEqual([]);
    const ours = report.findings.filter((f) => FAMILIES.some((family) => f.rule.startsWith(family)));
    expect(ours.map((f) => [f.rule, f.patch, f.message])).toEqual([['series/numbering', 0, 'patches 4, 6-7, 9 of 9 are missing from the series']]);
    expect(report.series).toHaveLength(1);
    expect(report.series[0]!.missing).toEqual([4, 6, 7, 9]);
  });
});
