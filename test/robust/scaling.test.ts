// The shapes that once took quadratic time stay linear: 4x the input takes
// less than 6x the time (quadratic gives 16x). A ratio measured inside one
// run, not a wall-clock limit; `npm run bench scaling` prints the figures.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/lint.js';
import { SHAPES } from './shapes.js';

async function best(text: string): Promise<number> {
  await lintText(text);
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await lintText(text);
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

describe('linear time on the shapes of issue 14', () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    it(`${name}: 4x the input, under 6x the time`, async () => {
      const n = shape.n;
      const small = await best(shape.text(n));
      const large = await best(shape.text(4 * n));
      expect(large / small).toBeLessThan(6);
    }, 60_000);
  }
});
