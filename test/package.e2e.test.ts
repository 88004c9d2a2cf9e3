// The package as users and operators get it: `npm pack` (prepack builds
// dist/) of a copy of this checkout, installed into an empty prefix with
// production dependencies only, as the Dockerfile's runtime stage does.
// Then: the app from that install (`/ping`, one signed webhook against the
// fake GitHub); the CLI with the app's packages deleted from node_modules;
// the Action's bundle alone in an empty folder.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub, closeFake, loadPullFixture, payload, serveFake } from './helpers/fake-github.js';

const ROOT = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };
const HEAD = '6137520edd4ad079860956672203be9501ef1937';

let work: string;
let installed: string;
let tarball: string;
let fake: FakeGitHub;
let fakeServer: Server;
let app: ChildProcess | undefined;

const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'patchlint-package-'));
  // A copy of the checkout (tracked and new files), so that prepack's build
  // does not replace the dist/ other tests are running.
  const copy = join(work, 'checkout');
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) if (existsSync(join(ROOT, file))) cpSync(join(ROOT, file), join(copy, file), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  npm(['pack', '--pack-destination', work], copy);
  tarball = join(work, `qemu-patchlint-${pkg.version}.tgz`);

  // The runtime stage: production dependencies only; Probot is named because it is an optional peer.
  const prefix = join(work, 'prefix');
  mkdirSync(prefix);
  writeFileSync(join(prefix, 'package.json'), '{"private": true}\n');
  npm(['install', '--omit=dev', '--prefer-offline', tarball, `probot@${pkg.devDependencies.probot}`], prefix);
  installed = join(prefix, 'node_modules/qemu-patchlint');

  fake = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
  fakeServer = await serveFake(fake);
}, 300_000); // npm install of the packed package takes over two minutes on a loaded 2-core machine

afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((r) => app!.once('exit', r));
    app.kill('SIGTERM');
    await exited;
  }
  await closeFake(fakeServer);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships the built CLI, app and Action, and neither sources nor tests', () => {
    for (const file of ['bin/patchlint.js', 'dist/cli.cjs', 'dist/app/server.js', 'dist/app/action.js', 'fixtures/examples/local-fds-v2.mbox', 'app.yml']) expect(existsSync(join(installed, file)), file).toBe(true);
    expect(readdirSync(installed).sort()).not.toContain('src');
    expect(readdirSync(installed).sort()).not.toContain('test');
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
  });

  it('runs the app from the production install: /ping, then a signed webhook reviewed on the fake GitHub', async () => {
    const port = await freePort();
    const secret = 'package-test-secret';
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    let output = '';
    // What the Dockerfile's CMD runs, with NODE_ENV=production.
    app = spawn(process.execPath, [join(installed, 'dist/app/server.js')], {
      cwd: work,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        APP_ID: '123',
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: secret,
        GHE_HOST: `127.0.0.1:${(fakeServer.address() as { port: number }).port}`,
        GHE_PROTOCOL: 'http',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    app.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    app.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 300 && !(await fetch(`${url}/ping`).catch(() => undefined))?.ok; i++) await new Promise((r) => setTimeout(r, 100));
    const ping = await fetch(`${url}/ping`).catch(() => undefined);
    expect(ping?.status, output).toBe(200);
    expect(await ping!.text()).toBe('PONG');

    const body = JSON.stringify(payload('pull_request.opened'));
    const res = await fetch(`${url}/api/github/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'package-1', 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` },
      body,
    });
    expect(res.status, output).toBe(200);
    for (let i = 0; i < 300 && !(fake.checkRuns[0]?.status === 'completed' && fake.reviews.length); i++) await new Promise((r) => setTimeout(r, 100));
    expect(fake.checkRuns).toMatchObject([{ head_sha: HEAD, status: 'completed', conclusion: 'failure' }]);
    expect(fake.reviews).toHaveLength(1);

    const exited = new Promise<number | null>((r) => app!.once('exit', (code) => r(code)));
    app.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('runs the CLI with the app\'s packages (probot, @octokit/*) deleted from node_modules', () => {
    const modules = join(work, 'prefix/node_modules');
    rmSync(join(modules, 'probot'), { recursive: true, force: true });
    rmSync(join(modules, '@octokit'), { recursive: true, force: true });
    expect(existsSync(join(modules, 'probot'))).toBe(false);
    const bin = join(modules, '.bin/patchlint');
    const run = (args: string[]) => spawnSync(bin, args, { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } });

    const version = run(['--version']);
    expect(version.stdout.trim()).toBe(`qemu-patchlint ${pkg.version}`);
    const check = run(['check', join(installed, 'fixtures/examples/local-fds-v2.mbox')]);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('ERROR: [commit/sob-missing] Missing Signed-off-by: line(s)');
    const help = run(['check', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: patchlint \[check\]/);
    // The rule pages ship with the package: `rules ID` prints one.
    const page = run(['rules', 'commit/sob-missing']);
    expect(page.status).toBe(0);
    expect(page.stdout).toContain('Signed-off-by');
  });

  it('runs the Action\'s bundle alone, with no node_modules at all', async () => {
    const alone = join(work, 'action');
    mkdirSync(alone);
    cpSync(join(installed, 'dist/app/action.js'), join(alone, 'action.js'));
    writeFileSync(join(alone, 'event.json'), JSON.stringify(payload('pull_request.opened')));
    fake.checkRuns.length = 0;
    fake.reviews.length = 0;
    const port = (fakeServer.address() as { port: number }).port;
    const child = spawn(process.execPath, ['action.js'], {
      cwd: alone,
      env: { PATH: process.env.PATH, GITHUB_TOKEN: 'ghs_fake', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(alone, 'event.json'), GITHUB_API_URL: `http://127.0.0.1:${port}/api/v3` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(out).toContain('qemu-patchlint: qemu-mirror/qemu#42 at 6137520edd4a:');
    expect(code).toBe(1);
    expect(fake.checkRuns).toMatchObject([{ status: 'completed' }]);
  });
});
