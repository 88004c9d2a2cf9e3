// Where the repository around a folder starts, found by its `.git`: no git
// process and no git module loaded, because every `check` asks (for the
// config file) and most never run git.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The git top level above `dir`, found by its `.git` (no git process: this is on every run's path). */
export function gitTopLevel(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}
