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
  /** Extra mail headers (fixtures: X-Patchlint-Expect). */
  headers?: string[];
  /** Path -> edit of the current text ('' for a new file). */
  edits: Record<string, Edit>;
}

/** The patches of a series, each diffed against the tree left by the ones before. */
export interface SeriesOptions {
  version?: number;
  date?: string;
  from?: string;
  /** Message-IDs are `<prefix.i@example.org>`. */
  idPrefix?: string;
  /** A cover letter ([PATCH 0/n]) that the patches reply to. */
  cover?: { subject: string; body: string };
}

export function seriesOf(base: Record<string, string>, patches: PatchSpec[], options: SeriesOptions = {}): string[] {
  const files = { ...base };
  const total = patches.length;
  const v = options.version && options.version > 1 ? ` v${options.version}` : '';
  const id = (i: number) => (options.idPrefix ? `<${options.idPrefix}.${i}@example.org>` : `<20250901100000.${i}-${total}-${patches[0]!.subject.length}@example.org>`);
  const cover = options.cover && {
    subject: `[PATCH${v} 0/${total}] ${options.cover.subject}`,
    body: `${options.cover.body}\n\n${options.from?.replace(/ <.*/, '') ?? 'Jane Doe'} (${total}):\n${patches.map((p) => `  ${p.subject}`).join('\n')}\n`,
  };
  const coverMail = cover && mail({ subject: cover.subject, body: cover.body, signOff: false, diff: '', messageId: id(0), date: options.date ?? 'Mon, 1 Sep 2025 09:59:00 +0200', ...(options.from ? { from: options.from } : {}) });
  const thread = cover ? id(0) : id(1);
  const mails = patches.map((spec, i) => {
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
      ...(cover || i > 0 ? { inReplyTo: thread } : {}),
      date: options.date ?? `Mon, 1 Sep 2025 10:0${i}:00 +0200`,
      ...(options.from ? { from: options.from } : {}),
      ...(spec.headers ? { extraHeaders: spec.headers } : {}),
    });
  });
  return coverMail ? [coverMail, ...mails] : mails;
}

/** A whole series as one mbox. */
export function seriesMbox(base: Record<string, string>, patches: PatchSpec[], options: SeriesOptions = {}): string {
  return mbox(...seriesOf(base, patches, options));
}

