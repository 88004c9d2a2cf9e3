import rule from '../../../rules/migration/param-has-fields.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { directIo, trees } from './param-cases.js';

const MESSAGE = 'migrate_mark_all_params_present() does not list &p->has_direct_io in has_fields[]: its assert(len + n_str_args == MIGRATION_PARAMETER__MAX) aborts QEMU at startup';

ruleTester(rule, {
  valid: [
    { name: 'layout B (QEMU 11.0): listed in has_fields[]', tree: trees['layout-b'], patch: directIo('layout-b') },
    { name: 'layout A has no has_fields[]: nothing to list', tree: trees['layout-a'], patch: directIo('layout-a') },
    { name: 'without a tree nothing shows the function: silent', patch: directIo('layout-b', { hasFields: false }) },
  ],
  invalid: [
    { name: 'layout B: a bool parameter missing from has_fields[]', tree: trees['layout-b'], patch: directIo('layout-b', { hasFields: false }), errors: [{ file: 'qapi/migration.json', line: 126, severity: 'error', message: MESSAGE }] },
  ],
});
