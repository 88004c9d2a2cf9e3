// Patch mails touching QAPI schema files, for the qapi/ rule tests.
import { type MailSpec, fileDiff, mail } from './mail.js';

/** A qapi: patch mail with `diff`. */
export function qapiPatch(diff: string, spec: MailSpec = {}): string {
  return mail({ subject: '[PATCH] qapi: extend the schema', body: 'Extend the QAPI schema.', diff, ...spec });
}

/** One hunk of `path` starting at post-patch line `start`; lines carry ' ', '+' or '-'. */
export function schemaHunk(path: string, start: number, lines: string[]): string {
  return fileDiff(path, start, lines);
}

/** A new schema file holding `lines` (whole-file mode even without a tree). */
export function newSchemaFile(path: string, lines: string[]): string {
  return fileDiff(path, 1, lines.map((l) => `+${l}`), { newFile: true });
}

/** `lines` with '+' before each. */
export const added = (...lines: string[]) => lines.map((l) => `+${l}`);
/** `lines` with ' ' before each. */
export const context = (...lines: string[]) => lines.map((l) => ` ${l}`);