/** Edits of the synthetic trees, phrased as what a migration patch does. */
export const migrationEdits = {
  /** Documents and appends a value to MigrationCapability in qapi/migration.json. */
  capability(value: string, doc: string, options: { unstable?: boolean } = {}): Edit {
    const entry = options.unstable ? `{ 'name': '${value}', 'features': [ 'unstable' ] }` : `'${value}'`;
    return chain(
      insertBefore('#\n# Features:\n#\n# @unstable: Member @x-colo is experimental.', `${doc.replace(/\n*$/, '\n')}#\n`),
      replace("'return-path', 'background-snapshot', 'mapped-ram'] }", `'return-path', 'background-snapshot', 'mapped-ram',\n           ${entry}] }`),
    );
  },
  /** Removes the deprecated zero-blocks value, its description and its deprecation note. */
  removeZeroBlocks(): Edit {
    return chain(
      replace('# @zero-blocks: During storage migration encode blocks of zeroes\n#     efficiently.  (since 1.6)\n#\n', ''),
      replace('#\n# @deprecated: Member @zero-blocks is deprecated as being part of\n#     block migration which was already removed.\n', ''),
      replace("           { 'name': 'zero-blocks', 'features': [ 'deprecated' ] },\n", ''),
    );
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

export const replaceAll =
  (old: string, now: string): Edit =>
  (text) => {
    must(text, old);
    return text.split(old).join(now);
  };

/** What a new boolean-like parameter touches; leave a part out to test its rule. */
export interface ParameterParts {
  /** Which QAPI copies to add (default: all the layout has). */
  schema?: Array<'enum' | 'set' | 'params'>;
  /** Per-copy descriptions (default: the same `doc` everywhere). */
  docs?: Partial<Record<'enum' | 'set' | 'params', string>>;
  property?: boolean;
  accessor?: boolean;
  prototype?: boolean;
  query?: boolean;
  init?: boolean;
  testApply?: boolean;
  apply?: boolean;
  check?: boolean;
  hasFields?: boolean;
  hmpSet?: boolean;
  hmpInfo?: boolean;
}

/**
 * The edits a new `bool` parameter `name` makes in the synthetic tree of
 * `layout`, everything included unless `parts` leaves it out.
 */
export function parameterEdits(layout: 'layout-a' | 'layout-b', name: string, doc: string, parts: ParameterParts = {}): Record<string, Edit> {
  const f = name.replace(/-/g, '_');
  const upper = f.toUpperCase();
  const on = (k: keyof ParameterParts) => parts[k] !== false;
  const copies = parts.schema ?? (layout === 'layout-a' ? ['enum', 'set', 'params'] : ['enum', 'params']);
  const docOf = (copy: 'enum' | 'set' | 'params') => `\n#\n${(parts.docs?.[copy] ?? doc).replace(/\n*$/, '')}`;
  const features = '\n#\n# Features:\n#\n# @unstable: Member @x-checkpoint-delay is experimental.';
  const json: Edit[] = [];
  // The documented definitions, in file order, each ending with the same Features section.
  const owners = layout === 'layout-a' ? (['enum', 'set', 'params'] as const) : (['params'] as const);
  json.push((text) =>
    text
      .split(features)
      .map((piece, i) => {
        const owner = owners[i];
        return owner && copies.includes(owner) ? piece + docOf(owner) : piece;
      })
      .join(features),
  );
  if (copies.includes('enum')) json.push(replace("           'mode'] }", `           'mode',\n           '${name}'] }`));
  const structs = copies.filter((c) => c !== 'enum').length;
  if (structs === 2) json.push(replaceAll("            '*mode': 'MigMode'} }", `            '*mode': 'MigMode',\n            '*${name}': 'bool'} }`));
  else if (structs === 1) {
    // Only one struct: MigrateSetParameters comes first in the file.
    const nth = copies.includes('set') ? 0 : layout === 'layout-a' ? 1 : 0;
    json.push((text) => {
      const anchor = "            '*mode': 'MigMode'} }";
      let at = -1;
      for (let i = 0; i <= nth; i++) at = text.indexOf(anchor, at + 1);
      return text.slice(0, at) + `            '*mode': 'MigMode',\n            '*${name}': 'bool'} }` + text.slice(at + anchor.length);
    });
  }

  const c: Edit[] = [];
  if (on('property')) c.push(insertAfter('                      MIG_MODE_NORMAL),\n', `    DEFINE_PROP_BOOL("${name}", MigrationState,\n                     parameters.${f}, true),\n`));
  if (on('accessor')) c.push(insertBefore('/* parameters helpers */', `bool migrate_${f}(void)\n{\n    MigrationState *s = migrate_get_current();\n\n    return s->parameters.${f};\n}\n\n`));
  if (layout === 'layout-a' && on('query')) c.push(insertAfter('    params->mode = s->parameters.mode;\n', `    params->has_${f} = true;\n    params->${f} = s->parameters.${f};\n`));
  if (layout === 'layout-a' && on('init')) c.push(replace('    params->has_mode = true;\n}\n', `    params->has_mode = true;\n    params->has_${f} = true;\n}\n`));
  if (layout === 'layout-b' && on('hasFields')) c.push(replace('&p->has_multifd_channels, &p->has_mode,', `&p->has_multifd_channels, &p->has_mode,\n        &p->has_${f},`));
  if (on('testApply')) c.push(insertAfter('    if (params->has_mode) {\n        dest->mode = params->mode;\n    }\n', `\n    if (params->has_${f}) {\n        dest->${f} = params->${f};\n    }\n`));
  if (on('apply')) c.push(insertAfter('    if (params->has_mode) {\n        s->parameters.mode = params->mode;\n    }\n', `\n    if (params->has_${f}) {\n        s->parameters.${f} = params->${f};\n    }\n`));
  if (parts.check) c.push(insertBefore('    return true;\n}\n\nstatic void migrate_params_test_apply', `    if (params->has_${f} && params->${f} && !migrate_mapped_ram()) {\n        error_setg(errp, "${name} requires mapped-ram");\n        return false;\n    }\n\n`));

  const hmp: Edit[] = [];
  if (on('hmpInfo')) hmp.push(insertAfter('            qapi_enum_lookup(&MigMode_lookup, params->mode));\n', `        monitor_printf(mon, "%s: %s\\n",\n            MigrationParameter_str(MIGRATION_PARAMETER_${upper}),\n            params->${f} ? "on" : "off");\n`));
  if (on('hmpSet')) hmp.push(insertBefore('    default:\n        g_assert_not_reached();', `    case MIGRATION_PARAMETER_${upper}:\n        p->has_${f} = true;\n        visit_type_bool(v, param, &p->${f}, &err);\n        break;\n`));

  const edits: Record<string, Edit> = { 'qapi/migration.json': chain(...json) };
  if (c.length) edits['migration/options.c'] = chain(...c);
  if (on('accessor') && on('prototype')) edits['migration/options.h'] = insertBefore('const char *migrate_tls_creds(void);', `bool migrate_${f}(void);\n`);
  if (hmp.length) edits['migration/migration-hmp-cmds.c'] = chain(...hmp);
  return edits;
}
