// How the app's and the Action's Octokit talk to GitHub: a timeout on every
// request, and which rate-limit waits the throttling plugin may do itself.
// Longer waits come back to the review as errors, which parks it where a
// newer push can drop it (limits.ts).

/** A request GitHub has not answered in this long has failed. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** The throttling plugin waits out limits this short in place; longer ones park the review. */
export const INLINE_WAIT_SECONDS = 60;
export const TIMEOUT_MESSAGE = 'no answer within';

export interface RequestSettings {
  timeoutMs?: number;
  /** Seconds the throttling plugin may wait in place for a limit to pass. */
  inlineWaitSeconds?: number;
  /** Tests shorten the plugins' waits: milliseconds per second of Retry-After (default 1000). */
  waitUnitMs?: number;
}

type Fetch = typeof globalThis.fetch;

/** fetch with a deadline; the error names the limit, and Octokit adds the request. */
export function timedFetch(timeoutMs: number, inner: Fetch = globalThis.fetch): Fetch {
  return async (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    try {
      return await inner(input, { ...init, signal });
    } catch (error) {
      if (!deadline.aborted) throw error;
      throw new Error(`${TIMEOUT_MESSAGE} ${timeoutMs / 1000} s`);
    }
  };
}

type LimitHandler = (retryAfter: number, options: { method?: string; url?: string }, octokit: unknown, retryCount: number) => boolean;

export interface OctokitOptions {
  request?: { fetch?: Fetch } & Record<string, unknown>;
  throttle?: Record<string, unknown>;
  retry?: Record<string, unknown>;
  auth?: unknown;
  [key: string]: unknown;
}

/**
 * Octokit options over the ones given (Probot's, or the Action's): both
 * primary and secondary limits retried twice when the wait is short (Probot
 * retries no secondary limit), every request under a deadline.
 */
export function withRequestSettings<T extends OctokitOptions>(options: T, settings: RequestSettings = {}): T {
  const timeoutMs = settings.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const inline = settings.inlineWaitSeconds ?? INLINE_WAIT_SECONDS;
  const shortWait: LimitHandler = (retryAfter, _options, _octokit, retryCount) => retryAfter <= inline && retryCount < 2;
  const fetch = timedFetch(timeoutMs, options.request?.fetch ?? globalThis.fetch);
  const unit = settings.waitUnitMs === undefined ? {} : { retryAfterBaseValue: settings.waitUnitMs };
  // Probot's app authentication makes its token requests through its own `request`.
  const auth = options.auth as { request?: { defaults: (o: unknown) => unknown } } | undefined;
  return {
    ...options,
    ...(auth?.request?.defaults ? { auth: { ...auth, request: auth.request.defaults({ request: { fetch } }) } } : {}),
    request: { ...options.request, fetch },
    throttle: { ...options.throttle, onRateLimit: shortWait, onSecondaryRateLimit: shortWait, ...unit },
    retry: { ...options.retry, ...unit },
  } as T;
}
