// Real parts for the list bot's tests: a public-inbox v2 archive written by
// public-inbox itself, an SMTP server on loopback that feeds what it
// receives back into that archive (as the list would), and the bot run as a
// separate process.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { BIN } from '../helpers/cli.js';

export const LIST = 'qemu-devel@lists.example.org';
export const BOT = 'qemu-patchlint <bot@patchlint.example.org>';

export const HAS_PUBLIC_INBOX = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v public-inbox-init && command -v public-inbox-mda'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
export const NO_PUBLIC_INBOX_MESSAGE = 'public-inbox is not installed (Debian: apt-get install public-inbox; .ci/run installs it): the list bot tests on a real archive are skipped';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking this process (the SMTP server lives here). */
export function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(command, args, { env: { ...process.env, ...options.env }, cwd: options.cwd, encoding: 'utf8', timeout: 50_000, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      done({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    // A child killed (or done) before it reads its input closes the pipe: EPIPE then is expected, and the exit status tells the rest.
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input ?? '');
  });
}

export const watch = (args: string[], env: NodeJS.ProcessEnv = {}) => run(process.execPath, [BIN, 'watch', ...args], { env: { NO_COLOR: '1', ...env } });

export function spawnWatch(args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, 'watch', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A v2 archive made by public-inbox-init, mail delivered by public-inbox-mda. */
export class Archive {
  readonly dir: string;
  private readonly env: NodeJS.ProcessEnv;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(readonly root: string) {
    this.dir = join(root, 'inbox');
    const config = join(root, 'pi-config');
    this.env = { PI_CONFIG: config, HOME: root, ORIGINAL_RECIPIENT: LIST };
  }

  static async create(root: string): Promise<Archive> {
    const archive = new Archive(root);
    mkdirSync(root, { recursive: true });
    writeFileSync(archive.env.PI_CONFIG!, '[publicinboxmda]\n\tspamcheck = none\n');
    const init = await run('public-inbox-init', ['-V2', '-L', 'basic', 'test', archive.dir, 'http://example.org/test', LIST], { env: archive.env });
    if (init.status !== 0) throw new Error(`public-inbox-init failed: ${init.stderr}`);
    return archive;
  }

  /** Delivers one mail; deliveries are queued, as the list's MTA would. */
  deliver(mail: string): Promise<void> {
    const next = this.queue.then(async () => {
      const r = await run('public-inbox-mda', ['--no-precheck'], { env: this.env, input: mail });
      if (r.status !== 0) throw new Error(`public-inbox-mda failed (${r.status}): ${r.stderr}`);
    });
    this.queue = next.catch(() => {});
    return next;
  }

  /** Resolves when every delivery queued so far is done. */
  idle(): Promise<unknown> {
    return this.queue;
  }

  async count(): Promise<number> {
    const r = await run('git', ['--git-dir', join(this.dir, 'git/0.git'), 'rev-list', '--count', 'refs/heads/master']);
    return Number(r.stdout.trim() || 0);
  }
}

export interface Received {
  envelope: string[];
  text: string;
}

/** An SMTP relay on 127.0.0.1 (port 0) that hands every mail to `onMail` before it answers 250. */
export async function startSmtp(onMail: (text: string) => Promise<void> = async () => {}): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        received.push({ envelope: session.envelope.rcptTo.map((r) => r.address), text });
        onMail(text).then(() => callback(), (error: Error) => callback(error));
      });
    },
  });
  // A bot killed (kill -9) in the middle of a send resets its connection: expected, not a test failure.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') throw error;
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((closed) => server.close(() => closed())) };
}

let counter = 0;

export interface MailSpec {
  subject: string;
  id: string;
  from?: string;
  body: string;
  inReplyTo?: string;
  date?: Date;
}

export function mail(spec: MailSpec): string {
  const date = (spec.date ?? new Date()).toUTCString().replace('GMT', '+0000');
  return [
    `From: ${spec.from ?? 'Ann Author <ann@example.com>'}`,
    `To: ${LIST}`,
    'Cc: Rev Iewer <rev@example.com>',
    `Subject: ${spec.subject}`,
    `Date: ${date}`,
    `Message-ID: <${spec.id}>`,
    ...(spec.inReplyTo ? [`In-Reply-To: <${spec.inReplyTo}>`, `References: <${spec.inReplyTo}>`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    '',
    spec.body,
  ].join('\n');
}

/** A patch body: `line` is the added C line; `signed` adds the Signed-off-by. */
export function patchBody(options: { line?: string; signed?: boolean; file?: string; message?: string } = {}): string {
  const file = options.file ?? `hw/misc/unit${++counter}.c`;
  return [
    options.message ?? 'Keep the counter in the device state so that it survives a reset.',
    '',
    ...(options.signed === false ? [] : ['Signed-off-by: Ann Author <ann@example.com>']),
    '---',
    ` ${file} | 1 +`,
    ' 1 file changed, 1 insertion(+)',
    '',
    `diff --git a/${file} b/${file}`,
    'index 1111111..2222222 100644',
    `--- a/${file}`,
    `+++ b/${file}`,
    '@@ -10,3 +10,4 @@ static void unit_reset(DeviceState *dev)',
    ' {',
    '     UnitState *s = UNIT(dev);',
    `+${options.line ?? '    s->count = 0;'}`,
    ' }',
    '-- ',
    '2.43.0',
    '',
  ].join('\n');
}

export function coverBody(text = 'This series keeps the counter across resets.'): string {
  return [text, '', 'Ann Author (2):', '  one', '  two', '', ' 2 files changed, 2 insertions(+)', '', '-- ', '2.43.0', ''].join('\n');
}

/** The headers of a mail as a map (first value of each, unfolded). */
export function headersOf(text: string): Map<string, string> {
  const head = text.slice(0, text.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ');
  const map = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m && !map.has(m[1]!.toLowerCase())) map.set(m[1]!.toLowerCase(), m[2]!);
  }
  return map;
}

/** A public-inbox v2 epoch written with git fast-import: one commit per message, adding it as `m`. */
export function writeEpoch(gitDir: string, mails: readonly string[], startTime = Math.floor(Date.now() / 1000)): void {
  // Appending to an existing epoch continues its master.
  const append = existsSync(gitDir);
  if (!append) execFileSync('git', ['init', '-q', '--bare', gitDir]);
  const parts: Buffer[] = [];
  mails.forEach((text, i) => {
    const data = Buffer.from(text);
    const message = Buffer.from(`mail ${i}\n`);
    parts.push(
      Buffer.from(`commit refs/heads/master\ncommitter list <list@example.org> ${startTime + i} +0000\ndata ${message.length}\n`),
      message,
      Buffer.from(append && i === 0 ? 'from refs/heads/master^0\n' : ''),
      Buffer.from(`M 100644 inline m\ndata ${data.length}\n`),
      data,
      Buffer.from('\n'),
    );
  });
  execFileSync('git', ['--git-dir', gitDir, 'fast-import', '--quiet'], { input: Buffer.concat(parts) });
}
