// qapi/migration.json across a series: the migration definitions after each
// patch when the tree knows the file, and what each patch adds to and
// removes from them. Shared by the migration rules through ctx.memo.
import type { RuleContext } from '../engine/types.js';
import type { FileDiff } from '../patch/model.js';
import { MIGRATION_JSON } from './c-files.js';
import { type MigrationDefinition, type MigrationSchema, type SchemaEntry, migrationSchemaOf } from './schema.js';

export type DefinitionKey = 'capabilities' | 'parameterEnum' | 'parameters' | 'setParameters';
export const DEFINITION_KEYS: readonly DefinitionKey[] = ['capabilities', 'parameterEnum', 'parameters', 'setParameters'];

export interface SchemaChange {
  patch: number;
  step: number;
  /** 'tree': both sides read whole from the tree; 'diff': from the patch's hunks only. */
  basis: 'tree' | 'diff';
  added: Record<DefinitionKey, SchemaEntry[]>;
  removed: Record<DefinitionKey, SchemaEntry[]>;
  /** The definitions after the patch, as far as known (whole with a tree). */
  after?: MigrationSchema;
}

export class SeriesSchema {
  private readonly states = new Map<number, Promise<MigrationSchema | undefined>>();
  private changeList?: Promise<SchemaChange[]>;

  constructor(private readonly ctx: Pick<RuleContext, 'series' | 'treeAt' | 'mode'>) {}

  /** The whole file's definitions after the first `step` patches, when the tree has the file. */
  at(step: number): Promise<MigrationSchema | undefined> {
    if (this.ctx.mode === 'diff') return Promise.resolve(undefined);
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
    for (const [i, patch] of this.ctx.series.patches.entries()) {
      const file = patch.files.find((f) => f.path === MIGRATION_JSON);
      if (!file) continue;
      const step = i + 1;
      const before = await this.at(step - 1);
      const after = await this.at(step);
      if (before && after) out.push({ patch: patch.index, step, basis: 'tree', ...wholeChange(before, after, file), after });
    }
    return out;
  }
}

function emptyRecord(): Record<DefinitionKey, SchemaEntry[]> {
  return { capabilities: [], parameterEnum: [], parameters: [], setParameters: [] };
}

/** Set differences of two whole states; added entries get the diff's own line. */
function wholeChange(before: MigrationSchema, after: MigrationSchema, file: FileDiff): Pick<SchemaChange, 'added' | 'removed'> {
  const added = emptyRecord();
  const removed = emptyRecord();
  for (const key of DEFINITION_KEYS) {
    const a = before[key]?.entries ?? new Map<string, SchemaEntry>();
    const b = after[key]?.entries ?? new Map<string, SchemaEntry>();
    for (const [name, entry] of b) {
      if (a.has(name)) continue;
      const doc = entry.doc && { ...entry.doc, line: diffLineOf(file, docPattern(name), entry.doc.line) };
      added[key].push({ ...entry, line: diffLineOf(file, valuePattern(name), entry.line), ...(doc ? { doc } : {}) });
    }
    for (const [name, entry] of a) if (!b.has(name)) removed[key].push(entry);
  }
  return { added, removed };
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
  return ctx.memo('migration/series-schema', () => new SeriesSchema(ctx));
}

export type { MigrationDefinition };
