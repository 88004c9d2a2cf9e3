// Every rule, one import per file, as ESLint's lib/rules/index.js does. A test
// checks that each rules/<family>/<name>.ts is listed here and has its .md.
import type { Rule } from '../src/engine/types.js';
import commitSobMissing from './commit/sob-missing.js';

export const ALL_RULES: readonly Rule[] = [commitSobMissing];
