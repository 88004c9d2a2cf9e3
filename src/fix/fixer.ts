// `patchlint fix` at its core: lint patch mails, apply every finding's fix
// to their text, lint again (a fix can reveal or unblock another: a period
// added once a rewrap made room), until nothing more applies. The mails
// are one series in their order, linted against `base` when given.
import { lintSeries } from '../engine/engine.js';
import type { Config } from '../engine/config.js';
import type { Finding, Rule } from '../engine/types.js';
import { parseMail } from '../mail/parse.js';
import { patchFromMail } from '../patch/from-mail.js';
import type { Patch } from '../patch/model.js';
import { toSeries } from '../patch/series.js';
import { NO_TREE, type Tree } from '../tree/tree.js';
import { type Edit, applyEdits } from './mail.js';
import { appliedPlan } from '../tree/plan.js';

export interface FixOptions {
  rules: readonly Rule[];
  config?: Config;
  base?: Tree;
  qemuVersion?: string;
}

/** A finding whose fix was applied: `mail` indexes the input mails. */
export interface Change {
  mail: number;
  rule: string;
  file: string | null;
  line: number | null;
}

export interface Unfixed {
  mail: number;
  finding: Finding;
  reason: string;
}

export interface FixResult {
  mails: string[];
  changes: Change[];
  /** Findings still there after fixing, with why (fixable rules only say more than "no fix"). */
  unfixed: Unfixed[];
}

const ROUNDS = 6;

async function lintMails(mails: readonly string[], options: FixOptions): Promise<{ findings: Finding[]; patches: Array<Patch | undefined> }> {
  const patches: Array<Patch | undefined> = [];
  for (const [i, text] of mails.entries()) {
    try {
      // An mbox `From ` line is a separator, not a header.
      const separator = /^From \S+ .*\n/.exec(text)?.[0];
      const body = separator ? text.slice(separator.length) : text;
      const patch = patchFromMail(await parseMail(Buffer.from(body), separator?.trimEnd()), { input: `mail ${i + 1}`, line: 1 });
      patches.push(patch && { ...patch, index: i + 1, total: mails.length });
    } catch {
      patches.push(undefined);
    }
  }
  const present = patches.filter((p): p is Patch => !!p);
  if (!present.length) return { findings: [], patches };
  const series = toSeries({ version: 1, total: mails.length, byIndex: new Map(present.map((p) => [p.index, p])) });
  const base = options.base ?? NO_TREE;
  const plan = appliedPlan(base, series.patches);
  const result = await lintSeries(series, { rules: options.rules, config: options.config, plan, qemuVersion: options.qemuVersion }).finally(() => plan.close());
  return { findings: result.findings, patches };
}

/** The edit a finding's fix asks for, with the text its lines hold now. */
function editOf(f: Finding, patch: Patch | undefined): Edit | undefined {
  const replacement = f.fix?.replacement;
  if (!replacement || f.line === null || !patch) return undefined;
  const line = f.fix!.line ?? f.line;
  const endLine = f.fix!.endLine ?? f.endLine ?? f.line;
  if (f.file === null) {
    if (line !== f.line || endLine !== line || !f.excerpt?.length) return undefined;
    return { file: null, line, endLine, expected: [f.excerpt[0]!], replacement };
  }
  const diff = patch.files.find((d) => d.path === f.file);
  const expected: string[] = [];
  for (let l = line; l <= endLine; l++) {
    const entry = diff?.lines.get(l);
    if (!entry) return undefined;
    expected.push(entry.text);
  }
  return { file: f.file, line, endLine, expected, replacement };
}

const keyOf = (f: Pick<Finding, 'rule' | 'file' | 'line' | 'patch'>) => [f.patch, f.rule, f.file, f.line].join('\0');

export async function fixMails(input: readonly string[], options: FixOptions): Promise<FixResult> {
  const mails = [...input];
  const changes: Change[] = [];
  // Why the last attempt at a finding's fix failed, by finding.
  const failures = new Map<string, string>();
  let { findings, patches } = await lintMails(mails, options);
  for (let round = 0; round < ROUNDS; round++) {
    let applied = 0;
    for (let i = 0; i < mails.length; i++) {
      // Findings that ask for the same edit (every long line of one paragraph) share it.
      const edits = new Map<string, { edit: Edit; findings: Finding[] }>();
      for (const f of findings.filter((f) => f.patch === i + 1)) {
        const edit = editOf(f, patches[i]);
        if (!edit) continue;
        const key = JSON.stringify(edit);
        edits.set(key, { edit, findings: [...(edits.get(key)?.findings ?? []), f] });
      }
      if (!edits.size) continue;
      const result = applyEdits(mails[i]!, [...edits.values()].map((e) => e.edit));
      mails[i] = result.text;
      applied += result.applied.length;
      const byEdit = new Map([...edits.values()].map((e) => [e.edit, e.findings]));
      for (const edit of result.applied) for (const f of byEdit.get(edit)!) changes.push({ mail: i, rule: f.rule, file: f.file, line: f.line });
      for (const { edit, reason } of result.failed) for (const f of byEdit.get(edit)!) failures.set(keyOf(f), reason);
    }
    if (!applied) break;
    ({ findings, patches } = await lintMails(mails, options));
  }
  const fixable = new Set(options.rules.filter((r) => r.meta.fixable).map((r) => r.meta.id));
  const unfixed = findings.map((f) => ({
    mail: f.patch - 1,
    finding: f,
    reason: failures.get(keyOf(f)) ?? (f.fix?.replacement ? 'two fixes overlap' : fixable.has(f.rule) ? 'no safe fix here' : 'the rule has no fix'),
  }));
  return { mails, changes, unfixed };
}
