// `npm run bench spelling`: what spelling/typo costs. The misspelling list is
// read once per process (the first patch with text pays it); then the cost
// per 1,000 added lines of prose (C comments, QAPI docs, rST), the rule's
// own time (a run without it subtracted), and its share of a run of every
// rule on the same patch, and on the real corpus. Asserts nothing.
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ALL_RULES } from '../rules/index.js';
import { misspellingsLoaded } from '../src/spelling/misspellings.js';
import { fileDiff, mail } from '../test/helpers/mail.js';
import { lintText } from '../test/helpers/lint.js';
import { CORPUS, corpusMails } from './corpus-copies.js';
import { median } from './timing.js';

/** The fastest of `runs` runs: the least disturbed by other work on the machine. */
async function best(runs: number, work: () => unknown): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const TYPO = ALL_RULES.filter((r) => r.meta.id === 'spelling/typo');
const OTHERS = ALL_RULES.filter((r) => r.meta.id !== 'spelling/typo');
const SENTENCE = 'the source keeps the device running while the destination receives its state';

function prosePatch(lines: number): string {
  const third = Math.floor(lines / 3);
  const c = ['+/*', ...Array.from({ length: third }, (_, i) => `+ * Step ${i}: ${SENTENCE}.`), '+ */'];
  const rst = Array.from({ length: third }, (_, i) => `+Step ${i}: ${SENTENCE}.`);
  const qapi = Array.from({ length: lines - 2 * third }, (_, i) => `+# Step ${i}: ${SENTENCE}.`);
  return mail({ body: `Describe the steps.\n\n${SENTENCE}.`, diff: fileDiff('migration/steps.c', 1, c) + fileDiff('docs/devel/steps.rst', 1, rst) + fileDiff('qapi/steps.json', 1, qapi) });
}

const small = mail({ body: `Fix it: ${SENTENCE}.` });
let start = performance.now();
await lintText(small, { rules: TYPO });
console.log(`first patch (reads the list, ${misspellingsLoaded() ? 'loaded' : 'not loaded'}): ${(performance.now() - start).toFixed(1)} ms; the same patch again: ${(await median(9, () => lintText(small, { rules: TYPO }))).toFixed(2)} ms`);

for (const lines of [1000, 10000]) {
  const patch = prosePatch(lines);
  await best(3, () => lintText(patch, { rules: ALL_RULES })); // warm-up
  const alone = await best(7, () => lintText(patch, { rules: TYPO }));
  const none = await best(7, () => lintText(patch, { rules: [] }));
  const others = await best(7, () => lintText(patch, { rules: OTHERS }));
  const all = await best(7, () => lintText(patch, { rules: ALL_RULES }));
  const own = Math.max(0, alone - none);
  console.log(`${lines} added lines of prose: spelling/typo ${((own / lines) * 1000).toFixed(1)} ms per 1,000 lines; every rule ${all.toFixed(0)} ms, without it ${others.toFixed(0)} ms (throughput ${(others / all).toFixed(2)} of it)`);
}

// Real patches: the corpus mails, each linted alone, with and without the rule.
if (existsSync(CORPUS)) {
  const mails = corpusMails();
  const runAll = (rules: typeof ALL_RULES) => async () => {
    for (const text of mails) await lintText(text, { rules });
  };
  await best(2, runAll(ALL_RULES)); // warm-up
  const pair = { all: Number.POSITIVE_INFINITY, others: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 5; i++) {
    pair.all = Math.min(pair.all, await best(1, runAll(ALL_RULES)));
    pair.others = Math.min(pair.others, await best(1, runAll(OTHERS)));
  }
  console.log(`the ${mails.length} corpus mails, each alone: every rule ${pair.all.toFixed(0)} ms, without spelling/typo ${pair.others.toFixed(0)} ms (throughput ${(pair.others / pair.all).toFixed(2)} of it)`);
} else {
  console.log(`corpus ratio skipped: ${CORPUS} is absent`);
}
