import type { Rule } from '../../src/engine/types.js';

// docs/devel/submitting-a-patch.rst: the first line is "subsystem: single
// line summary of change" (see `git shortlog`). The subsystem is a path-ish
// word, several joined by commas or "&": "qapi", "hw/net/virtio-net",
// "qapi, target/i386/sev", "qapi & doc".
const AREA = /^[\w.+/*{}@-]+(?:\s*[,&]\s*[\w.+/*{}@-]+)*$/;
// git's own subjects for reverts quote the reverted one.
const GIT_GENERATED = /^(?:Revert|Reapply) "/;
// Prefixes that name no place in the tree by design.
const GENERIC = new Set(['treewide', 'tree-wide', 'all', 'misc', 'trivial', 'build', 'cleanup', 'style', 'coverity']);
// Common names of areas whose paths spell them differently.
const ALIASES: Record<string, string[]> = {
  x86: ['i386'],
  qmp: ['qapi', 'monitor'],
  hmp: ['monitor'],
  pseries: ['spapr'],
  aarch64: ['arm'],
  exec: ['physmem', 'cpu'],
};

/** The subsystem prefixes of a summary ("tests: acpi: add ..." has two), empty when there is none. */
function subjectAreas(summary: string): string[] {
  const areas: string[] = [];
  let rest = summary;
  for (let m = /^([^:]{1,60}):\s+(?=\S)/.exec(rest); m && AREA.test(m[1]!.trim()); m = /^([^:]{1,60}):\s+(?=\S)/.exec(rest)) {
    areas.push(m[1]!.trim());
    rest = rest.slice(m[0].length);
  }
  return areas;
}

function namesATouchedPath(area: string, paths: string[]): boolean {
  const words = area.toLowerCase().split(/[\s,&/]+/).filter((w) => w.length >= 2);
  // Too short to compare ("a:", "x:"): say nothing rather than guess.
  if (!words.length || words.some((w) => GENERIC.has(w))) return true;
  return words.some((w) => [w, ...(ALIASES[w] ?? [])].some((token) => paths.some((p) => p.includes(token))));
}

const rule: Rule = {
  meta: {
    id: 'commit/subject-prefix',
    authorHabit: true,
    severity: 'warning',
    scope: 'patch',
    needs: 'diff',
    description: 'The subject reads "subsystem: summary", the subsystem naming part of what the patch touches.',
  },
  check(ctx) {
    const patch = ctx.patch!;
    const summary = patch.subject.trim();
    if (!summary || GIT_GENERATED.test(summary)) return;
    const areas = subjectAreas(summary);
    if (!areas.length) {
      ctx.report({ message: 'subject has no "subsystem: " prefix: QEMU subjects read "subsystem: single line summary of change" (see git shortlog)', line: 1 });
      return;
    }
    const paths = [...new Set(patch.files.flatMap((f) => [f.path, f.oldPath]))].map((p) => p.toLowerCase());
    if (!paths.length || areas.some((area) => namesATouchedPath(area, paths))) return;
    const shown = paths.slice(0, 3).join(', ') + (paths.length > 3 ? ', ...' : '');
    const prefix = areas.map((a) => `${a}: `).join('').trim();
    ctx.report({ message: `subject prefix "${prefix}" names none of the touched paths (${shown})`, line: 1, severity: 'info' });
  },
};

export default rule;
