// A Probot instance running the app against a FakeGitHub through nock 14
// (which intercepts fetch, as Probot 14 uses it). Retries and throttling are
// off so that an error answer is final and tests do not wait.
import { generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import { patchlintApp } from '../../src/app/index.js';
import { type OctokitOptions, withRequestSettings } from '../../src/app/octokit-options.js';
import type { ReviewOptions } from '../../src/app/review-pull.js';
import type { Rule } from '../../src/engine/types.js';
import type { FakeGitHub } from './fake-github.js';

export const TEST_PRIVATE_KEY = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}).privateKey;

const API = 'https://api.github.com';

function parsed(body: unknown): unknown {
  if (typeof body !== 'string' || body === '') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** Routes every request to api.github.com into `github`; nothing else may leave the process. */
export function interceptGitHub(github: Pick<FakeGitHub, 'respond'>): void {
  nock.disableNetConnect();
  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const) {
    nock(API)
      .persist()
      .intercept(/.*/, method)
      .reply((uri, body, callback) => {
        // A hanging fault never calls back: the client's timeout must end the request.
        void github.respond(method, uri, parsed(body)).then((answer) => callback(null, [answer.status, answer.body, answer.headers]));
      });
  }
}

/** A stand-in for the throttling plugin's write queues (a second between writes, three between reviews). */
const UNSPACED = { key: () => ({ schedule: (_options: unknown, job: () => unknown) => job() }) };

export interface ProbotTestOptions {
  /**
   * The app's own Octokit settings (retries, throttling, timeouts) as
   * `npm start` has them, with waits shortened: a second of GitHub's
   * Retry-After lasts a millisecond. Off by default, so that an error
   * answer is final.
   */
  production?: { timeoutMs: number } | 'as-deployed';
  review?: ReviewOptions;
}

export async function probotFor(github: Pick<FakeGitHub, 'respond'>, rules: readonly Rule[], options: ProbotTestOptions = {}): Promise<Probot> {
  interceptGitHub(github);
  const production = options.production;
  const probot = new Probot({
    appId: 123,
    privateKey: TEST_PRIVATE_KEY,
    logLevel: 'fatal',
    // A function, so that Probot's own throttle options (merged over plain
    // defaults) cannot switch throttling back on: it spaces writes by a second.
    Octokit: ProbotOctokit.defaults((o: OctokitOptions) => {
      if (!production) return { ...o, retry: { enabled: false }, throttle: { ...o.throttle, enabled: false } };
      // The benchmark: exactly what `npm start` runs with, waits and write spacing included.
      if (production === 'as-deployed') return withRequestSettings(o);
      const settings = withRequestSettings(o, { timeoutMs: production.timeoutMs, waitUnitMs: 1 });
      return { ...settings, throttle: { ...settings.throttle, write: UNSPACED, notifications: UNSPACED } };
    }),
  });
  await probot.load(patchlintApp({ rules, ...options.review }));
  return probot;
}

export function resetNock(): void {
  nock.cleanAll();
  nock.enableNetConnect();
}
