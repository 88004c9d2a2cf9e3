// `patchlint fix`: apply the rules' fixes to format-patch files in place,
// or, for a git range, to the files of the work tree (never to commits).
import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ALL_RULES } from '../../rules/index.js';
import { type Change, type Unfixed, fixMails } from '../fix/fixer.js';
import { type Region, placeRegions, regionsOf, unifiedDiff } from '../fix/worktree.js';
import { GitObjects, GitTree, git } from '../tree/git.js';
import { DirectoryTree, type Tree } from '../tree/tree.js';
import type { Io } from './main.js';
import { UsageError, parse, settingsFromOptions } from './options.js';

/** `file: rule (n), rule (n)` lines: what changed, per file and rule. */
function changeSummary(changes: readonly Change[], fileOf: (c: Change) => string): string[] {
  const byFile = new Map<string, Map<string, number>>();
  for (const c of changes) {
    const rules = byFile.get(fileOf(c)) ?? new Map<string, number>();
    rules.set(c.rule, (rules.get(c.rule) ?? 0) + 1);
    byFile.set(fileOf(c), rules);
  }
  return [...byFile].map(([file, rules]) => `fixed ${file}: ${[...rules].map(([r, n]) => `${r} (${n})`).join(', ')}`);
}

function unfixedLine(u: Unfixed, where: string): string {
  const f = u.finding;
  const at = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : f.line ? `commit message line ${f.line}` : 'commit message';
  return `not fixed: ${where}${at} [${f.rule}] ${f.severity}: ${f.message}: ${u.reason}`;
}

/** Splits an mbox or format-patch file into mails, each with its `From ` line. */
function splitMails(text: string): string[] {
  const starts = [...text.matchAll(/^From \S+ .*$/gm)].map((m) => m.index!).filter((i) => i === 0 || text.slice(0, i).endsWith('\n\n') || /\n-- \n[^\n]*\n\n?$/.test(text.slice(0, i)));
  if (starts[0] !== 0) starts.unshift(0);
  return starts.map((s, k) => text.slice(s, starts[k + 1] ?? text.length));
}

async function fixFiles(files: string[], io: Io, options: Parameters<typeof fixMails>[1], backup: boolean, dryRun: boolean) {
  const texts: string[] = [];
  const owner: Array<{ file: number }> = [];
  for (const [k, file] of files.entries()) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    for (const mail of splitMails(text)) {
      texts.push(mail);
      owner.push({ file: k });
    }
  }
  const result = await fixMails(texts, options);
  const out: string[] = [];
  for (const [k, file] of files.entries()) {
    const indexes = owner.map((o, i) => (o.file === k ? i : -1)).filter((i) => i >= 0);
    const before = indexes.map((i) => texts[i]).join('');
    const after = indexes.map((i) => result.mails[i]).join('');
    if (before === after) continue;
    if (!dryRun) {
      if (backup) await copyFile(file, `${file}.orig`);
      await writeFile(file, after);
    }
  }
  out.push(...changeSummary(result.changes, (c) => `${files[owner[c.mail]!.file]}${c.file ? ` ${c.file}` : ' (commit message)'}`));
  out.push(...result.unfixed.map((u) => unfixedLine(u, `${files[owner[u.mail]?.file ?? 0]}: `)));
  io.stdout(out.length ? out.join('\n') + '\n' : 'nothing to fix\n');
  return result.unfixed.some((u) => u.finding.severity === 'error') ? 1 : 0;
}

async function defaultRange(cwd: string): Promise<string> {
  try {
    await git(cwd, ['rev-parse', '--verify', '--quiet', '@{upstream}']);
    return '@{upstream}..HEAD';
  } catch {
    return 'HEAD~1..HEAD';
  }
}

