// `npm start` (node dist/app/server.js): the Probot server. Probot reads
// APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, GHE_HOST /
// GHE_PROTOCOL, HOST and PORT from the environment (or .env); without APP_ID
// it starts the registration flow from app.yml.
//
// On SIGTERM (docker stop, systemctl stop) it stops accepting webhooks,
// lets the reviews in progress finish for up to 30 s, and exits 0.
import { ProbotOctokit, run } from 'probot';
import { patchlintApp } from './index.js';
import { type OctokitOptions, withRequestSettings } from './octokit-options.js';

const DRAIN_MS = Number(process.env.PATCHLINT_DRAIN_MS) || 30_000;
// Tests shorten the request timeout; GitHub gets 30 s otherwise.
const timeoutMs = Number(process.env.PATCHLINT_REQUEST_TIMEOUT_MS) || undefined;

const app = patchlintApp();
// A function, so that it sees (and overrides) the throttle options Probot sets.
const Octokit = ProbotOctokit.defaults((options: OctokitOptions) => withRequestSettings(options, timeoutMs ? { timeoutMs } : {}));
const server = await run(app, { Octokit });
// Probot's own SIGINT handler exits without waiting for the reviews.
process.removeAllListeners('SIGINT');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.info(`qemu-patchlint: ${signal}: no new webhooks; waiting up to ${DRAIN_MS / 1000} s for the reviews in progress`);
  app.stopAccepting();
  // Closing the listener stops new connections; open ones end as their reviews do.
  const closed = server.stop().catch(() => undefined);
  const finished = await app.drain(DRAIN_MS);
  console.info(finished ? 'qemu-patchlint: reviews done, exiting' : 'qemu-patchlint: reviews still running after the grace period, exiting (their check runs stay in progress: use Re-run)');
  await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())]);
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
