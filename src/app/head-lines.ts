// Findings speak of lines after their own patch k; GitHub's annotations and
// review comments speak of the pull request's head. The later patches of the
// series say how each line moved (or that it went away).
import type { Finding } from '../engine/types.js';
import type { FileDiff, Series } from '../patch/model.js';

export interface HeadLocation {
  path: string;
  line: number;
  /** Set when the finding spans lines and all of them survive to the head, in one block. */
  endLine?: number;
}

/** Where a post-patch line of `file` is after `diff`; undefined when the diff removed it. */
export function lineAfter(diff: FileDiff, line: number): number | undefined {
  let shift = 0;
  for (const chunk of diff.chunks) {
    // A hunk that only inserts (`-5,0`) starts after old line 5.
    const firstOld = chunk.oldLines === 0 ? chunk.oldStart + 1 : chunk.oldStart;
    if (line < firstOld) break;
    if (line < firstOld + chunk.oldLines) {
      const kept = chunk.changes.find((c) => c.type === 'normal' && c.ln1 === line);
      return kept?.type === 'normal' ? kept.ln2 : undefined;
    }
    shift += chunk.newLines - chunk.oldLines;
  }
  return line + shift;
}

/** The finding's file location at the head of the series, or undefined when later patches removed it. */
export function locationAtHead(series: Series, finding: Finding): HeadLocation | undefined {
  if (finding.file === null || finding.line === null) return undefined;
  let path = finding.file;
  let line: number | undefined = finding.line;
  let endLine: number | undefined = finding.endLine;
  for (const patch of series.patches) {
    if (patch.index <= finding.patch) continue;
    // A copy leaves its source where it was: only edits, renames and deletions move a line.
    const diff = patch.files.find((f) => f.oldPath === path && f.status !== 'added' && f.status !== 'copied');
    if (!diff) continue;
    if (diff.status === 'deleted') return undefined;
    path = diff.path;
    const before: number = line;
    line = lineAfter(diff, before);
    if (line === undefined) return undefined;
    if (endLine !== undefined) {
      const movedEnd = lineAfter(diff, endLine);
      // A span that a later patch cut into or grew is no longer the same block.
      endLine = movedEnd !== undefined && movedEnd - line === endLine - before ? movedEnd : undefined;
    }
  }
  return { path, line, ...(endLine !== undefined && endLine !== line ? { endLine } : {}) };
}

/**
 * The right-side (post-image) lines a pull request file's `patch` shows:
 * GitHub accepts review comments on those lines only.
 */
export function rightSideLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (!patch) return lines;
  let next = 0;
  let left = 0;
  for (const text of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(text);
    if (hunk) {
      next = Number(hunk[1]);
      left = hunk[2] === undefined ? 1 : Number(hunk[2]);
    } else if (left > 0 && !text.startsWith('-') && !text.startsWith('\\')) {
      // Added or context; an empty line is context whose space got lost.
      lines.add(next++);
      left--;
    }
  }
  return lines;
}

/**
 * Findings with their head location, once per place: a rule that reports the
 * same line after patch 1 and after patch 2 names one problem at the head.
 */
export function findingsAtHead(series: Series, findings: readonly Finding[]): Array<{ finding: Finding; at: HeadLocation | undefined }> {
  const seen = new Set<string>();
  const out: Array<{ finding: Finding; at: HeadLocation | undefined }> = [];
  for (const finding of findings) {
    const at = locationAtHead(series, finding);
    if (at) {
      const key = [finding.rule, finding.message, at.path, at.line, at.endLine].join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push({ finding, at });
  }
  return out;
}
