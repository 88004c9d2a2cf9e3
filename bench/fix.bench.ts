// `npm run bench`: `patchlint fix` (lint, apply, lint again until nothing
// applies) on every corpus mail that touches a QAPI schema file: time per patch.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALL_RULES } from '../rules/index.js';
import { fixMails } from '../src/fix/fixer.js';
import { median } from './timing.js';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus');

if (!existsSync(join(CORPUS, 'index.json'))) {
  console.log(`skipped: ${CORPUS} is absent`);
} else {
  const index = JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8')) as Array<{ file: string; touches: string[] }>;
  const mails = index.filter((e) => e.touches.some((t) => /^(qapi|qga|storage-daemon\/qapi)\/.*\.json$/.test(t))).map((e) => readFileSync(join(CORPUS, e.file), 'utf8'));
  let changes = 0;
  const total = await median(5, async () => {
    changes = 0;
    for (const mail of mails) changes += (await fixMails([mail], { rules: ALL_RULES })).changes.length;
  });
  console.log(`input: ${mails.length} corpus patches touching QAPI schema files`);
  console.log(`fix per patch:      ${(total / mails.length).toFixed(1)} ms  (${total.toFixed(0)} ms for all; ${changes} fixes applied; all ${ALL_RULES.length} rules, diff only)`);
}
