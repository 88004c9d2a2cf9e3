// Start-up, throughput and memory of `patchlint check`, each printed as a
// ratio to a baseline timed in the same run, pair by pair (A B A B ...), so
// that the ratio holds on a shared machine whose speed drifts:
// - one patch mail, one process, against `node -e 0` (and `--version`);
// - the corpus mails x 20 with unique Message-IDs (1,100 mails, one mbox),
//   against QEMU's scripts/checkpatch.pl on the same mbox;
// - peak RSS on a 200 MiB mbox built the same way, with the bin's defaults.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { copyOf, corpusMails } from './corpus-copies.js';
import { paired, timeProcess } from './timing.js';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '../shared');
const CORPUS = join(SHARED, 'corpus');
const CHECKPATCH = join(SHARED, 'qemu-tree/scripts/checkpatch.pl');
const BIN = join(ROOT, 'bin/patchlint.js');
const node = process.execPath;

if (!existsSync(CORPUS)) {
  console.log(`skipped: ${CORPUS} is absent`);
  process.exit(0);
}

/** Writes the corpus `copies` times (or until `bytes`) as one mboxrd file. */
function buildMbox(path: string, until: { copies?: number; bytes?: number }): { messages: number; bytes: number } {
  const mails = corpusMails();
  const fd = openSync(path, 'w');
  let bytes = 0;
  let messages = 0;
  for (let n = 0; until.copies !== undefined ? n < until.copies : bytes < until.bytes!; n++) {
    for (const mail of mails) {
      bytes += writeSync(fd, `From mboxrd@z Thu Jan  1 00:00:00 1970\n${copyOf(mail, n).replace(/^(>*From )/gm, '>$1')}\n`);
      messages++;
    }
  }
  closeSync(fd);
  return { messages, bytes };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const tmp = mkdtempSync(join(tmpdir(), 'patchlint-bench-'));
try {
  // Start-up: one process per mail, as the hook and editors run it.
  const one = join(CORPUS, '030-migration-switchover-ack-capability.eml');
  const bare = () => timeProcess(node, ['-e', '0']);
  const check = paired(21, () => timeProcess(node, [BIN, 'check', one]), bare);
  console.log(`start-up: patchlint check one.eml ${ms(check.a)} / node -e 0 ${ms(check.b)}: ratio ${check.ratio.toFixed(2)} (target <= 1.3; median of 21 pairs)`);
  const version = paired(21, () => timeProcess(node, [BIN, '--version']), bare);
  console.log(`start-up: patchlint --version ${ms(version.a)} / node -e 0 ${ms(version.b)}: ratio ${version.ratio.toFixed(2)} (target <= 1.1; median of 21 pairs)`);

  // Throughput against checkpatch.pl, all rules on.
  const mbox = join(tmp, 'corpus-x20.mbox');
  const built = buildMbox(mbox, { copies: 20 });
  const size = `${built.messages} mails, ${(built.bytes / 2 ** 20).toFixed(1)} MiB`;
  if (existsSync(CHECKPATCH)) {
    const t = paired(3, () => timeProcess(node, [BIN, 'check', mbox]), () => timeProcess('perl', [CHECKPATCH, '--no-tree', '-q', mbox]));
    console.log(`throughput: ${size}: patchlint ${ms(t.a)} (${Math.round(built.messages / (t.a / 1000))} mails/s) / checkpatch.pl --no-tree -q ${ms(t.b)}: ratio ${t.ratio.toFixed(2)} (target <= 0.12; median of 3 pairs)`);
  } else {
    const t = timeProcess(node, [BIN, 'check', mbox]);
    console.log(`throughput: ${size}: patchlint ${ms(t)}; checkpatch ratio skipped: ${CHECKPATCH} is absent`);
  }

  // Memory: the bin as users start it, measured by GNU time from outside
  // (the bin may restart node with a heap limit, which an in-process
  // figure would not see).
  const big = join(tmp, 'corpus-200mib.mbox');
  const large = buildMbox(big, { bytes: 200 * 2 ** 20 });
  const time = '/usr/bin/time';
  if (existsSync(time)) {
    const r = spawnSync(time, ['-f', '%e %M', node, BIN, 'check', big, '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const [seconds, kib] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
    console.log(`memory: ${large.messages} mails, ${(large.bytes / 2 ** 20).toFixed(0)} MiB, --format json: ${seconds.toFixed(1)} s (${Math.round(large.messages / seconds)} mails/s), peak RSS ${(kib / 1024).toFixed(0)} MiB (target < 256 MiB)`);
  } else console.log(`memory: skipped: ${time} (GNU time, Debian package "time") is absent`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
