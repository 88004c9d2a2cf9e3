#!/usr/bin/env node
// Runs the bundled CLI, dist/cli.cjs, built by `npm ci` / `npm run build`
// (scripts/build.mjs) with a V8 code cache, dist/cli.cache. The bundle is
// compiled through vm.Script with that cache, so start-up neither parses nor
// compiles it; a missing cache, or one from another node version (V8 then
// rejects it), only costs that time back. This file is CommonJS
// (bin/package.json): node starts a CommonJS script faster than a module.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const first = process.argv[2];
if (first === '--version' || first === '-V') {
  // Nothing to load for this one.
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  process.stdout.write(`qemu-patchlint ${version}\n`);
  process.exit(0);
}

const dist = join(root, 'dist');
const bundle = join(dist, 'cli.cjs');
const cacheFile = join(dist, 'cli.cache');
let source;
try {
  source = readFileSync(bundle, 'utf8');
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
