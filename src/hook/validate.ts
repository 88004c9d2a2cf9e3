// Hook mode: `patchlint hook-validate <mail> [<headers>]`, run by the
// sendemail-validate hook for the mails git send-email is about to send.
//
// Each mail is linted with the repository as tree: the commit its
// format-patch `From <sha>` line names when the repository has it, else the
// work tree with the series' earlier patches applied. Patch rules run on
// every mail; series rules and the Cc check run once the whole send (newer
// git: GIT_SENDEMAIL_FILE_COUNTER = _TOTAL) or the whole series (git 2.39:
// every `i/n` of the subjects) has been seen. Between calls the mails wait in
// the spool (spool.ts). Rules decide; this file only wires mails, trees and
// recipients to the engine.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { Checkpatch, dropRepeated } from '../checkpatch/run.js';
import { CHECKPATCH_RULE_IDS } from '../checkpatch/types.js';
import { loadConfig } from '../sources/config-file.js';
import { type Config, ConfigError, configuredLevel } from '../engine/config.js';
import { compareFindings, lintSeries, type SeriesResult } from '../engine/engine.js';
import type { Finding, Rule } from '../engine/types.js';
import { splitMbox } from '../mail/mbox.js';
import { describeInputError, patchOf, readMessage } from '../sources/inputs.js';
import type { Patch, Series } from '../patch/model.js';
import { toSeries } from '../patch/series.js';
import { AT_END_OF_SEND } from './end-of-send.js';
import { recipientsFromHeaders } from './headers.js';
import { type HookReport, type MailFindings, formatHookReport, hookExitCode } from './output.js';
import { type OutsideMail, procSendEmailArgs, recipientsOf, recipientsOutsideMail } from './recipients.js';
import { NotARepoError, type Repo, openRepo } from './repo.js';
import { type Group, type Mailed, groupIntoSeries, headersGivenForAll, isComplete, members, seriesOf } from './series.js';
import { Spool, type SpoolEntry, processAlive, removeAbandonedSends, sendName } from './spool.js';
import { RepoTrees } from './trees.js';

/** The Cc check, one of the rules that wait for the whole send (end-of-send.ts). */
export const CC_RULE = 'maintainers/cc-list';

export interface HookRequest {
  /** $1: the mail file. */
  mail: string;
  /** $2: newer git's SMTP header file. */
  headers?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  rules: readonly Rule[];
  /** Also run the checkout's own scripts/checkpatch.pl on each mail. */
  checkpatch?: boolean;
  /** Clock and process table, for the spool's clean-up. */
  now?: number;
  isAlive?: (pid: number) => boolean;
  /** git send-email's arguments, read from its process (Linux /proc) when possible. */
  sendEmailArgs?: (pid: number) => Promise<string[] | undefined>;
}

export interface HookResult {
  /** For stderr. */
  text: string;
  exitCode: number;
  /** What this call found, per mail (the text shows the same). */
  mails: MailFindings[];
}

/** newer git numbers the files of a send (cover letter included). */
export function sendCounters(env: NodeJS.ProcessEnv): { counter: number; total: number } | undefined {
  const counter = Number(env.GIT_SENDEMAIL_FILE_COUNTER);
  const total = Number(env.GIT_SENDEMAIL_FILE_TOTAL);
  return Number.isInteger(counter) && Number.isInteger(total) && counter >= 1 && counter <= total ? { counter, total } : undefined;
}

/** PATCHLINT_HOOK=warn|block wins over `.patchlint.yml` `hook: { errors: warn }`. */
export function errorsBlock(env: NodeJS.ProcessEnv, config: Pick<Config, 'hookBlocking'> | undefined): boolean {
  if (env.PATCHLINT_HOOK === 'warn') return false;
  if (env.PATCHLINT_HOOK === 'block') return true;
  return config?.hookBlocking ?? true;
}

