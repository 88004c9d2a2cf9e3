// Builds small patch mails for tests: the headers git send-email writes, a
// commit message, and a diff. Every field has a sensible default so that a
// test states only what it is about.
export interface MailSpec {
  subject?: string;
  from?: string;
  /** Commit message body; a Signed-off-by is appended unless `signOff` is false. */
  body?: string;
  signOff?: boolean | string;
  /** The diff, from `diff --git` on; may be built with `fileDiff`. */
  diff?: string;
  notes?: string;
  messageId?: string;
  inReplyTo?: string;
  date?: string;
  to?: string;
  cc?: string;
  extraHeaders?: string[];
}

export const DEFAULT_AUTHOR = 'Jane Doe <jane@example.org>';

export function mail(spec: MailSpec = {}): string {
  const from = spec.from ?? DEFAULT_AUTHOR;
  const signOff = spec.signOff === false ? '' : `\nSigned-off-by: ${typeof spec.signOff === 'string' ? spec.signOff : from}`;
  const headers = [
    `From: ${from}`,
    `Subject: ${spec.subject ?? '[PATCH] migration: fix a leak in the colo path'}`,
    `Date: ${spec.date ?? 'Mon, 1 Sep 2025 10:00:00 +0200'}`,
    `Message-ID: ${spec.messageId ?? `<${Math.random().toString(36).slice(2)}@example.org>`}`,
    ...(spec.inReplyTo ? [`In-Reply-To: ${spec.inReplyTo}`, `References: ${spec.inReplyTo}`] : []),
    `To: ${spec.to ?? 'qemu-devel@nongnu.org'}`,
    ...(spec.cc ? [`Cc: ${spec.cc}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    ...(spec.extraHeaders ?? []),
  ];
  const body = spec.body ?? 'The buffer allocated in colo_init_ram_cache() is never freed.';
  const diff = spec.diff ?? fileDiff('migration/colo.c', 10, [' a', '+b', ' c']);
  return `${headers.join('\n')}\n\n${body}\n${signOff}\n---\n${spec.notes ? spec.notes + '\n' : ''}${diff}-- \n2.48.1\n`;
}

/**
 * One file's diff with a single hunk starting at `start` (old and new side).
 * `lines` carry their diff marker: ' ' context, '+' added, '-' removed.
 */
export function fileDiff(path: string, start: number, lines: string[], options: { newFile?: boolean } = {}): string {
  const oldCount = lines.filter((l) => !l.startsWith('+')).length;
  const newCount = lines.filter((l) => !l.startsWith('-')).length;
  const header = options.newFile
    ? `diff --git a/${path} b/${path}\nnew file mode 100644\nindex 0000000000..1111111111\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,${newCount} @@\n`
    : `diff --git a/${path} b/${path}\nindex 1111111111..2222222222 100644\n--- a/${path}\n+++ b/${path}\n@@ -${start},${oldCount} +${start},${newCount} @@\n`;
  return header + lines.join('\n') + '\n';
}

/** An mboxrd of several mails. */
export function mbox(...mails: string[]): string {
  return mails.map((m) => `From mboxrd@z Thu Jan  1 00:00:00 1970\n${m.replace(/^(>*From )/gm, '>$1')}`).join('\n');
}
