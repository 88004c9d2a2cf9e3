// A progress line on stderr for long runs, redrawn in place; only when
// stderr is a terminal (never in pipes, logs or the hook's output).

export interface Progress {
  /** A series of `patches` patches was linted. */
  series(patches: number): void;
  /** Wraps a writer so that the progress line is wiped before text is written. */
  around(write: (text: string) => void): (text: string) => void;
  /** Wipes the line at the end. */
  done(): void;
}

const WIPE = '\r\x1b[K';

/** `every` ms between redraws (PATCHLINT_PROGRESS_MS, default 250); the first comes after one interval. */
export function startProgress(stderr: (text: string) => void, enabled: boolean, every = 250, now = Date.now): Progress {
  const start = now();
  let last = start;
  let shown = false;
  let series = 0;
  let patches = 0;
  const wipe = () => {
    if (shown) stderr(WIPE);
    shown = false;
  };
  return {
    series(n) {
      series++;
      patches += n;
      const t = now();
      if (!enabled || t - last < every) return;
      last = t;
      const rate = Math.round((patches * 1000) / Math.max(1, t - start));
      stderr(`${WIPE}patchlint: ${series} series, ${patches} patches linted (${rate} patches/s)`);
      shown = true;
    },
    around: (write) => (text) => {
      wipe();
      write(text);
    },
    done: wipe,
  };
}
