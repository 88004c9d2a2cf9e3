// The misspelling lookup: the hash filter and sorted pairs answer exactly as
// the package's list does, and the files the build writes are those pairs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctionsOf, misspellingFiles, readPackageList, wordHash } from '../../src/spelling/misspellings.js';

const list = JSON.parse(readPackageList()) as { dictionaryDefinitions: Array<{ flagWords: string[]; suggestWords: string[] }> };
const entries = list.dictionaryDefinitions.flatMap((d) => [...d.flagWords, ...d.suggestWords]);
const pairs = entries.map((entry) => [entry.slice(0, entry.indexOf('->')), entry.slice(entry.indexOf('->') + 2)] as const);

describe('misspellings', () => {
  it('finds every pair of the list, non-ASCII and capitalised words included', () => {
    // `passt` is a QEMU network back end, deliberately never a misspelling.
    const wrong = pairs.filter(([word]) => word !== 'passt').filter(([word, corrections]) => correctionsOf(word)?.join(', ') !== corrections.split(',').map((s) => s.trim()).filter(Boolean).join(', '));
    expect(wrong).toEqual([]);
    expect(pairs.some(([word]) => /[^\x00-\x7f]/.test(word))).toBe(true);
  });

  it('answers undefined for correct words and looks capitalised ones up in lower case', () => {
    expect(correctionsOf('passt')).toBeUndefined();
    for (const word of ['seconds', 'default', 'migration', 'capability', 'the', 'zzzzqqq']) expect(correctionsOf(word)).toBeUndefined();
    expect(correctionsOf('Secods')).toEqual(correctionsOf('secods'));
    expect(correctionsOf('secods')).toContain('seconds');
  });

  it('hashes the same way every time, and spreads the words', () => {
    expect(wordHash('secods')).toBe(wordHash('secods'));
    const hashes = new Set(pairs.map(([word]) => wordHash(word)));
    expect(hashes.size).toBeGreaterThan(pairs.length * 0.999);
  });

  it('the build wrote exactly the files made from the package', () => {
    const made = misspellingFiles(readPackageList());
    const dist = resolve(import.meta.dirname, '../../dist');
    expect(readFileSync(resolve(dist, 'misspellings.hash')).equals(made.hash)).toBe(true);
    expect(readFileSync(resolve(dist, 'misspellings.tsv')).equals(made.tsv)).toBe(true);
  });
});
