#!/usr/bin/env node
// Runs the bundled CLI, dist/cli.cjs, built by `npm ci` / `npm run build`
// (scripts/build.mjs) with a V8 code cache, dist/cli.cache. The bundle is
// compiled through vm.Script with that cache, so start-up neither parses nor
// compiles it; a missing cache, or one from another node version (V8 then
// rejects it), only costs that time back. This file is CommonJS
// (bin/package.json): node starts a CommonJS script faster than a module.
'use strict';
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const first = process.argv[2];
if (first === '--version' || first === '-V') {
  // Nothing to load for this one.
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  process.stdout.write(`qemu-patchlint ${version}\n`);
  process.exit(0);
}

// On a large mbox V8 lets its heap grow far past what stays live (about
// 30 MiB): start again with the old generation capped, so that peak RSS stays
// under 256 MiB for about 15% more time. Small inputs never pay for the
// second start; a limit the user set (NODE_OPTIONS, node flags) wins.
const LARGE_INPUT = 64 * 2 ** 20;
const HEAP_CAP = '--max-old-space-size=128';
function inputBytes() {
  let bytes = 0;
  for (const arg of process.argv.slice(2)) {
    try {
      const stat = statSync(arg);
      if (stat.isFile()) bytes += stat.size;
    } catch {
      // Not a file (an option, a folder, stdin): not counted.
    }
  }
  return bytes;
}
const limited = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('--max-old-space-size'));
if (!limited && inputBytes() >= LARGE_INPUT) {
  const child = require('node:child_process').spawnSync(process.execPath, [HEAP_CAP, ...process.execArgv, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 2);
}

const dist = join(root, 'dist');
const bundle = join(dist, 'cli.cjs');
const cacheFile = join(dist, 'cli.cache');
let source;
try {
  // ASCII, checked by the build: latin1 decodes it fastest.
  source = readFileSync(bundle, 'latin1');
} catch (error) {
  if (error?.code !== 'ENOENT') throw error;
  process.stderr.write(`patchlint: ${dist}/ is not built: run npm ci (or npm run build) in ${root}/\n`);
  process.exit(2);
}
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // Not built yet, or removed: compile without it.
}
const { Script } = require('node:vm');
const { pathToFileURL } = require('node:url');
const script = new Script(`(function (exports, require, module, __filename, __dirname, __bundleUrl) {${source}\n})`, { filename: bundle, cachedData });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, require('node:module').createRequire(bundle), cli, bundle, dist, pathToFileURL(bundle).href);
// The build's training run: keep what V8 compiled, for the next start.
if (process.env.PATCHLINT_WRITE_CODE_CACHE) process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
cli.exports.run();
