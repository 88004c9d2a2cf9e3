// The Probot app: webhooks in, one check run and one review out. Wiring only:
// events.ts says which pull request, review-pull.ts does the rest.
import type { ApplicationFunction, Context } from 'probot';
import { targetOf } from './events.js';
import { findPullByHead } from './github-api.js';
import type { PullRef } from './github-types.js';
import { type ReviewOptions, type ReviewOutcome, reviewPullRequest } from './review-pull.js';

/** The app function, and what the server needs for a graceful stop. */
export interface PatchlintApp extends ApplicationFunction {
  /** Refuses new deliveries (503, so that GitHub can redeliver them to the next instance). */
  stopAccepting(): void;
  /** Resolves true when the reviews in progress are done, false if `ms` passed first. */
  drain(ms: number): Promise<boolean>;
}

/** An error the webhook middleware answers with its `status`. */
function httpError(status: number, message: string): Error {
  return Object.assign(new Error(message), { status });
}

interface Running {
  headSha: string;
  controller: AbortController;
  done: Promise<ReviewOutcome | undefined>;
}

/** The app, with the rules it runs (all of them unless a test says otherwise). */
export function patchlintApp(options: ReviewOptions = {}): PatchlintApp {
  let accepting = true;
  const inFlight = new Set<Promise<unknown>>();
  // Deliveries for the same pull request run one after the other, so that a
  // re-delivery finds what the first one posted; a delivery for a newer head
  // aborts the one before it (parked behind a rate limit, or still linting).
  const latest = new Map<string, Running>();

  const appFn: ApplicationFunction = (app) => {
    async function handle(context: Context<'pull_request' | 'check_run'>): Promise<void> {
      if (!accepting) throw httpError(503, 'qemu-patchlint is shutting down: redeliver this webhook later');
      const target = targetOf(context.name, context.payload);
      if (target.kind === 'invalid') {
        context.log.warn(`qemu-patchlint: delivery ${context.id} (${context.name}): bad payload: ${target.reason}`);
        throw httpError(400, `bad ${context.name} payload: ${target.reason}`);
      }
      if (target.kind === 'ignore') {
        context.log.debug(`qemu-patchlint: ignored: ${target.reason}`);
        return;
      }
      const pull = target.kind === 'pull' ? target.pull : await findPullByHead(context.octokit, target.owner, target.repo, target.headSha);
      if (!pull) {
        context.log.info(`qemu-patchlint: no open pull request has head ${target.kind === 'head' ? target.headSha : ''}`);
        return;
      }
      const work = review(context, pull);
      inFlight.add(work);
      try {
        await work;
      } finally {
        inFlight.delete(work);
      }
    }

    async function review(context: Context<'pull_request' | 'check_run'>, pull: PullRef): Promise<void> {
      const key = `${pull.owner}/${pull.repo}#${pull.number}`;
      const previous = latest.get(key);
      if (previous && previous.headSha !== pull.headSha) previous.controller.abort();
      const controller = new AbortController();
      const log = context.log;
      const done = (previous?.done ?? Promise.resolve(undefined))
        .catch(() => undefined)
        .then(() =>
          reviewPullRequest(context.octokit, pull, {
            ...options,
            signal: controller.signal,
            park: {
              ...options.park,
              onPark: (seconds, reason) => {
                log.warn(`qemu-patchlint: ${key} ${pull.headSha}: parked for ${seconds} s (${reason})`);
                options.park?.onPark?.(seconds, reason);
              },
            },
          }),
        );
      const mine: Running = { headSha: pull.headSha, controller, done };
      latest.set(key, mine);
      try {
        const outcome = await done;
        if (outcome.status === 'failed') log.warn(`qemu-patchlint: ${key} ${pull.headSha}: ${outcome.reason}`);
        else if (outcome.status === 'superseded') log.info(`qemu-patchlint: ${key}: ${outcome.headSha} was superseded by ${outcome.currentSha}`);
        else log.info(`qemu-patchlint: ${key} ${pull.headSha}: ${outcome.report.findings.length} findings, review ${outcome.review}`);
      } finally {
        if (latest.get(key) === mine) latest.delete(key);
      }
    }

    app.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review', 'check_run.rerequested'], handle);
  };

  const stopAccepting = () => {
    accepting = false;
  };
  const drain = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const all = Promise.allSettled([...inFlight]).then(() => true);
    try {
      return await Promise.race([all, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  return Object.assign(appFn, { stopAccepting, drain });
}

export default patchlintApp();
