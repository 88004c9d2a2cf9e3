// A catch-up reads thousands of mails in a row, and V8 then lets its heap
// grow to several times what stays live (about 30 to 50 MiB: the mails of
// open series, the rules' data): peak RSS passed 300 MiB on 10,000 mails.
// `--max-old-space-size` would need a second node process, which a signal
// sent to the bot's pid (systemd, kill -9 in the tests) would not reach;
// these two flags take effect at run time instead (PATCHLINT_WATCH_V8 replaces
// them, to measure others with bench/watch.bench.ts). Measured on that bench:
// peak RSS 356 -> 191 MiB, for about a third more CPU time in the garbage
// collector (a machine shared with other jobs: not a precise figure).
import { setFlagsFromString } from 'node:v8';

export function boundHeapGrowth(): void {
  for (const flag of (process.env.PATCHLINT_WATCH_V8 ?? '--heap-growing-percent=50 --semi-space-growth-factor=1').split(' ').filter(Boolean)) setFlagsFromString(flag);
}
