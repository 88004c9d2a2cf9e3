// Every rule, one import per file, as ESLint's lib/rules/index.js does. A test
// checks that each rules/<family>/<name>.ts is listed here and has its .md.
import type { Rule } from '../src/engine/types.js';
import commitSobMissing from './commit/sob-missing.js';
import migrationCapAccessorDeclMissing from './migration/cap-accessor-decl-missing.js';
import migrationCapAccessorHeaderVisibility from './migration/cap-accessor-header-visibility.js';
import migrationCapAccessorOrder from './migration/cap-accessor-order.js';

export const ALL_RULES: readonly Rule[] = [
  commitSobMissing,
  migrationCapAccessorDeclMissing,
  migrationCapAccessorHeaderVisibility,
  migrationCapAccessorOrder,
];
