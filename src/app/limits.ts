// Rate limits the throttling plugin did not wait out (the wait was long, or
// its retries were spent) park the review: it sleeps until GitHub's reset
// and tries the step again. A newer push to the pull request aborts the
// sleep, so a parked review never publishes an old head.

/** The review was dropped for a newer head of the same pull request. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer push');
  }
}

export interface ParkOptions {
  /** Aborted when a newer push supersedes this review. */
  signal?: AbortSignal;
  /** Longest wait a review parks for (GitHub's primary limit resets within the hour). */
  maxParkSeconds?: number;
  /** How many times one step parks before it fails. */
  maxParks?: number;
  /** Tests shorten the waits: milliseconds per second of GitHub's wait (default 1000). */
  waitUnitMs?: number;
  /** Told when the review parks, with the seconds it waits and why. */
  onPark?: (seconds: number, reason: string) => void;
}

export const MAX_PARK_SECONDS = 3700;

/**
 * Seconds GitHub asks us to wait before retrying, or undefined when the
 * error is not a rate limit: 429 or a secondary limit (Retry-After), or a
 * 403/429 with no requests left (X-RateLimit-Reset, in epoch seconds).
 */
export function rateLimitWait(error: unknown, now = Date.now()): number | undefined {
  const e = error as { status?: number; message?: string; response?: { headers?: Record<string, string | undefined> } };
  if (e?.status !== 403 && e?.status !== 429) return undefined;
  const headers = e.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) return Math.max(retryAfter, 0);
  if (headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset']) {
    return Math.max(Math.ceil((Number(headers['x-ratelimit-reset']) * 1000 - now) / 1000) + 1, 0);
  }
  // GitHub documents a minute for a secondary limit without Retry-After.
  if (e.status === 429 || /secondary rate/i.test(e.message ?? '')) return 60;
  return undefined;
}

export function throwIfSuperseded(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Superseded();
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Superseded());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Superseded());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `step`, parking and retrying it while GitHub rate-limits it (within the limits above). */
export async function parkingOnLimits<T>(step: () => Promise<T>, options: ParkOptions = {}): Promise<T> {
  for (let parks = 0; ; parks++) {
    throwIfSuperseded(options.signal);
    try {
      return await step();
    } catch (error) {
      const wait = rateLimitWait(error);
      if (wait === undefined || wait > (options.maxParkSeconds ?? MAX_PARK_SECONDS) || parks >= (options.maxParks ?? 2)) throw error;
      options.onPark?.(wait, String((error as Error).message ?? '').split('\n')[0]!);
      await sleep(wait * (options.waitUnitMs ?? 1000), options.signal);
    }
  }
}
