#!/usr/bin/env node
// Runs the bundled CLI (built by `npm ci` / `npm run build` into dist/).
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write(`patchlint: ${new URL('../dist/', import.meta.url).pathname} is not built: run npm ci (or npm run build) in ${new URL('..', import.meta.url).pathname}\n`);
  process.exit(2);
}
cli.run();
