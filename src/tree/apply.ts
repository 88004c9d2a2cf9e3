// Applies one file's hunks to its text in memory, as `git apply` does without
// fuzz: context and removed lines must match exactly, at the stated position
// or shifted by an offset.
import type { FileDiff } from '../patch/model.js';

export class ApplyError extends Error {}

interface Block {
  oldStart: number;
  before: string[];
  after: string[];
}

function blocksOf(file: FileDiff): Block[] {
  return file.chunks.map((chunk) => {
    const before: string[] = [];
    const after: string[] = [];
    for (const change of chunk.changes) {
      const text = change.content.slice(1).replace(/\r$/, '');
      if (change.type !== 'add') before.push(text);
      if (change.type !== 'del') after.push(text);
    }
    return { oldStart: chunk.oldStart, before, after };
  });
}

function matchesAt(lines: string[], block: string[], at: number): boolean {
  if (at < 0 || at + block.length > lines.length) return false;
  for (let i = 0; i < block.length; i++) if (lines[at + i]!.replace(/\r$/, '') !== block[i]) return false;
  return true;
}

/** Finds the block nearest to `expected`, searching outwards. */
function locate(lines: string[], block: string[], expected: number, from: number): number {
  for (let d = 0; d <= lines.length; d++) {
    if (expected - d >= from && matchesAt(lines, block, expected - d)) return expected - d;
    if (matchesAt(lines, block, expected + d)) return expected + d;
    if (expected - d < from && expected + d > lines.length) break;
  }
  return -1;
}

/**
 * Returns the post-patch text. `text` is undefined for a file that does not
 * exist before the patch (only valid when the diff creates it).
 */
export function applyFileDiff(text: string | undefined, file: FileDiff): string {
  if (file.binary) throw new ApplyError(`${file.path}: binary patch`);
  if (file.status === 'added') {
    if (text !== undefined && text !== '') throw new ApplyError(`${file.path}: already exists`);
    const lines = blocksOf(file).flatMap((b) => b.after);
    return lines.length ? lines.join('\n') + '\n' : '';
  }
  if (text === undefined) throw new ApplyError(`${file.oldPath}: not in the tree`);

  const endsWithNewline = text.endsWith('\n');
  const lines = text.split('\n');
  if (endsWithNewline) lines.pop();
  let offset = 0;
  let searchFrom = 0;
  for (const block of blocksOf(file)) {
    // A pure addition at the top has oldStart 0.
    const expected = Math.max(0, block.oldStart - 1 + offset - (block.before.length === 0 ? -1 : 0));
    const at = block.before.length === 0 ? Math.min(expected, lines.length) : locate(lines, block.before, expected, searchFrom);
    if (at < 0) throw new ApplyError(`${file.path}: hunk at line ${block.oldStart} does not apply`);
    lines.splice(at, block.before.length, ...block.after);
    offset += block.after.length - block.before.length;
    searchFrom = at + block.after.length;
  }
  if (file.status === 'deleted') return '';
  // Every line removed leaves an empty file, not a lone newline (found by test/robust/properties.test.ts).
  return lines.length ? lines.join('\n') + '\n' : '';
}
