// End to end: the real Probot server as `npm start` runs it (dist/app/server.js,
// built by the global setup)
// on 127.0.0.1 with a key made here, talking to a fake GitHub Enterprise API
// on 127.0.0.1 (GHE_HOST, GHE_PROTOCOL=http); webhooks signed with
// X-Hub-Signature-256 are POSTed to it over HTTP.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, FakeGitHub, closeFake, loadPullFixture, payload, serveFake } from '../helpers/fake-github.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SECRET = 'e2e-webhook-secret';

let fake: FakeGitHub;
let fakeServer: Server;
let app: ChildProcess;
let appOutput = '';
let appUrl: string;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createNetServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Polls `ready` every 100 ms, at most `attempts` times. */
async function until(ready: () => boolean | Promise<boolean>, attempts: number, what: string): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}; app output:\n${appOutput}`);
}

async function postWebhook(event: string, body: string, signature: string | undefined, delivery: string = randomUUID()): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': delivery };
  if (signature !== undefined) headers['x-hub-signature-256'] = signature;
  const res = await fetch(`${appUrl}/api/github/webhooks`, { method: 'POST', headers, body });
  await res.text();
  return res.status;
}

const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

beforeAll(async () => {
  fake = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
  fakeServer = await serveFake(fake);
  const fakePort = (fakeServer.address() as { port: number }).port;
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  app = spawn(process.execPath, ['dist/app/server.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      APP_ID: '123',
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: `127.0.0.1:${fakePort}`,
      GHE_PROTOCOL: 'http',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  app.stdout!.on('data', (c: Buffer) => (appOutput += c.toString()));
  app.stderr!.on('data', (c: Buffer) => (appOutput += c.toString()));
  await until(async () => (await fetch(`${appUrl}/ping`).catch(() => undefined))?.ok === true, 300, 'the Probot server to answer /ping');
});

afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((r) => app.once('exit', r));
    app.kill('SIGTERM');
    await exited;
  }
  await closeFake(fakeServer);
});

describe('the Probot server', () => {
  const body = JSON.stringify(payload('pull_request.opened'));

  it('rejects a webhook with a wrong or missing signature, and GitHub hears nothing of it', async () => {
    expect(await postWebhook('pull_request', body, sign(body, 'not-the-secret'))).toBe(400);
    expect(await postWebhook('pull_request', body, undefined)).toBe(400);
    expect(await postWebhook('pull_request', body + ' ', sign(body))).toBe(400);
    expect(fake.requests).toEqual([]);
  });

  it('answers a signed pull_request.opened with one check run and one review on the fake GitHub', async () => {
    expect(await postWebhook('pull_request', body, sign(body), 'delivery-1')).toBe(200);
    await until(() => fake.checkRuns.length === 1 && fake.reviews.length === 1, 300, 'the check run and the review');
    expect(fake.checkRuns[0]).toMatchObject({ name: 'qemu-patchlint', head_sha: '6137520edd4ad079860956672203be9501ef1937', status: 'completed' });
    expect(fake.reviews[0]).toMatchObject({ event: 'COMMENT', commit_id: '6137520edd4ad079860956672203be9501ef1937' });
    expect(fake.reviews[0]!.body).toContain('<!-- qemu-patchlint review -->');
    // Authenticated as the installation, with the key made above.
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/app/installations/77/access_tokens' });
  });

  it('handles the same delivery again without a second review or check run, writing nothing', async () => {
    const writes = fake.writes().length;
    const requests = fake.requests.length;
    // Probot answers once the handler is done (or after 9 s, with 202).
    expect(await postWebhook('pull_request', body, sign(body), 'delivery-1')).toBe(200);
    expect(fake.requests.length).toBeGreaterThan(requests);
    expect(fake.writes().slice(writes)).toEqual([]);
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.reviews).toHaveLength(1);
  });

  it('answers a payload without the fields it needs with 400 and a log line, and serves the next webhook', async () => {
    const broken = JSON.parse(body) as { pull_request: Record<string, unknown> };
    delete broken.pull_request.head;
    const text = JSON.stringify(broken);
    const requests = fake.requests.length;
    expect(await postWebhook('pull_request', text, sign(text))).toBe(400);
    await until(() => appOutput.includes('bad payload: pull_request.number, pull_request.head.sha or pull_request.base.sha missing'), 50, 'the log line');
    expect(fake.requests.length).toBe(requests);
    expect(await postWebhook('pull_request', body, sign(body))).toBe(200);
  });

  it('after a force-push, reviews the new head saying what became of the first head\'s findings, once', async () => {
    const v2 = loadPullFixture(join(FIXTURES, 'local-tap-pr-v2'));
    const first = fake.reviews.at(-1)!;
    const reviews = fake.reviews.length;
    fake.push(v2);
    const pushed = JSON.stringify(payload('pull_request.synchronize.force-push'));
    expect(await postWebhook('pull_request', pushed, sign(pushed), 'delivery-push')).toBe(200);
    await until(() => fake.reviews.length === reviews + 1 && fake.checkRuns.some((r) => r.head_sha === v2.pull.head.sha && r.status === 'completed'), 300, 'the review of the new head');
    const review = fake.reviews.at(-1)!;
    expect(review.commit_id).toBe(v2.pull.head.sha);
    // The push removed the trailing space of qapi/migration.json:21 and added the Signed-off-by of patch 2.
    expect(review.body).toMatch(/\n\*\*Since 6137520edd4a: [1-9]\d* fixed, [1-9]\d* still there, [1-9]\d* new\*\*\n/);
    expect(review.body).toMatch(/\n- `style\/trailing-whitespace` .* \(6137520edd4a patch 1, qapi\/migration.json:21\)\n/);
    expect(review.body).toMatch(/\n- `commit\/sob-missing` .* \(6137520edd4a patch 2\)\n/);
    // The trailing space kept (one line lower) is not commented again; the one added is.
    expect(review.body).toMatch(/\nStill there, already commented inline:\n\n(- .*\n)*- ❌ `style\/trailing-whitespace` \(patch 2\/2, `migration\/options.c:20`\): trailing whitespace\n/);
    expect(review.comments.filter((c) => first.comments.some((earlier) => earlier.path === c.path && earlier.body === c.body))).toEqual([]);
    expect(review.comments).toContainEqual(expect.objectContaining({ path: 'migration/options.c', line: 22, body: expect.stringContaining('trailing whitespace') }));

    const writes = fake.writes().length;
    expect(await postWebhook('pull_request', pushed, sign(pushed), 'delivery-push')).toBe(200);
    expect(fake.writes().slice(writes)).toEqual([]);
    // Back to the first head for the next test.
    fake.push(loadPullFixture());
  });

  it('on SIGTERM stops taking webhooks, finishes the review in progress and exits 0', async () => {
    fake.latencyMs = 100;
    fake.checkRuns.length = 0;
    fake.reviews.length = 0;
    const delivery = postWebhook('pull_request', body, sign(body)).catch(() => 0);
    await until(() => fake.checkRuns.length === 1, 100, 'the check run to start');
    expect(fake.checkRuns[0]!.status).toBe('in_progress');
    const exited = new Promise<number | null>((r) => app.once('exit', (code) => r(code)));
    app.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fake.checkRuns[0]!.status).toBe('completed');
    expect(fake.reviews).toHaveLength(1);
    expect(await delivery).toBe(200);
    // The listener is closed: nothing is served any more.
    await expect(fetch(`${appUrl}/ping`)).rejects.toThrow();
  });
});
