// Which files scripts/checkpatch.pl applies which checks to.

/** Imported from Linux and refreshed by script: checkpatch skips them. */
export function isImported(path: string): boolean {
  return /^(?:linux-headers|include\/standard-headers)\//.test(path);
}

/** `$SrcFile`: the files that get the line-length and tab checks. */
export function isSourceFile(path: string): boolean {
  return /\.(?:(?:h|c)(?:\.inc)?|cpp|s|S|pl|py|sh)$/.test(path);
}

/** The files that get the C checks (comments, error messages). */
export function isCFile(path: string): boolean {
  return /\.(?:(?:h|c)(?:\.inc)?|cpp)$/.test(path);
}

/** Assembly, and scripts imported from other projects, may indent with tabs. */
export function tabsAllowed(path: string): boolean {
  return /\.(?:s|S)$/.test(path) || /(?:checkpatch|get_maintainer|texi2pod)\.pl$/.test(path);
}

/** docs/*.txt and *.md code blocks have their own whitespace rule, not the trailing-whitespace one. */
export function isDocsText(path: string): boolean {
  return /^docs\/.+\.(?:txt|md)/.test(path);
}
