// A Maildir, as fetchmail, mbsync or getmail deliver into: every file of
// new/ and cur/ is one message; a message is known by its unique name (the
// part before `:2,`), so a MUA moving it from new/ to cur/ or setting flags
// does not make it new again.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Journal } from './journal.js';
import { BATCH, type MailSource, type RawMail, type SourceEvent } from './source.js';

export function maildirSource(root: string): MailSource {
  return {
    description: `Maildir ${root}`,
    async *read(journal: Journal): AsyncGenerator<SourceEvent> {
      const files: { key: string; path: string }[] = [];
      for (const sub of ['cur', 'new']) {
        for (const name of await readdir(join(root, sub)).catch(() => [] as string[])) {
          if (name.startsWith('.')) continue;
          const key = `maildir:${name.split(':')[0]}`;
          if (!journal.hasSeen(key)) files.push({ key, path: join(root, sub, name) });
        }
      }
      files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      for (let i = 0; i < files.length; i += BATCH) {
        const slice = files.slice(i, i + BATCH);
        const mails: RawMail[] = [];
        const keys: string[] = [];
        for (const file of slice) {
          try {
            const [bytes, info] = await Promise.all([readFile(file.path), stat(file.path)]);
            mails.push({ where: file.path, bytes, arrived: info.mtimeMs });
            keys.push(file.key);
          } catch (error) {
            // Moved between new/ and cur/ while we listed: the next step finds it.
            if ((error as NodeJS.ErrnoException).code !== 'ENOENT') yield { kind: 'error', message: `${file.path}: cannot read: ${(error as Error).message}` };
          }
        }
        yield { kind: 'batch', mails, advance: (j) => keys.forEach((k) => j.markSeen(k)) };
      }
    },
  };
}
