// `npm run bench style`: how long the style/ rules take on the inputs of
// test/style/linear-time.test.ts (a 1 MB added line of each pathological
// kind, and a new file of 100k lines). The time of the rules alone (the
// whole run minus a run with no rules) is shown at half, full and double
// size, so that linear growth (ratio about 2) is visible. Asserts nothing.
import { performance } from 'node:perf_hooks';
import { ALL_RULES } from '../rules/index.js';
import type { Rule } from '../src/engine/types.js';
import { lintText } from '../test/helpers/lint.js';
import { BIG_FILE_LINES, MEGABYTE, ONE_LINE_CASES, bigFilePatch, oneLinePatch } from '../test/style/big-input.js';

const STYLE = ALL_RULES.filter((r) => r.meta.id.startsWith('style/'));
const gc = (globalThis as { gc?: () => void }).gc;

async function best(text: string, rules: readonly Rule[], runs = 5): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const start = performance.now();
    await lintText(text, { rules });
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

/** Milliseconds the style rules add to a run on `text`. */
async function styleTime(text: string): Promise<number> {
  return Math.max(0, (await best(text, STYLE)) - (await best(text, [])));
}

const ms = (t: number) => `${t.toFixed(0).padStart(5)} ms`;

console.log(`style rules (${STYLE.length}), rules' own time (best of 5, pipeline subtracted)`);
for (const [name, line] of Object.entries(ONE_LINE_CASES)) {
  const [half, full, double] = [await styleTime(oneLinePatch(line.slice(0, line.length / 2))), await styleTime(oneLinePatch(line)), await styleTime(oneLinePatch(line + line))];
  console.log(
    `  one line, ${name.padEnd(8)} 0.5 MB ${ms(half)}   1 MB ${ms(full)}   2 MB ${ms(double)}   2 MB/1 MB ${(double / full).toFixed(2)}   ${(line.length / MEGABYTE / (full / 1000)).toFixed(0)} MB/s`,
  );
}
const big = bigFilePatch();
const total = await best(big, STYLE, 3);
const rules = Math.max(0, total - (await best(big, [], 3)));
console.log(`  ${BIG_FILE_LINES} added lines (${(big.length / MEGABYTE).toFixed(1)} MB): rules ${ms(rules)} (${((BIG_FILE_LINES / rules) * 1000).toFixed(0)} lines/s), whole run ${ms(total)}`);
