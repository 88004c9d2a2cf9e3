// Shared by the benchmarks: the median time of `runs` runs after a warm-up,
// and paired timings of whole processes.
import { spawnSync } from 'node:child_process';

export async function median(runs: number, work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export interface Paired {
  /** Medians of each side, ms. */
  a: number;
  b: number;
  /** Median of the per-pair ratios a/b: robust when the machine's speed drifts. */
  ratio: number;
  /** Median of the per-pair differences a - b, ms. */
  diff: number;
}

/** Runs `a` and `b` in turn (A B A B ...) `pairs` times after one warm-up of each. */
export function paired(pairs: number, a: () => number, b: () => number): Paired {
  a();
  b();
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < pairs; i++) {
    as.push(a());
    bs.push(b());
  }
  const mid = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { a: mid(as), b: mid(bs), ratio: mid(as.map((t, i) => t / bs[i]!)), diff: mid(as.map((t, i) => t - bs[i]!)) };
}

/** Wall time of a whole process, ms; throws when it fails (status > 1: patchlint's 1 means findings). */
export function timeProcess(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.error || r.status === null || r.status > 1) throw new Error(`${command} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  return ms;
}
