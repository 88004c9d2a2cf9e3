// Every migration/ finding on the real corpus (../shared/corpus), each read
// and judged a real problem a maintainer would agree with. Keys are
// corpusFindings() keys; the same list holds with and without
// ../shared/qemu-tree (the tree only adds where an accessor belongs to the
// order messages). Nothing here is at error level.
export interface Reviewed {
  key: string;
  why: string;
}

const SEED_ORDER_C = 'migrate_local_tap() is defined after migrate_mapped_ram() and before migrate_ignore_shared() in options.c, out of the alphabetical order of the capability accessors (RULES.md §9 item 7)';
const SEED_ORDER_H = 'the prototype of migrate_local_tap() sits between migrate_mapped_ram() and migrate_ignore_shared() under /* capabilities */ in options.h, out of alphabetical order (RULES.md §9 item 7)';
const SEED_CAPS_CHECK = 'the @local-tap doc says "Only may be used when migration channel is unix socket", yet nothing checks MIGRATION_CAPABILITY_LOCAL_TAP in migrate_caps_check() or elsewhere (RULES.md §9 item 9)';
const SEED_PROPERTY = 'local-tap gets no DEFINE_PROP_MIG_CAP entry, so -global migration.local-tap=on cannot set it; a nudge, four capabilities have none (RULES.md §9 item 10)';

export const MIGRATION_REVIEWED: Reviewed[] = [
  { key: 'seed-page migration/cap-accessor-order info migration/options.c:265', why: SEED_ORDER_C },
  { key: 'seed-page migration/cap-accessor-order info migration/options.h:33', why: SEED_ORDER_H },
  { key: 'seed-page migration/cap-caps-check info qapi/migration.json:520', why: SEED_CAPS_CHECK },
  { key: 'seed-page migration/cap-property info qapi/migration.json:546', why: SEED_PROPERTY },
  // v2 of the same patch: the same C and the same doc.
  { key: '011-local-tap-v2-4of8-qapi.eml migration/cap-accessor-order info migration/options.c:265', why: SEED_ORDER_C },
  { key: '011-local-tap-v2-4of8-qapi.eml migration/cap-accessor-order info migration/options.h:33', why: SEED_ORDER_H },
  { key: '011-local-tap-v2-4of8-qapi.eml migration/cap-caps-check info qapi/migration.json:520', why: SEED_CAPS_CHECK },
  { key: '011-local-tap-v2-4of8-qapi.eml migration/cap-property info qapi/migration.json:546', why: SEED_PROPERTY },
  {
    key: '034-migration-dirty-limit-capability-srht-qp.eml migration/cap-accessor-order info migration/options.h:27',
    why: 'bool migrate_dirty_limit(void); is added between migrate_auto_converge() and migrate_background_snapshot(): dirty_limit sorts after background_snapshot (upstream later moved it, sorted, to include/migration/client-options.h)',
  },
  {
    key: '034-migration-dirty-limit-capability-srht-qp.eml migration/param-accessor info softmmu/dirtylimit.c:88',
    why: 'softmmu/dirtylimit.c reads s->parameters.x_vcpu_dirty_limit_period directly; upstream later replaced exactly this line with migrate_vcpu_dirty_limit_period(), declared in client-options.h',
  },
];
