// qapi/migration.json across a series: the migration definitions after each
// patch when the tree knows the file, and what each patch adds to and
// removes from them. Shared by the migration rules through ctx.memo.
import type { RuleContext } from '../engine/types.js';
import type { DefinitionMeta } from '../qapi/index.js';
import type { FileDiff } from '../patch/model.js';
import { HMP_CMDS_C, MIGRATION_JSON, OPTIONS_C, type SeriesCFiles, seriesCFiles } from './c-files.js';
import { type MigrationSchema, type SchemaEntry, type DocText, migrationSchemaOf } from './schema.js';
import { type Slot, emptySlots, fragmentChange } from './schema-fragments.js';

export type DefinitionKey = 'capabilities' | 'parameterEnum' | 'parameters' | 'setParameters';
export const DEFINITION_KEYS: readonly DefinitionKey[] = ['capabilities', 'parameterEnum', 'parameters', 'setParameters'];
export type { Slot };

export interface SchemaChange {
  patch: number;
  step: number;
  /** 'tree': both sides read whole from the tree; 'diff': from the patch's hunks only. */
  basis: 'tree' | 'diff';
  added: Record<Slot, SchemaEntry[]>;
  removed: Record<Slot, SchemaEntry[]>;
  /** Descriptions the patch adds for new names, with the definition they are in when known. */
  descriptions: Array<{ name: string; doc: DocText; owner?: Slot }>;
  /** Kinds of the definitions the patch shows (or all of them, with a tree). */
  kinds: Map<string, DefinitionMeta>;
  /** The definitions after the patch, when the tree has the whole file. */
  after?: MigrationSchema;
}

export class SeriesSchema {
  private readonly states = new Map<number, Promise<MigrationSchema | undefined>>();
  private changeList?: Promise<SchemaChange[]>;

  constructor(
    private readonly ctx: RuleContext,
    private readonly files: SeriesCFiles,
  ) {}

  /** The whole file's definitions after the first `step` patches, when the tree has the file. */
  at(step: number): Promise<MigrationSchema | undefined> {
    if (this.ctx.plan.kind === 'none') return Promise.resolve(undefined);
    let pending = this.states.get(step);
    if (!pending) {
      pending = this.ctx
        .treeAt(step)
        .read(MIGRATION_JSON)
        .then((text) => (text === undefined ? undefined : migrationSchemaOf(text)));
      this.states.set(step, pending);
    }
    return pending;
  }

  final(): Promise<MigrationSchema | undefined> {
    return this.at(this.ctx.series.patches.length);
  }

  /** What each patch that touches qapi/migration.json changes in the migration definitions. */
  changes(): Promise<SchemaChange[]> {
    this.changeList ??= this.computeChanges();
    return this.changeList;
  }

  private async computeChanges(): Promise<SchemaChange[]> {
    const out: SchemaChange[] = [];
    let constants: Set<string> | undefined;
    for (const [i, patch] of this.ctx.series.patches.entries()) {
      const file = patch.files.find((f) => f.path === MIGRATION_JSON);
      if (!file) continue;
      const step = i + 1;
      const before = await this.at(step - 1);
      const after = await this.at(step);
      if (before && after) {
        out.push({ patch: patch.index, step, basis: 'tree', ...wholeChange(before, after, file), kinds: after.kinds, after });
        continue;
      }
      constants ??= await this.cIdentifiers();
      const change = await fragmentChange(this.ctx, patch, step, constants);
      if (change) out.push({ patch: patch.index, step, basis: 'diff', ...change });
    }
    return out;
  }

  /** Identifiers of the C the series and the tree show: evidence for definitions a hunk does not name. */
  private async cIdentifiers(): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const path of this.files.touchedCFiles()) {
      for (const h of this.files.hunks(path)) for (const scan of [...h.post, ...h.pre]) for (const t of scan.tokens) if (t.kind === 'ident') ids.add(t.text);
    }
    for (const path of [OPTIONS_C, HMP_CMDS_C]) {
      const scan = await this.files.final(path);
      for (const t of scan?.tokens ?? []) if (t.kind === 'ident') ids.add(t.text);
    }
    return ids;
  }
}

/** Set differences of two whole states; added entries get the diff's own line. */
function wholeChange(before: MigrationSchema, after: MigrationSchema, file: FileDiff): Pick<SchemaChange, 'added' | 'removed' | 'descriptions'> {
  const added = emptySlots();
  const removed = emptySlots();
  const descriptions: SchemaChange['descriptions'] = [];
  for (const key of DEFINITION_KEYS) {
    const a = before[key]?.entries ?? new Map<string, SchemaEntry>();
    const b = after[key]?.entries ?? new Map<string, SchemaEntry>();
    for (const [name, entry] of b) {
      if (a.has(name)) continue;
      const doc = entry.doc && { ...entry.doc, line: diffLineOf(file, docPattern(name), entry.doc.line) };
      added[key].push({ ...entry, line: diffLineOf(file, valuePattern(name), entry.line), ...(doc ? { doc } : {}) });
      if (doc) descriptions.push({ name, doc, owner: key });
    }
    for (const [name, entry] of a) if (!b.has(name)) removed[key].push(entry);
  }
  return { added, removed, descriptions };
}

const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `'name'` or `'*name'`: an enum value or a struct member. */
const valuePattern = (name: string) => new RegExp(`'\\*?${escape(name)}'`);
/** `# @name:`: its description. */
const docPattern = (name: string) => new RegExp(`^#\\s*@${escape(name)}:`);

/**
 * The post-patch line of the diff's added line matching `pattern`, nearest
 * to where the tree has it: hunks may apply to the tree with an offset, and
 * findings use the diff's lines.
 */
function diffLineOf(file: FileDiff, pattern: RegExp, treeLine: number): number {
  const candidates = file.added.filter((l) => pattern.test(l.text));
  if (!candidates.length) return treeLine;
  return candidates.reduce((best, l) => (Math.abs(l.line - treeLine) < Math.abs(best.line - treeLine) ? l : best)).line;
}

export function seriesSchema(ctx: RuleContext): SeriesSchema {
  return ctx.memo('migration/series-schema', () => new SeriesSchema(ctx, seriesCFiles(ctx)));
}

