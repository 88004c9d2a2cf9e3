// Writes the `diff --git` text of a change, as git would (3 lines of
// context, the hunk header's function context from the last preceding line
// that starts like a definition), so tests can state a change as
// before/after text and still get a patch that applies to a tree.
export function unifiedDiff(path: string, before: string | undefined, after: string, context = 3): string {
  const a = splitLines(before ?? '');
  const b = splitLines(after);
  const ops = diffOps(a, b);
  const hunks: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === 'same') {
      i++;
      continue;
    }
    // Grow the hunk while changes are less than 2*context apart.
    let start = i;
    let end = i;
    for (let j = i; j < ops.length; j++) {
      if (ops[j]!.kind !== 'same') end = j;
      else if (j - end > 2 * context) break;
    }
    start = Math.max(0, start - context);
    const stop = Math.min(ops.length, end + context + 1);
    const slice = ops.slice(start, stop);
    const oldStart = slice.find((o) => o.kind !== 'add')?.a ?? ops.slice(0, start).filter((o) => o.kind !== 'add').length;
    const newStart = slice.find((o) => o.kind !== 'del')?.b ?? ops.slice(0, start).filter((o) => o.kind !== 'del').length;
    const oldCount = slice.filter((o) => o.kind !== 'add').length;
    const newCount = slice.filter((o) => o.kind !== 'del').length;
    const firstOld = slice.find((o) => o.kind !== 'add')?.a ?? oldStart;
    const funcname = [...a.slice(0, Math.max(0, firstOld - 1))].reverse().find((l) => /^[A-Za-z_$]/.test(l));
    const header = `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@${funcname ? ` ${funcname.trimEnd()}` : ''}`;
    const body = slice.map((o) => (o.kind === 'same' ? ' ' : o.kind === 'add' ? '+' : '-') + o.text);
    hunks.push([header, ...body].join('\n'));
    i = stop;
  }
  const head =
    before === undefined
      ? `diff --git a/${path} b/${path}\nnew file mode 100644\nindex 0000000000..2222222222\n--- /dev/null\n+++ b/${path}\n`
      : `diff --git a/${path} b/${path}\nindex 1111111111..2222222222 100644\n--- a/${path}\n+++ b/${path}\n`;
  return `${head}${hunks.join('\n')}\n`;
}

interface Op {
  kind: 'same' | 'add' | 'del';
  text: string;
  /** 1-based line in `before` (same, del). */
  a?: number;
  /** 1-based line in `after` (same, add). */
  b?: number;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Longest-common-subsequence edit script. */
function diffOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: 'same', text: a[i]!, a: ++i, b: ++j });
    // Removals before additions, as git prints them.
    else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: 'del', text: a[i]!, a: ++i });
    else ops.push({ kind: 'add', text: b[j]!, b: ++j });
  }
  return ops;
}
