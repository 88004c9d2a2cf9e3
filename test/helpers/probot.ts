// A Probot instance running the app against a FakeGitHub through nock 14
// (which intercepts fetch, as Probot 14 uses it). Retries and throttling are
// off so that an error answer is final and tests do not wait.
import { generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import { patchlintApp } from '../../src/app/index.js';
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
export function interceptGitHub(github: FakeGitHub): void {
  nock.disableNetConnect();
  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const) {
    nock(API)
      .persist()
      .intercept(/.*/, method)
      .reply((uri, body) => {
        const answer = github.handle(method, uri, parsed(body));
        return [answer.status, answer.body, answer.headers];
      });
  }
}

export async function probotFor(github: FakeGitHub, rules: readonly Rule[]): Promise<Probot> {
  interceptGitHub(github);
  const probot = new Probot({
    appId: 123,
    privateKey: TEST_PRIVATE_KEY,
    logLevel: 'fatal',
    // A function, so that Probot's own throttle options (merged over plain
    // defaults) cannot switch throttling back on: it spaces writes by a second.
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, retry: { enabled: false }, throttle: { ...(options.throttle as object), enabled: false } })),
  });
  await probot.load(patchlintApp({ rules }));
  return probot;
}

export function resetNock(): void {
  nock.cleanAll();
  nock.enableNetConnect();
}
