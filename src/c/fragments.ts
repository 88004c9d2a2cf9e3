// A diff hunk as C: the lines it shows of the file after the patch (context
// and added lines) or before it (context and removed lines), scanned with
// the function git names in the hunk header as the enclosing one.
import type { FileDiff } from '../patch/model.js';
import { type CScan, type SourceLine, scanC } from './scan.js';

export type DiffSide = 'post' | 'pre';

/** One scan per hunk; line numbers are post-patch (or pre-patch) lines. */
export function scanHunks(file: FileDiff, side: DiffSide): CScan[] {
  return file.chunks.map((chunk) => {
    const lines: SourceLine[] = [];
    for (const change of chunk.changes) {
      const text = change.content.slice(1).replace(/\r$/, '');
      if (change.type === 'normal') lines.push({ line: side === 'post' ? change.ln2 : change.ln1, text });
      else if (change.type === 'add' && side === 'post') lines.push({ line: change.ln, text, changed: true });
      else if (change.type === 'del' && side === 'pre') lines.push({ line: change.ln, text, changed: true });
    }
    return scanC(lines, { fragment: { context: hunkContext(chunk.content) } });
  });
}

/** The text git prints after `@@ -a,b +c,d @@`. */
export function hunkContext(header: string): string | undefined {
  const m = /^@@ [^@]* @@ ?(.*)$/.exec(header);
  return m?.[1]?.trim() || undefined;
}
