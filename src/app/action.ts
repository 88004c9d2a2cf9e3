// The GitHub Actions entry (action.yml): the same review as the app, for
// mirrors that prefer a workflow to an installed app. The token comes from
// the workflow (GITHUB_TOKEN), the event from GITHUB_EVENT_PATH. Our own
// small entry: @probot/adapter-github-actions 4 requires Probot 13.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { VERSION } from '../version.js';
import { targetOf } from './events.js';
import { findPullByHead } from './github-api.js';
import { withRequestSettings } from './octokit-options.js';
import { type ReviewOptions, reviewPullRequest } from './review-pull.js';

// What Probot's Octokit does for the app: retry server errors, wait out short rate limits, time out.
const ActionOctokit = Octokit.plugin(retry, throttling);

export interface ActionIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Exit status as the CLI's: 0 no error-level findings, 1 error-level findings, 2 could not review. */
export async function runAction(io: ActionIo, options: ReviewOptions & { octokit?: Record<string, unknown> } = {}): Promise<number> {
  const { env } = io;
  const fail = (message: string) => {
    io.stderr(`patchlint-action: ${message}\n`);
    return 2;
  };
  // `with: github-token:` arrives as INPUT_GITHUB-TOKEN; a plain env GITHUB_TOKEN works too.
  const token = env['INPUT_GITHUB-TOKEN'] || env.GITHUB_TOKEN;
  if (!token) return fail('no token: set GITHUB_TOKEN (or the github-token input)');
  if (!env.GITHUB_EVENT_NAME || !env.GITHUB_EVENT_PATH) return fail('GITHUB_EVENT_NAME and GITHUB_EVENT_PATH must be set (run this inside a workflow)');

  let payload: unknown;
  try {
    payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not JSON (${error.message})` : `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    return fail(`${env.GITHUB_EVENT_PATH}: ${reason}`);
  }
  const target = targetOf(env.GITHUB_EVENT_NAME, payload);
  if (target.kind === 'invalid') return fail(`${env.GITHUB_EVENT_NAME} event: ${target.reason}`);
  if (target.kind === 'ignore') {
    io.stdout(`qemu-patchlint: nothing to do: ${target.reason}\n`);
    return 0;
  }
  const quiet = () => undefined;
  const api = new ActionOctokit(
    withRequestSettings({
      auth: token,
      baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
      userAgent: `qemu-patchlint/${VERSION}`,
      // Failed requests are reported once, in the outcome; a 404 for an absent file is normal.
      log: { debug: quiet, info: quiet, warn: (message: string) => io.stderr(`${message}\n`), error: quiet },
      // Tests shorten the waits.
      ...options.octokit,
    }),
  );
  const pull = target.kind === 'pull' ? target.pull : await findPullByHead(api, target.owner, target.repo, target.headSha);
  if (!pull) {
    io.stdout(`qemu-patchlint: no open pull request has head ${target.kind === 'head' ? target.headSha : ''}\n`);
    return 0;
  }
  // A workflow run is billed by the minute: park on a rate limit for at most five.
  const outcome = await reviewPullRequest(api, pull, { ...options, park: { maxParkSeconds: 300, ...options.park } });
  const where = `${pull.owner}/${pull.repo}#${pull.number} at ${pull.headSha.slice(0, 12)}`;
  if (outcome.status === 'failed') return fail(`${where}: ${outcome.reason}`);
  if (outcome.status === 'superseded') {
    io.stdout(`qemu-patchlint: ${where} was superseded by ${outcome.currentSha.slice(0, 12)}: not reported\n`);
    return 0;
  }
  const errors = outcome.report.findings.filter((f) => f.severity === 'error').length;
  io.stdout(`qemu-patchlint: ${where}: ${outcome.report.findings.length} findings (${errors} errors), check run ${outcome.checkRunId}, review ${outcome.review}\n`);
  return errors ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runAction({ env: process.env, stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
}
