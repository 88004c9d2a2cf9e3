import type { Rule } from '../../src/engine/types.js';
import { newCapabilitiesWithAccessor } from '../../src/migration/accessors.js';
import { capabilityChecked } from '../../src/migration/capability-uses.js';
import { MIGRATION_JSON, missingPatchesNote, seriesCFiles } from '../../src/migration/c-files.js';

// A capability whose doc states a condition ("requires", "only ... when",
// "incompatible", "must be set before") is checked in migrate_caps_check()
// (migration/options.c), or at migrate time; otherwise nothing enforces
// what the doc promises. A heuristic, hence info.
// Strongest wording first, so that the message quotes the real requirement.
const CONDITIONS = [/\brequires?\b/i, /\bincompatible\b/i, /\bcannot be used with\b/i, /\bconflicts? with\b/i, /\bonly\b[^.]*\b(?:when|if|with)\b/i, /\bmust be (?:set|enabled|specified)\b/i];
const conditionIn = (text: string) => CONDITIONS.map((re) => re.exec(text)).find((m) => m)?.[0];

const rule: Rule = {
  meta: {
    id: 'migration/cap-caps-check',
    severity: 'info',
    scope: 'series',
    needs: 'files',
    description: 'A new capability whose doc states a condition is never checked (migrate_caps_check() or elsewhere).',
  },
  async check(ctx) {
    const files = seriesCFiles(ctx);
    for (const { patch, cap, constant, accessor } of await newCapabilitiesWithAccessor(ctx)) {
      const condition = cap.doc && conditionIn(cap.doc.text);
      if (!condition || (await capabilityChecked(files, constant, accessor.name))) continue;
      ctx.report({
        patch,
        file: MIGRATION_JSON,
        line: cap.doc!.line,
        message: `the doc of capability '${cap.name}' states a condition ("${condition}") but nothing checks ${constant}: enforce it in migrate_caps_check() (migration/options.c) or where migration starts${missingPatchesNote(ctx)}`,
      });
    }
  },
};

export default rule;
