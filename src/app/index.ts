// The Probot app: webhooks in, one check run and one review out. Wiring only:
// events.ts says which pull request, review-pull.ts does the rest.
import type { ApplicationFunction, Context } from 'probot';
import { targetOf } from './events.js';
import { findPullByHead } from './github-api.js';
import { type ReviewOptions, reviewPullRequest } from './review-pull.js';

/** The app, with the rules it runs (all of them unless a test says otherwise). */
export function patchlintApp(options: ReviewOptions = {}): ApplicationFunction {
  return (app) => {
    // Deliveries for the same pull request run one after the other, so that
    // a re-delivery finds what the first one posted.
    const running = new Map<string, Promise<unknown>>();

    async function handle(context: Context<'pull_request' | 'check_run'>): Promise<void> {
      const target = targetOf(context.name, context.payload);
      if (target.kind === 'ignore') {
        context.log.debug(`qemu-patchlint: ignored: ${target.reason}`);
        return;
      }
      const pull = target.kind === 'pull' ? target.pull : await findPullByHead(context.octokit, target.owner, target.repo, target.headSha);
      if (!pull) {
        context.log.info(`qemu-patchlint: no open pull request has head ${target.kind === 'head' ? target.headSha : ''}`);
        return;
      }
      const key = `${pull.owner}/${pull.repo}#${pull.number}`;
      const previous = running.get(key) ?? Promise.resolve();
      const mine = previous.catch(() => undefined).then(() => reviewPullRequest(context.octokit, pull, options));
      running.set(key, mine);
      try {
        const outcome = await mine;
        if (outcome.status === 'failed') context.log.warn(`qemu-patchlint: ${key} ${pull.headSha}: ${outcome.reason}`);
        else if (outcome.status === 'superseded') context.log.info(`qemu-patchlint: ${key}: ${outcome.headSha} was superseded by ${outcome.currentSha}`);
        else context.log.info(`qemu-patchlint: ${key} ${pull.headSha}: ${outcome.report.findings.length} findings, review ${outcome.review}`);
      } finally {
        if (running.get(key) === mine) running.delete(key);
      }
    }

    app.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review', 'check_run.rerequested'], handle);
  };
}

export default patchlintApp();
