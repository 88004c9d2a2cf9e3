// `patchlint hook-validate <mail> [<headers>]`: what the sendemail-validate
// hook runs for each mail (src/hook/validate.ts). Findings go to stderr,
// where git send-email shows them; exit 1 refuses the send.
import { resolve } from 'node:path';
import { ALL_RULES } from '../../rules/index.js';
import { validateMail } from '../hook/validate.js';
import type { Io } from './main.js';
import { UsageError, parse } from './options.js';

export async function hookValidate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { checkpatch: { type: 'boolean' } });
  if (positionals.length < 1 || positionals.length > 2) {
    throw new UsageError('hook-validate takes <mail> [<headers>], as git send-email passes them to the sendemail-validate hook');
  }
  const [mail, headers] = positionals.map((p) => resolve(io.cwd, p));
  const result = await validateMail({ mail: mail!, headers, cwd: io.cwd, env: io.env, rules: ALL_RULES, checkpatch: values.checkpatch });
  io.stderr(result.text);
  return result.exitCode;
}