async function fixWorkTree(range: string, io: Io, options: Parameters<typeof fixMails>[1], dryRun: boolean) {
  if (range.startsWith('-') || /\s/.test(range) || !range.includes('..')) throw new UsageError(`--git takes a range A..B, not "${range}"`);
  const [from, to] = range.split(/\.{2,3}/);
  let base: string;
  let text: string;
  let root: string;
  try {
    root = (await git(io.cwd, ['rev-parse', '--show-toplevel'])).trim();
    base = (await git(io.cwd, ['rev-parse', '--verify', '--end-of-options', `${from || 'HEAD'}^{commit}`])).trim();
    text = await git(io.cwd, ['format-patch', '--stdout', '--no-color', '--end-of-options', `${from || 'HEAD'}..${to || 'HEAD'}`]);
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n')[0];
    io.stderr(`patchlint: --git ${range}: git: ${stderr}\n`);
    return 2;
  }
  if (!text.trim()) {
    io.stdout('nothing to fix: the range holds no commits\n');
    return 0;
  }
  const mails = splitMails(text);
  const objects = new GitObjects(io.cwd);
  let result;
  try {
    result = await fixMails(mails, { ...options, base: new GitTree(objects, base) });
  } finally {
    objects.close();
  }
  const out: string[] = [];
  const unfixed = [...result.unfixed];
  // Commit-message fixes cannot reach the work tree: they stay findings, with what to do.
  const messageChanges = result.changes.filter((c) => c.file === null);
  for (const c of messageChanges) out.push(`not fixed: commit ${c.mail + 1} message [${c.rule}]: fix --git never rewrites commits; amend the message (patchlint fix on format-patch files does it)`);
  const regions = mails.flatMap((mail, i) => regionsOf(mail, result.mails[i]!, i));
  const byFile = new Map<string, Region[]>();
  for (const r of regions) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  const failedFiles = new Set<string>();
  const diffs: string[] = [];
  for (const [file, own] of byFile) {
    const path = join(root, file);
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === undefined) {
      out.push(`not fixed: ${file}: the file is not in the work tree`);
      failedFiles.add(file);
      continue;
    }
    // The last newline ends the last line; it is not an empty line to match or show.
    const eol = current.endsWith('\n') ? '\n' : '';
    const fileLines = (eol ? current.slice(0, -1) : current).split('\n');
    const placed = placeRegions(fileLines, own);
    for (const { region, reason } of placed.failed) {
      out.push(`not fixed: ${file}:${region.line} (commit ${region.mail + 1}): ${reason}`);
      failedFiles.add(file);
    }
    if (!placed.placed.length) continue;
    if (dryRun) diffs.push(unifiedDiff(file, fileLines, placed.placed));
    else await writeFile(path, placed.lines.join('\n') + eol);
  }
  const fileChanges = result.changes.filter((c) => c.file !== null);
  const summary = changeSummary(fileChanges, (c) => c.file!);
  const headline = dryRun ? summary.map((l) => l.replace(/^fixed /, 'would fix ')) : summary;
  if (failedFiles.size) headline.push(`(some of the changes to ${[...failedFiles].join(', ')} could not be made: see below)`);
  io.stdout(diffs.join(''));
  const lines = [...headline, ...out, ...unfixed.map((u) => unfixedLine(u, `commit ${u.mail + 1}: `))];
  (dryRun ? io.stderr : io.stdout)(lines.length ? lines.join('\n') + '\n' : 'nothing to fix\n');
  const messageErrors = messageChanges.some((c) => ALL_RULES.find((r) => r.meta.id === c.rule)?.meta.severity === 'error');
  return unfixed.some((u) => u.finding.severity === 'error') || messageErrors || failedFiles.size ? 1 : 0;
}

export async function fix(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    git: { type: 'string' },
    'dry-run': { type: 'boolean', short: 'n' },
    'no-backup': { type: 'boolean' },
    tree: { type: 'string' },
    'qemu-version': { type: 'string' },
    rule: { type: 'string', multiple: true },
    config: { type: 'string' },
  });
  if (values.git !== undefined && positionals.length) throw new UsageError('give format-patch files or --git A..B, not both');
  if (values.tree && !(await stat(values.tree).catch(() => undefined))?.isDirectory()) throw new UsageError(`--tree ${values.tree}: not a directory`);
  const { config, qemuVersion } = await settingsFromOptions(values, values.tree ? [values.tree] : [io.cwd], ALL_RULES.map((r) => r.meta.id));
  const base: Tree | undefined = values.tree ? new DirectoryTree(values.tree) : undefined;
  const options = { rules: ALL_RULES, config, qemuVersion, base };
  if (positionals.length) return fixFiles(positionals, io, options, !values['no-backup'], !!values['dry-run']);
  return fixWorkTree(values.git ?? (await defaultRange(io.cwd)), io, options, !!values['dry-run']);
}
