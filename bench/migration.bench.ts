// `npm run bench`: the migration family. The C scanner on QEMU's
// migration/options.c, and the migration rules on the seed patch, on every
// mail of ../shared/corpus, and on a long synthetic series against a
// synthetic tree (series-level rules read every patch and the tree after
// each). Prints medians of several runs after a warm-up.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { ALL_RULES } from '../rules/index.js';
import { scanCText } from '../src/c/scan.js';
import { lintInputs } from '../src/cli/check.js';
import { DirectoryTree, MemoryTree } from '../src/tree/tree.js';
import { layoutTree, migrationEdits as e, seriesMbox } from '../test/helpers/migration.js';
import { median } from './timing.js';

const SHARED = resolve(import.meta.dirname, '../../shared');
const TREE = join(SHARED, 'qemu-tree');
const CORPUS = join(SHARED, 'corpus');
const SEED = join(CORPUS, 'seed/local-tap-v3-4of9.patchew-page.txt');
const RULES = ALL_RULES.filter((r) => r.meta.id.startsWith('migration/'));

console.log(`${RULES.length} migration rules`);

if (!existsSync(TREE)) {
  console.log(`skipped the real files: ${TREE} is absent`);
} else {
  const options = readFileSync(join(TREE, 'migration/options.c'), 'utf8');
  const lines = options.split('\n').length;
  const scan = await median(21, () => scanCText(options));
  console.log(`scan options.c:       ${scan.toFixed(2)} ms  (${lines} lines, ${(lines / scan).toFixed(0)} lines/ms, ${scanCText(options).functions.length} functions)`);

  const seed = await median(9, () => lintInputs([SEED], { rules: RULES }));
  const seedTree = await median(9, () => lintInputs([SEED], { rules: RULES, tree: new DirectoryTree(TREE) }));
  console.log(`seed patch:           ${seed.toFixed(1)} ms diff only, ${seedTree.toFixed(1)} ms with ../shared/qemu-tree`);

  const mails = [...readdirSync(CORPUS).filter((f) => f.endsWith('.eml')).map((f) => join(CORPUS, f)), join(CORPUS, 'series/local-tap-v3.mbox'), SEED];
  const corpus = await median(5, () => lintInputs(mails, { rules: RULES }));
  const corpusTree = await median(5, () => lintInputs(mails, { rules: RULES, tree: new DirectoryTree(TREE) }));
  console.log(`whole corpus:         ${corpus.toFixed(1)} ms diff only, ${corpusTree.toFixed(1)} ms with the tree  (${mails.length} inputs)`);
}

// A series of 40 patches, each adding a capability with its accessor, prototype and property.
const base = layoutTree('layout-a');
const names = Array.from({ length: 40 }, (_, i) => `cap-${String.fromCharCode(97 + (i % 26))}${i}`);
const text = seriesMbox(
  base,
  names.map((name) => {
    const c = name.replace(/-/g, '_');
    return {
      subject: `migration: add ${name} capability`,
      edits: {
        'qapi/migration.json': (t: string) =>
          t
            .replace('#\n# Features:\n#\n# @unstable: Member @x-colo', `# @${name}: A synthetic capability.  (since 10.2)\n#\n# Features:\n#\n# @unstable: Member @x-colo`)
            .replace("'mapped-ram'", `'mapped-ram', '${name}'`),
        'migration/options.c': (t: string) => e.property(name, `MIGRATION_CAPABILITY_${c.toUpperCase()}`)(e.accessor(`migrate_${c}`, `MIGRATION_CAPABILITY_${c.toUpperCase()}`, 'migrate_mapped_ram')(t)),
        'migration/options.h': e.prototype(`migrate_${c}`, 'migrate_mapped_ram'),
      },
    };
  }),
);
const lint = (withTree: boolean) => lintInputs(['-'], { rules: RULES, tree: withTree ? new MemoryTree(base) : undefined, stdin: Readable.from([Buffer.from(text)]) });
const big = await median(5, () => lint(false));
const bigTree = await median(5, () => lint(true));
console.log(`40-patch series:      ${big.toFixed(1)} ms diff only, ${bigTree.toFixed(1)} ms with a tree  (${(bigTree / 40).toFixed(1)} ms per patch)`);
