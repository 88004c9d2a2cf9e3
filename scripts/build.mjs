// Bundles the CLI into dist/ so that the hook's once-per-mail start-up loads
// one small file instead of hundreds of modules. Commands and output formats
// are split into chunks loaded on demand. The GitHub app (src/app/) is not
// bundled: it runs from source under the Probot server.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names change with their content: start from an empty folder.
rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/run.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  minify: false,
  logLevel: 'warning',
  // A native addon and a mailer loaded only by `patchlint watch`: left to node_modules.
  external: ['better-sqlite3', 'nodemailer'],
});
