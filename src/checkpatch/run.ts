// `--checkpatch`: the tree's own scripts/checkpatch.pl run on each patch,
// its ERROR/WARNING/CHECK lines folded into the report as the rules
// checkpatch/ERROR, checkpatch/WARNING and checkpatch/CHECK. Only for a tree
// the user names (--tree, the hook's checkout): code from a patch or a pull
// request is never run, so neither the GitHub App nor the list bot uses this.
import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding, Rule, RuleContext } from '../engine/types.js';
import type { Patch } from '../patch/model.js';
import { CHECKPATCH_TYPES, type CheckpatchType } from './types.js';

export interface CheckpatchItem {
  type: CheckpatchType;
  message: string;
  /** Post-patch path, or null for the commit message. */
  file: string | null;
  /** Post-patch line; for the commit message, the line of checkpatch's input. */
  line: number | null;
}

/** checkpatch.pl's report: `TYPE: message`, then `#N: FILE: path:line:` when it has a place. */
export function parseCheckpatchOutput(output: string): CheckpatchItem[] {
  const items: CheckpatchItem[] = [];
  const lines = output.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = /^(ERROR|WARNING|CHECK): (.*)$/.exec(lines[i]!);
    if (!head) continue;
    const where = /^#(\d+): (?:FILE: (.+):(\d+):)?/.exec(lines[i + 1] ?? '');
    items.push({
      type: head[1] as CheckpatchType,
      message: head[2]!.trim(),
      file: where?.[2] ?? null,
      line: where ? Number(where[3] ?? where[1]) : null,
    });
  }
  return items;
}

/** The mail checkpatch reads: From, Subject, then the body as sent. */
function mailText(patch: Patch): string {
  // A bare diff goes as it came, as `git diff | checkpatch.pl -` would.
  if (patch.origin.bare) return `\n\n\n${patch.text?.body ?? ''}\n`;
  const from = patch.sender.email ? `${patch.sender.name} <${patch.sender.email}>` : patch.author.name;
  return `From: ${from}\nSubject: ${patch.rawSubject}\n\n${patch.text?.body ?? ''}\n`;
}
const BODY_OFFSET = 4; // body line 0 is line 4 of mailText

/** A commit-message line (subject = 1) for a line of mailText, or null outside the message. */
function messageLine(patch: Patch, textLine: number): number | null {
  if (textLine === 2) return 1;
  if (!patch.text || patch.messagePatchLine === undefined) return null;
  const patchLine = patch.text.firstLine + textLine - BODY_OFFSET;
  const line = patchLine - patch.messagePatchLine + 3;
  return line >= 3 && line - 3 < patch.message.split('\n').length ? line : null;
}

export class Checkpatch {
  readonly script: string;
  private failures = 0;
  private firstFailure = '';

  constructor(readonly root: string) {
    this.script = join(root, 'scripts', 'checkpatch.pl');
  }

  /** Undefined when the script can be run, else the one line saying why not. */
  async unavailable(): Promise<string | undefined> {
    if (await access(this.script).then(() => false, () => true)) return `--checkpatch: ${this.script} not found; checked without it`;
    return undefined;
  }

  /** Runs checkpatch.pl on one patch; undefined (and a problem noted) when it fails. */
  async run(patch: Patch): Promise<CheckpatchItem[] | undefined> {
    const { status, stdout, stderr } = await runPerl(this.script, mailText(patch), this.root);
    // 0: clean, 1: findings; anything else is checkpatch failing.
    if (status !== 0 && status !== 1) {
      const why = stderr.trim().split('\n')[0] || stdout.trim().split('\n')[0] || `exit status ${status}`;
      if (!this.failures++) this.firstFailure = `"${patch.subject}": ${why}`;
      return undefined;
    }
    return parseCheckpatchOutput(stdout);
  }

  /** What went wrong, as one line for the front-end to print (none when all went well). */
  get problems(): string[] {
    if (!this.failures) return [];
    return [`--checkpatch: ${this.script} failed on ${this.failures === 1 ? 'one patch' : `${this.failures} patches`} (the first, ${this.firstFailure}); those were checked without it`];
  }

  /** The three rules, sharing one checkpatch.pl run per patch. */
  rules(): Rule[] {
    return (Object.keys(CHECKPATCH_TYPES) as CheckpatchType[]).map((type) => ({
      meta: {
        id: `checkpatch/${type}`,
        severity: CHECKPATCH_TYPES[type],
        scope: 'patch',
        needs: 'diff',
        description: `checkpatch.pl's ${type} lines (--checkpatch)`,
      },
      check: async (ctx: RuleContext) => {
        const patch = ctx.patch!;
        const items = await ctx.memo('checkpatch.pl', () => this.run(patch));
        for (const item of items ?? []) {
          // A bare diff has no message to judge (checkpatch.pl still asks it for a sign-off).
          if (item.type !== type || (patch.origin.bare && !item.file)) continue;
          const line = item.file ? item.line : item.line === null ? null : messageLine(patch, item.line);
          ctx.report({ message: item.message, file: item.file, line });
        }
      },
    }));
  }
}

function runPerl(script: string, input: string, cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('perl', [script, '--no-tree', '--no-color', '-'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (error) => resolve({ status: null, stdout, stderr: `cannot run perl: ${error.message}` }));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.on('error', () => {}); // it may exit before reading everything
    child.stdin.end(input);
  });
}

const normal = (message: string) => message.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Drops checkpatch findings that a rule of this tool already states: the
 * same patch, file and line (or both without a line), and one message
 * beginning with the other (the style rules use checkpatch's wording).
 */
export function dropRepeated(findings: readonly Finding[]): Finding[] {
  const ours = findings.filter((f) => !f.rule.startsWith('checkpatch/'));
  return findings.filter((f) => {
    if (!f.rule.startsWith('checkpatch/')) return true;
    const theirs = normal(f.message);
    return !ours.some((o) => {
      if (o.series !== f.series || o.patch !== f.patch || o.file !== f.file) return false;
      if (f.line !== null && o.line !== null && o.line !== f.line) return false;
      const mine = normal(o.message);
      return mine.startsWith(theirs) || theirs.startsWith(mine);
    });
  });
}
