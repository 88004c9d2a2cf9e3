// `npm run bench scaling`: the shapes that once took quadratic time (issue
// 14: many files in one patch, deep schema nesting, many documented members,
// many mails), each at n and 4n, in one process so that start-up is not
// counted (best of 3 after a warm-up). Linear time gives a ratio near 4;
// test/robust/scaling.test.ts keeps every ratio under 6.
import { performance } from 'node:perf_hooks';
import { lintText } from '../test/helpers/lint.js';
import { SHAPES } from '../test/robust/shapes.js';

const gc = (globalThis as { gc?: () => void }).gc;

async function best(text: string, runs = 3): Promise<number> {
  await lintText(text);
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const start = performance.now();
    await lintText(text);
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

console.log('scaling: every rule, n and 4n, best of 3 in one process (start-up excluded)');
for (const [name, shape] of Object.entries(SHAPES)) {
  const small = await best(shape.text(shape.n));
  const large = await best(shape.text(4 * shape.n));
  console.log(`  ${name.padEnd(20)} n=${String(shape.n).padStart(6)} ${small.toFixed(0).padStart(6)} ms   4n ${large.toFixed(0).padStart(6)} ms   ratio ${(large / small).toFixed(2)}`);
}