/** `<file>: cannot read (ENOENT)`, for a mail or header file the hook was given. */
function cannotRead(file: string, error: unknown): string {
  return `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
}

type Parsed = { patch?: Patch; error?: string };

/** One spooled mail -> its patch (undefined for mail that is no patch), or a `file:line: message` error. */
async function parseEntry(entry: SpoolEntry): Promise<Parsed> {
  let bytes: Buffer;
  try {
    bytes = await readFile(entry.mailPath);
  } catch (error) {
    // The shell hook spools a mail by its name: a file removed before the send ended.
    return { error: cannotRead(entry.name, error) };
  }
  if (!bytes.toString('latin1').trim()) return { error: `${entry.name}: empty mail` };
  for await (const raw of splitMbox(Readable.from([bytes]))) {
    const event = await readMessage(entry.name, raw);
    if (!event) return {};
    if (event.kind === 'error') return { error: describeInputError(event) };
    const result = patchOf(event);
    if ('error' in result) return { error: describeInputError(result.error) };
    if (entry.headers !== undefined) result.patch.recipients = recipientsFromHeaders(entry.headers);
    return { patch: result.patch };
  }
  return {};
}

/** Patch rules on one mail, with the tree before and after it. */
function lintMail(m: Mailed, group: Group, rules: readonly Rule[], config: Config, trees: RepoTrees): Promise<SeriesResult> {
  const patch = m.patch;
  const series = toSeries({ version: group.version, total: group.total, byIndex: new Map([[patch.index, patch]]) }, 'mail');
  // Without its commit, the work tree is the series' base: the earlier patches apply first.
  const earlier = [...group.byIndex.values()].map((x) => x.patch).filter((p) => p.index < patch.index).sort((a, b) => a.index - b.index);
  return lintSeries(series, { rules, config, plan: trees.planOf(series.patches, earlier) });
}

/** Series rules and the end-of-send rules on a whole series. */
function lintWhole(series: Series, rules: readonly Rule[], config: Config, trees: RepoTrees): Promise<SeriesResult> {
  return lintSeries(series, { rules, config, plan: trees.planOf(series.patches) });
}

/** The rules of a run, split by when the hook runs them. */
interface RuleSets {
  perMail: Rule[];
  series: Rule[];
  /** Rules of AT_END_OF_SEND: they need every mail's recipients. */
  endOfSend: Rule[];
}

function ruleSets(rules: readonly Rule[], config: Config): RuleSets {
  const active = rules.filter((r) => configuredLevel(config, r.meta.id) !== 'off');
  const atEnd = (r: Rule) => AT_END_OF_SEND.includes(r.meta.id);
  return {
    perMail: active.filter((r) => r.meta.scope === 'patch' && !atEnd(r)),
    series: active.filter((r) => r.meta.scope === 'series' && !atEnd(r)),
    endOfSend: active.filter(atEnd),
  };
}

/** The spooled mails that are patches; the others leave the spool, unreadable ones with an error. */
async function readSpool(spool: Spool, errors: string[]): Promise<Mailed[]> {
  const mailed: Mailed[] = [];
  for (const entry of await spool.entries()) {
    const parsed = await parseEntry(entry);
    if (parsed.patch) {
      mailed.push({ entry, patch: parsed.patch });
      continue;
    }
    if (parsed.error && !entry.done) errors.push(parsed.error);
    await spool.remove(entry.seq);
  }
  return mailed;
}

/** Findings per spool entry, series findings on the cover letter (else the first patch). */
class FindingsByMail {
  readonly bySeq = new Map<number, Finding[]>();
  readonly crashes: string[] = [];

  add(group: Group, result: SeriesResult): void {
    for (const f of result.findings) {
      const owner = (f.patch === 0 ? group.cover : group.byIndex.get(f.patch)) ?? members(group)[0];
      if (owner) this.bySeq.set(owner.entry.seq, [...(this.bySeq.get(owner.entry.seq) ?? []), f]);
    }
    this.crashes.push(...result.crashes.map((c) => `internal error, please report it: ${c}`));
  }
}

export async function validateMail(req: HookRequest): Promise<HookResult> {
  // What cannot be checked is said, and does not stop the send: only error findings do.
  const notChecked = (message: string): HookResult => ({ text: formatHookReport({ mails: [], notes: [], errors: [message], blocking: true }), exitCode: 0, mails: [] });
  let repo: Repo;
  let config: Config;
  try {
    repo = await openRepo(req.cwd);
    config = await loadConfig(undefined, repo.workTree ? [repo.workTree] : [], [...req.rules.map((r) => r.meta.id), ...CHECKPATCH_RULE_IDS]);
  } catch (error) {
    // Outside a repository this is a misuse of the command, not a send.
    if (error instanceof NotARepoError) return { text: `patchlint: ${error.message}\n`, exitCode: 2, mails: [] };
    if (error instanceof ConfigError) return notChecked(error.message);
    throw error;
  }
  let mail: Buffer;
  let headers: string | undefined;
  try {
    mail = await readFile(req.mail);
    if (req.headers) headers = await readFile(req.headers, 'utf8');
  } catch (error) {
    return notChecked(cannotRead((error as NodeJS.ErrnoException).path ?? req.mail, error));
  }

  const report: HookReport = { mails: [], notes: [], errors: [], blocking: errorsBlock(req.env, config) };
  const counters = sendCounters(req.env);
  const spool = Spool.at(repo.gitDir, sendName(req.env.PATCHLINT_HOOK_SEND));
  for (const gone of await removeAbandonedSends(spool.root, spool.send, req.now ?? Date.now(), req.isAlive ?? processAlive)) {
    if (gone.unchecked.length) report.notes.push(`an earlier send ended before its last mail, so these were not checked: ${gone.unchecked.map((n) => basename(n)).join(', ')}`);
  }
  if (counters?.counter === 1) await spool.clear();
  const seq = await spool.add(mail, req.mail, headers);

  const mailed = await readSpool(spool, report.errors);
  const current = mailed.find((m) => m.entry.seq === seq);
  if (current?.patch.tags.index !== undefined) await spool.setPosition(seq, current.patch.index, current.patch.total);

  const groups = groupIntoSeries(mailed);
  const endOfSend = counters !== undefined && counters.counter === counters.total;
  const ending = groups.filter((g) => (counters ? endOfSend : isComplete(g)));
  // checkpatch.pl of the developer's own checkout: the hook runs in it, so this runs nothing from elsewhere.
  let checkpatch: Checkpatch | undefined;
  if (req.checkpatch && repo.workTree) {
    checkpatch = new Checkpatch(repo.workTree);
    const missing = await checkpatch.unavailable();
    if (missing) report.notes.push(missing);
    if (missing) checkpatch = undefined;
  }
  const rules = ruleSets(checkpatch ? [...req.rules, ...checkpatch.rules()] : req.rules, config);
  const found = new FindingsByMail();
  // Only the mails linted now need their commits looked up.
  const linted = new Set([...mailed.filter((m) => !m.entry.done), ...ending.flatMap(members)]);
  const trees = await RepoTrees.open(
    repo,
    [...linted].flatMap(({ patch }) => (patch.commitSha && !/^0+$/.test(patch.commitSha) ? [patch.commitSha, `${patch.commitSha}^`] : [])),
  );
  // git 2.39's recipients from outside the mails (a git process) are asked
  // now, alongside the patch rules, and used at the end of the series.
  const outsideAsked = rules.endOfSend.length && ending.some((g) => !headersGivenForAll(g)) ? recipientsOutsideMail(req.cwd, spool.send, req.sendEmailArgs ?? procSendEmailArgs) : undefined;
  outsideAsked?.catch(() => undefined); // awaited below, where a failure is reported
  try {
    for (const group of groups) {
      for (const m of [...group.byIndex.values()].sort((a, b) => a.patch.index - b.patch.index)) {
        if (m.entry.done) continue;
        found.add(group, await lintMail(m, group, rules.perMail, config, trees));
        await spool.markDone(m.entry.seq);
      }
      if (group.cover && !group.cover.entry.done) await spool.markDone(group.cover.entry.seq);
    }

    let outside: OutsideMail | undefined;
    for (const group of ending) {
      // Series rules only on a whole series: a send of 2 of 5 patches is no series to judge.
      const whole = isComplete(group) ? [...rules.series] : [];
      if (rules.endOfSend.length) {
        if (!headersGivenForAll(group)) outside ??= await outsideAsked;
        const view = recipientsOf(group, outside);
        if (view.known) {
          for (const m of members(group)) m.patch.recipients = view.recipients.get(m.entry.seq)!;
          whole.push(...rules.endOfSend);
          if (!headersGivenForAll(group) && !outside?.sawCommandLine) {
            report.notes.push('git 2.39 shows the hook only the To/Cc written in the mails: recipients given to git send-email on its command line were not seen');
          }
        } else report.notes.push(`Cc check skipped: ${view.why}`);
      }
      if (whole.length) found.add(group, await lintWhole(seriesOf(group), whole, config, trees));
      for (const m of members(group)) await spool.remove(m.entry.seq);
    }
  } finally {
    trees.close();
  }

  // git 2.39 gives no end-of-send signal: once a series' last patch came
  // before some of its others, the shell hook must hand every mail over at once.
  await spool.setEager(!counters && groups.some((g) => !ending.includes(g) && g.byIndex.has(g.total)));
  if (endOfSend) await spool.clear();
  else await spool.removeIfEmpty();

  report.notes = [...new Set([...report.notes, ...found.crashes, ...(checkpatch?.problems ?? [])])];
  for (const m of mailed) {
    const all = found.bySeq.get(m.entry.seq);
    const own = all && (checkpatch ? dropRepeated(all) : all);
    if (own) report.mails.push({ name: basename(m.entry.name), subject: m.patch.rawSubject, findings: own.sort(compareFindings) } satisfies MailFindings);
  }
  const exitCode = hookExitCode(report);
  // A refusal ends the send: git send-email stops at the first hook failure.
  if (exitCode !== 0) await spool.clear();
  return { text: formatHookReport(report), exitCode, mails: report.mails };
}
