// `--git A..B`: the commits of a range as one series, each patch with the
// files of its own commit as tree. git produces the mails (format-patch), so
// they go through the same parsing as any mbox.
import { Readable } from 'node:stream';
import { splitMbox } from '../mail/mbox.js';
import { parseMail } from '../mail/parse.js';
import { patchFromMail } from '../patch/from-mail.js';
import type { Patch, Series } from '../patch/model.js';
import { toSeries } from '../patch/series.js';
import { GitObjects, GitTree, git } from '../tree/git.js';
import { type TreePlan, perCommitPlan, treeCache } from '../tree/plan.js';
import type { InputError } from './inputs.js';

/** The range as a series (origin 'commits'), and each commit's files; close the plan when done. */
export interface GitSeries {
  series: Series;
  plan: TreePlan;
}

export async function readGitRange(range: string, cwd: string): Promise<GitSeries | InputError> {
  const input = `--git ${range}`;
  // A range is data for git, never an option.
  if (range.startsWith('-') || /\s/.test(range)) return { input, message: 'not a revision range' };
  const [from, to] = range.includes('..') ? range.split(/\.{2,3}/) : [`${range}^`, range];
  let base: string;
  let text: string;
  try {
    base = (await git(cwd, ['rev-parse', '--verify', '--end-of-options', `${from || 'HEAD'}^{commit}`])).trim();
    await git(cwd, ['rev-parse', '--verify', '--end-of-options', `${to || 'HEAD'}^{commit}`]);
    text = await git(cwd, ['format-patch', '--stdout', '--thread=shallow', '--no-color', '--end-of-options', `${from || 'HEAD'}..${to || 'HEAD'}`]);
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n')[0];
    return { input, message: `git: ${stderr}` };
  }
  if (!text.trim()) return { input, message: 'the range holds no commits (merges are skipped)' };

  const patches: Patch[] = [];
  for await (const raw of splitMbox(Readable.from([Buffer.from(text)]))) {
    const patch = patchFromMail(await parseMail(raw.bytes, raw.separator), { input, line: raw.line });
    if (patch) patches.push(patch);
  }
  // Every commit of the range is one patch of one series, whoever wrote it.
  const series = toSeries({ version: 1, total: patches.length, byIndex: new Map(patches.map((p, i) => [i + 1, { ...p, index: i + 1, total: patches.length }])) }, 'commits');
  const objects = new GitObjects(cwd);
  const treeOf = treeCache((rev) => new GitTree(objects, rev));
  const plan = perCommitPlan({
    before: treeOf(base),
    patches: series.patches,
    treeOf: (patch) => treeOf(patch.commitSha ?? base),
    description: 'files: read from each commit of the range',
    close: () => objects.close(),
  });
  return { series, plan };
}
