// `patchlint install-hook [--force] [--uninstall]`
import { HookInstallError, installHook, uninstallHook } from '../hook/install.js';
import type { Io } from './main.js';
import { UsageError, parse } from './options.js';

export async function installHookCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { force: { type: 'boolean' }, uninstall: { type: 'boolean' }, checkpatch: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`install-hook takes no arguments, not "${positionals[0]}" (run it inside the repository)`);
  if (values.force && values.uninstall) throw new UsageError('--force and --uninstall do not go together');
  try {
    const done = values.uninstall ? await uninstallHook(io.cwd) : await installHook({ cwd: io.cwd, force: values.force, checkpatch: values.checkpatch });
    io.stdout(done.map((line) => `patchlint: ${line}\n`).join(''));
    return 0;
  } catch (error) {
    if (!(error instanceof HookInstallError)) throw error;
    io.stderr(`patchlint: ${error.message}\n`);
    return 2;
  }
}
