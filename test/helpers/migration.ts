// Builds migration patches and series against the synthetic QEMU trees in
// fixtures/rules/migration/*.tree: each patch is stated as edits of the
// files, and its diff is computed, so it applies to the tree in --tree mode.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { mail, mbox } from './mail.js';
import { unifiedDiff } from './unified-diff.js';

export const MIGRATION_FIXTURES = resolve(import.meta.dirname, '../../fixtures/rules/migration');

/** The files of fixtures/rules/migration/<name>.tree, by path. */
export function layoutTree(name: 'layout-a' | 'layout-b'): Record<string, string> {
  const root = join(MIGRATION_FIXTURES, `${name}.tree`);
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}

export type Edit = (text: string) => string;

function must(text: string, anchor: string): number {
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error(`anchor not found: ${JSON.stringify(anchor)}`);
  return at;
}

export const insertAfter =
  (anchor: string, added: string): Edit =>
  (text) => {
    const at = must(text, anchor) + anchor.length;
    return text.slice(0, at) + added + text.slice(at);
  };

export const insertBefore =
  (anchor: string, added: string): Edit =>
  (text) => {
    const at = must(text, anchor);
    return text.slice(0, at) + added + text.slice(at);
  };

export const replace =
  (old: string, now: string): Edit =>
  (text) => {
    const at = must(text, old);
    return text.slice(0, at) + now + text.slice(at + old.length);
  };

export const chain =
  (...edits: Edit[]): Edit =>
  (text) =>
    edits.reduce((t, e) => e(t), text);

export interface PatchSpec {
  subject: string;
  body?: string;
  /** Path -> edit of the current text ('' for a new file). */
  edits: Record<string, Edit>;
}

/** The patches of a series, each diffed against the tree left by the ones before. */
export function seriesOf(base: Record<string, string>, patches: PatchSpec[], options: { version?: number; date?: string } = {}): string[] {
  const files = { ...base };
  const total = patches.length;
  const v = options.version && options.version > 1 ? ` v${options.version}` : '';
  const id = (i: number) => `<20250901100000.${i}-${total}-${patches[0]!.subject.length}@example.org>`;
  return patches.map((spec, i) => {
    const diff = Object.entries(spec.edits)
      .map(([path, edit]) => {
        const before = Object.hasOwn(files, path) ? files[path] : undefined;
        const after = edit(before ?? '');
        files[path] = after;
        return unifiedDiff(path, before, after);
      })
      .join('');
    return mail({
      subject: total > 1 ? `[PATCH${v} ${i + 1}/${total}] ${spec.subject}` : `[PATCH${v}] ${spec.subject}`,
      body: spec.body ?? 'Plumb it through migration/options.c as the other ones are.',
      diff,
      messageId: id(i + 1),
      ...(i > 0 ? { inReplyTo: id(1) } : {}),
      date: options.date ?? `Mon, 1 Sep 2025 10:0${i}:00 +0200`,
    });
  });
}

/** A whole series as one mbox. */
export function seriesMbox(base: Record<string, string>, patches: PatchSpec[], options: { version?: number; date?: string } = {}): string {
  return mbox(...seriesOf(base, patches, options));
}

/** Edits of the synthetic trees, phrased as what a migration patch does. */
export const migrationEdits = {
  /** Documents and appends a value to MigrationCapability in qapi/migration.json. */
  capability(value: string, doc: string, options: { unstable?: boolean } = {}): Edit {
    const entry = options.unstable ? `{ 'name': '${value}', 'features': [ 'unstable' ] }` : `'${value}'`;
    return chain(
      insertBefore('#\n# Features:\n#\n# @unstable: Member @x-colo is experimental.', `${doc.replace(/\n*$/, '\n')}#\n`),
      replace("'return-path', 'switchover-ack', 'mapped-ram'] }", `'return-path', 'switchover-ack', 'mapped-ram',\n           ${entry}] }`),
    );
  },
  /** Removes a value (and its doc) from MigrationCapability. */
  removeCapability(value: string, docLines: string): Edit {
    return chain(replace(docLines, ''), replace(` '${value}',`, ''));
  },
  /** A capability accessor in options.c, placed before the definition of `before`. */
  accessor(name: string, constant: string, before: string): Edit {
    return insertBefore(`bool ${before}(void)\n{`, `bool ${name}(void)\n{\n    MigrationState *s = migrate_get_current();\n\n    return s->capabilities[${constant}];\n}\n\n`);
  },
  /** A prototype placed before the one of `before` (in options.h or client-options.h). */
  prototype(name: string, before: string): Edit {
    return insertBefore(`bool ${before}(void);`, `bool ${name}(void);\n`);
  },
  /** DEFINE_PROP_MIG_CAP at the end of the capability properties. */
  property(property: string, constant: string): Edit {
    return insertAfter('    DEFINE_PROP_MIG_CAP("mapped-ram", MIGRATION_CAPABILITY_MAPPED_RAM),\n', `    DEFINE_PROP_MIG_CAP("${property}", ${constant}),\n`);
  },
};
