// `npm run bench`: the QAPI parser and rules on every schema file of
// ../shared/qemu-tree/qapi (what `patchlint schema` does), and on the seed
// patch (what the send-email hook does once per mail). Prints figures; the
// medians of several runs after a warm-up.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALL_RULES } from '../rules/index.js';
import { lintSeries } from '../src/engine/engine.js';
import { lintInputs } from '../src/cli/check.js';
import { parseSchema } from '../src/qapi/index.js';
import { findSchemaFiles, wholeFileSeries, wholeFilesPlan } from '../src/sources/whole-files.js';
import { DirectoryTree } from '../src/tree/tree.js';
import { median } from './timing.js';

const SHARED = resolve(import.meta.dirname, '../../shared');
const TREE = join(SHARED, 'qemu-tree');
const QAPI = join(TREE, 'qapi');
const SEED = join(SHARED, 'corpus/seed/local-tap-v3-4of9.patchew-page.txt');

if (!existsSync(QAPI)) {
  console.log(`skipped: ${QAPI} is absent`);
} else {
  const names = readdirSync(QAPI).filter((f) => f.endsWith('.json'));
  const texts = names.map((n) => readFileSync(join(QAPI, n), 'utf8'));
  const lines = texts.reduce((n, t) => n + t.split('\n').length, 0);
  const bytes = texts.reduce((n, t) => n + t.length, 0);
  console.log(`input: ${names.length} schema files, ${lines} lines, ${(bytes / 1024).toFixed(0)} KiB`);

  const parse = await median(9, () => texts.forEach((t) => parseSchema(t)));
  console.log(`parse all:          ${parse.toFixed(1)} ms  (${((names.length / parse) * 1000).toFixed(0)} files/s, ${(lines / parse).toFixed(0)} lines/ms)`);

  const rules = ALL_RULES.filter((r) => r.meta.wholeFile);
  let findings = 0;
  const lint = await median(5, async () => {
    const found = await findSchemaFiles([QAPI]);
    const tree = new DirectoryTree(found.root);
    const series = wholeFileSeries(found.files);
    const result = await lintSeries(series, { rules, plan: wholeFilesPlan(series, tree) });
    findings = result.findings.length;
  });
  console.log(`parse + lint all:   ${lint.toFixed(1)} ms  (${((names.length / lint) * 1000).toFixed(0)} files/s; ${rules.length} rules, ${findings} findings)`);

  const seed = await median(9, () => lintInputs([SEED], { rules: ALL_RULES, qemuVersion: '10.2' }));
  console.log(`seed patch (check): ${seed.toFixed(1)} ms  (all ${ALL_RULES.length} rules, diff only)`);
  const seedTree = await median(9, () => lintInputs([SEED], { rules: ALL_RULES, tree: new DirectoryTree(TREE) }));
  console.log(`seed patch + tree:  ${seedTree.toFixed(1)} ms  (whole-file views of the touched schema files)`);
}
