// Throughput and memory of `patchlint check` on a large mbox built from the
// real corpus (../shared/corpus, repeated with unique Message-IDs), and the
// start-up cost of one `patchlint check one.patch` process, which the hook
// pays once per mail.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CORPUS, copyOf, corpusMails } from './corpus-copies.js';

const ROOT = resolve(import.meta.dirname, '..');
const TARGET_BYTES = 200 * 2 ** 20;

if (!existsSync(CORPUS)) {
  console.log(`skipped: ${CORPUS} is absent`);
  process.exit(0);
}

function buildMbox(path: string): { messages: number; bytes: number } {
  const mails = corpusMails();
  const fd = openSync(path, 'w');
  let bytes = 0;
  let messages = 0;
  for (let n = 0; bytes < TARGET_BYTES; n++) {
    for (const mail of mails) {
      const text = `From mboxrd@z Thu Jan  1 00:00:00 1970\n${copyOf(mail, n).replace(/^(>*From )/gm, '>$1')}\n`;
      bytes += writeSync(fd, text);
      messages++;
    }
  }
  closeSync(fd);
  return { messages, bytes };
}

function measure(args: string[], nodeFlags: string[] = []): { ms: number; maxRssKiB: number; status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [...nodeFlags, join(ROOT, 'bench/measure-cli.mjs'), ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = r.stderr.trim().split('\n').at(-1)!;
  return { ...JSON.parse(last), status: r.status, stdout: r.stdout };
}

const mbox = join(tmpdir(), `patchlint-bench-${process.pid}.mbox`);
try {
  const { messages, bytes } = buildMbox(mbox);
  const run = measure([mbox, '--format', 'json']);
  const json = JSON.parse(run.stdout);
  const patches: number = json.series.reduce((n: number, s: { patches: { index: number }[] }) => n + s.patches.length, 0);
  console.log(`mbox: ${messages} messages, ${(bytes / 2 ** 20).toFixed(0)} MiB (the corpus repeated, unique Message-IDs)`);
  console.log(`time: ${(run.ms / 1000).toFixed(2)} s -> ${Math.round(messages / (run.ms / 1000))} messages/s, ${Math.round(patches / (run.ms / 1000))} patch mails/s (${patches} patch mails incl. covers, ${json.series.length} series, ${json.findings.length} findings)`);
  console.log(`peak RSS: ${(run.maxRssKiB / 1024).toFixed(0)} MiB (target < 256 MiB)`);
  console.log(`input errors: ${json.errors.length}`);
  // V8 lets its heap grow far past what is live (about 30 MiB here); a cap
  // on the old generation trades nothing measurable for memory.
  const capped = measure([mbox, '--format', 'json'], ['--max-old-space-size=128']);
  console.log(`with NODE_OPTIONS=--max-old-space-size=128: ${(capped.ms / 1000).toFixed(2)} s, peak RSS ${(capped.maxRssKiB / 1024).toFixed(0)} MiB`);
} finally {
  rmSync(mbox, { force: true });
}

// Start-up: one process per mail, as the hook runs it. Median of 15 runs.
const one = join(CORPUS, '030-migration-switchover-ack-capability.eml');
const times: number[] = [];
for (let i = 0; i < 15; i++) {
  const started = process.hrtime.bigint();
  spawnSync(process.execPath, [join(ROOT, 'bin/patchlint.js'), one], { encoding: 'utf8' });
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
}
const nodeTimes: number[] = [];
for (let i = 0; i < 15; i++) {
  const started = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  nodeTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
}
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`start-up: patchlint check one.patch ${median(times).toFixed(0)} ms median of 15 (node -e 0 alone: ${median(nodeTimes).toFixed(0)} ms; ${(statSync(one).size / 1024).toFixed(1)} KiB mail)`);
const checkpatch = process.env.CHECKPATCH;
if (checkpatch && existsSync(checkpatch)) {
  const cp: number[] = [];
  for (let i = 0; i < 15; i++) {
    const started = process.hrtime.bigint();
    spawnSync('perl', [checkpatch, '--no-tree', one], { encoding: 'utf8' });
    cp.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  console.log(`start-up: checkpatch.pl --no-tree one.patch ${median(cp).toFixed(0)} ms median of 15 (CHECKPATCH=${checkpatch})`);
}
