// Where replies go: an SMTP relay through nodemailer, or an mbox outbox for
// a dry run. Both can tell whether a reply already reached them, which is
// what makes a resend after a crash safe.
import { appendFile, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

export interface Delivery {
  /** Names the destination in messages, without any password. */
  description: string;
  send(reply: { messageId: string; text: string; recipients: string[] }): Promise<void>;
  /** True when the destination surely holds this reply already (the outbox); SMTP cannot tell. */
  holds(messageId: string): Promise<boolean>;
  close(): void;
}

/** Appends to an mboxrd file; nothing leaves the machine. */
export function outboxDelivery(path: string): Delivery {
  return {
    description: `outbox ${path}`,
    async send({ text }) {
      await appendFile(path, `From qemu-patchlint Thu Jan  1 00:00:00 1970\n${text.replace(/^(>*From )/gm, '>$1')}\n`);
    },
    async holds(messageId) {
      const text = await readFile(path, 'utf8').catch(() => '');
      return text.includes(`\nMessage-ID: ${messageId}\n`);
    },
    close() {},
  };
}

export class SendError extends Error {}

/** Through an SMTP relay: STARTTLS when offered, AUTH from the URL's user and password. */
export async function smtpDelivery(url: string, from: string): Promise<Delivery> {
  // require, not import(): see Journal.open.
  const nodemailer = createRequire(import.meta.url)('nodemailer') as typeof import('nodemailer');
  const parsed = new URL(url);
  const transport = nodemailer.createTransport({
    host: parsed.hostname,
    port: Number(parsed.port) || (parsed.protocol === 'smtps:' ? 465 : 587),
    secure: parsed.protocol === 'smtps:',
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  const envelopeFrom = /<([^<>]+)>/.exec(from)?.[1] ?? from;
  return {
    description: `SMTP ${parsed.protocol}//${parsed.host}`,
    async send({ text, recipients }) {
      try {
        await transport.sendMail({ envelope: { from: envelopeFrom, to: recipients }, raw: text });
      } catch (error) {
        const e = error as { code?: string; responseCode?: number; response?: string; message: string };
        throw new SendError(e.response ?? (e.code ? `${e.code}: ${e.message}` : e.message));
      }
    },
    async holds() {
      return false;
    },
    close() {
      transport.close();
    },
  };
}
