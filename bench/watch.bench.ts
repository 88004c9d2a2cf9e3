// The list bot: catch-up over a fresh public-inbox v2 archive of 10,000
// real qemu-devel mails (the corpus repeated with unique Message-IDs), and
// the time from a new series' mail landing in the archive to its reply
// reaching the SMTP relay, with --interval 1.
//
// The archive is written with git fast-import in public-inbox's v2 layout
// (one commit per message, the message as file `m`), as public-inbox-mda
// writes it (test/watch tests the bot on archives public-inbox wrote): mda
// takes about a second per mail, which would make a 10,000-mail archive a
// matter of hours.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BOT, mail, patchBody, startSmtp, writeEpoch } from '../test/watch/helpers.js';
import { CORPUS, copyOf, corpusMails } from './corpus-copies.js';

const ROOT = resolve(import.meta.dirname, '..');
const MAILS = 10_000;

if (!existsSync(CORPUS)) {
  console.log(`skipped: ${CORPUS} is absent`);
  process.exit(0);
}

const tmp = mkdtempSync(join(tmpdir(), 'patchlint-watch-bench-'));
try {
  const corpus = corpusMails();
  const mails: string[] = [];
  for (let n = 0; mails.length < MAILS; n++) for (const m of corpus) if (mails.length < MAILS) mails.push(copyOf(m, n));
  const archive = join(tmp, 'inbox');
  // One mail a second (writeEpoch), denser than qemu-devel: with --series-timeout
  // 1800 the open series of the last 1,800 mails are held at once.
  writeEpoch(join(archive, 'git/0.git'), mails, Math.floor(Date.now() / 1000) - MAILS * 60);

  const outbox = join(tmp, 'outbox.mbox');
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/measure-cli.mjs'), 'watch', archive, '--once', '--outbox', outbox, '--state', join(tmp, 'state.db')], { encoding: 'utf8' });
  const { ms, maxRssKiB } = JSON.parse(r.stderr.trim().split('\n').at(-1)!) as { ms: number; maxRssKiB: number };
  const replies = existsSync(outbox) ? readFileSync(outbox, 'utf8').match(/^Message-ID: /gm)?.length ?? 0 : 0;
  const status = spawnSync(process.execPath, [join(ROOT, 'bin/patchlint.js'), 'watch', '--status', '--state', join(tmp, 'state.db')], { encoding: 'utf8' }).stdout;
  const count = (title: string) => new RegExp(`^${title}: (\\d+)$`, 'm').exec(status)?.[1] ?? '?';
  // The same mails through `patchlint check` (no archive, no journal): what the machine gives right now.
  const mbox = join(tmp, 'same.mbox');
  writeFileSync(mbox, mails.map((m) => `From mboxrd@z Thu Jan  1 00:00:00 1970\n${m.replace(/^(>*From )/gm, '>$1')}\n`).join(''));
  const c = spawnSync(process.execPath, [join(ROOT, 'bench/measure-cli.mjs'), mbox, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const check = JSON.parse(c.stderr.trim().split('\n').at(-1)!) as { ms: number };
  console.log(`catch-up: ${MAILS} mails in ${(ms / 1000).toFixed(2)} s -> ${Math.round(MAILS / (ms / 1000))} mails/s (archive reads, journal and linting included; target >= 500)`);
  console.log(`catch-up: ${(ms / check.ms).toFixed(2)} x the time of patchlint check --format json on the same mails as one mbox (${(check.ms / 1000).toFixed(2)} s)`);
  console.log(`catch-up: peak RSS ${(maxRssKiB / 1024).toFixed(0)} MiB (target < 200 MiB); ${replies} replies, ${count('answered')} answered, ${count('checked, no reply needed')} checked, ${count('skipped')} skipped, ${count('waiting')} waiting; exit ${r.status}`);

  // Latency: the bot polls every second; a new single patch with an error lands.
  const smtp = await startSmtp();
  const bot = spawn(process.execPath, [join(ROOT, 'bin/patchlint.js'), 'watch', archive, '--interval', '1', '--smtp', smtp.url, '--from', BOT, '--state', join(tmp, 'state.db')], { stdio: 'ignore' });
  const latencies: number[] = [];
  try {
    await new Promise((r) => setTimeout(r, 3000));
    for (let i = 0; i < 8; i++) {
      const before = smtp.received.length;
      const landed = performance.now();
      writeEpoch(join(archive, 'git/0.git'), [mail({ subject: `[PATCH] hw/misc: latency ${i}`, id: `latency-${i}@example.com`, body: patchBody({ signed: false }) })]);
      while (smtp.received.length === before) await new Promise((r) => setTimeout(r, 10));
      latencies.push(performance.now() - landed);
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
    }
  } finally {
    bot.kill('SIGTERM');
    await smtp.close();
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    `new series -> reply with --interval 1: median ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(2)} s, max ${(sorted.at(-1)! / 1000).toFixed(2)} s over ${sorted.length} (poll wait of up to 1 s included; target: within 2 s of the poll that sees it)`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
