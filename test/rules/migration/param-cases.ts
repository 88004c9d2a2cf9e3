// Shared by the param-* rule tests: a new `direct-io` parameter in either
// synthetic tree, whole or with one part left out.
import { type ParameterParts, layoutTree, parameterEdits, seriesMbox } from '../../helpers/migration.js';

export const DOC = '# @direct-io: Open migration files with O_DIRECT when possible.\n#     Defaults to true.  (since 10.2)';
export const trees = { 'layout-a': layoutTree('layout-a'), 'layout-b': layoutTree('layout-b') };

export function directIo(layout: 'layout-a' | 'layout-b', parts: ParameterParts = {}, doc = DOC): string {
  return seriesMbox(trees[layout], [{ subject: 'migration: add direct-io parameter', body: 'Tell the migration code to open the migration file with O_DIRECT.', edits: parameterEdits(layout, 'direct-io', doc, parts) }]);
}
