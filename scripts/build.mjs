// Bundles the CLI into dist/ so that the hook's once-per-mail start-up loads
// one small file instead of hundreds of modules. Commands and output formats
// are split into chunks loaded on demand. The GitHub app (src/app/) is not
// bundled with it: see the builds at the end.
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
});

// The GitHub App's server, run by `npm start` from a production install:
// our code bundled, Probot and Octokit loaded from node_modules (they are
// the app's own dependencies, kept out of the CLI's bundle).
await build({
  entryPoints: { 'app/server': 'src/app/server.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['probot'],
  logLevel: 'warning',
});

// The GitHub Action (action.yml, `using: node24`): one file with Octokit in
// it, so that a workflow run installs nothing.
await build({
  entryPoints: { 'app/action': 'src/app/action.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Octokit's throttling pulls in CommonJS (bottleneck) that calls require().
  banner: { js: "import { createRequire as __patchlintRequire } from 'node:module'; const require = __patchlintRequire(import.meta.url);" },
  logLevel: 'warning',
});
