// Replays the reproducers `npm run fuzz` saved under fixtures/fuzz/ (and the
// minimised inputs of fixtures/robust/): each gives exit 0, 1 or 2, no stack
// trace or internal error, and a whole JSON document.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { patchlint } from '../helpers/cli.js';

const dirs = ['fixtures/fuzz', 'fixtures/robust'].filter((d) => existsSync(d));
const files = dirs.flatMap((d) => readdirSync(d).filter((n) => !n.endsWith('.md')).map((n) => `${d}/${n}`));

describe('saved fuzz reproducers', () => {
  it('has inputs to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    it(`${file}: exit 0-2, no crash, whole JSON`, () => {
      const r = patchlint(file.endsWith('.json') ? ['schema', '--format', 'json', file] : ['--format', 'json', file]);
      expect([0, 1, 2]).toContain(r.status);
      expect(r.stderr).not.toMatch(/internal error|failed on (patch|the series)|\n\s+at /);
      expect(() => JSON.parse(r.stdout)).not.toThrow();
    });
  }
});
