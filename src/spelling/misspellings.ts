// Common English misspellings (@cspell/dict-en-common-misspellings: about
// 89,000 pairs from Wikipedia's lists, as codespell has them), loaded once, on
// first use: a patch with no text to check never pays for the 2.6 MB list.
// Only the general list is read: its en-GB and en-US companions call the other
// spelling of colour/color a misspelling, and QEMU takes both.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let table: Map<string, string> | undefined;

/**
 * QEMU's own names that the list takes for misspellings: `passt` (the
 * user-mode network back end, docs/system/devices/net.rst, `-netdev
 * passt`), which a 2025 merged patch names on every line it adds.
 */
const QEMU_NAMES = new Set(['passt']);

/**
 * `"wrod->word, sword"` pairs, read straight from the JSON text: a scan for
 * the arrows costs a fraction of JSON.parse and of splitting every pair, and
 * the corrections of a word are split only when it is found.
 */
function load(): Map<string, string> {
  const require = createRequire(import.meta.url);
  // The package exports only its cspell-ext.json; the lists sit beside it.
  const dir = dirname(require.resolve('@cspell/dict-en-common-misspellings/cspell-ext.json'));
  const text = readFileSync(join(dir, 'dict/dict-en.json'), 'utf8');
  const map = new Map<string, string>();
  for (let arrow = text.indexOf('->'); arrow >= 0; arrow = text.indexOf('->', arrow + 2)) {
    const start = text.lastIndexOf('"', arrow) + 1;
    const end = text.indexOf('"', arrow);
    map.set(text.slice(start, arrow), text.slice(arrow + 2, end));
  }
  return map;
}

/** The corrections of a misspelt word (as written, else in lower case), or undefined when it is not a known misspelling. */
export function correctionsOf(word: string): string[] | undefined {
  if (QEMU_NAMES.has(word.toLowerCase())) return undefined;
  table ??= load();
  const found = table.get(word) ?? table.get(word.toLowerCase());
  return found === undefined ? undefined : found.split(',').map((s) => s.trim()).filter(Boolean);
}

/** The list was loaded (the laziness test asks). */
export function misspellingsLoaded(): boolean {
  return table !== undefined;
}
