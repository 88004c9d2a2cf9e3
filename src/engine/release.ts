// Which QEMU release a new feature targets (RULES.md §1). Read from VERSION,
// never hard-coded: X.Y.50 develops next(X.Y); X.Y.9x are release
// candidates of next(X.Y), during which new features wait for the release after.

export interface Release {
  /** `X.Y` a new `Since:` / `(since)` should name; undefined when unknown. */
  expected?: string;
  /** Where `expected` came from; `date` means inferred from the mail's Date. */
  source: 'VERSION' | 'option' | 'config' | 'date' | 'unknown';
  /** VERSION is a release candidate (X.Y.9x): the tree is frozen for next(X.Y). */
  freeze: boolean;
  /** During a freeze, the release being stabilised (next(X.Y)); features aimed at it are late. */
  frozen?: string;
  /** The VERSION text, when read from a tree. */
  version?: string;
}

export const UNKNOWN_RELEASE: Release = { source: 'unknown', freeze: false };

/** `X.Y` or `X.Y.Z` as numbers; undefined when it is not a version. */
export function parseVersion(text: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

// Before 4.0 (2019) the minor number ran on until a major bump.
const LAST_BEFORE_MAJOR: Record<string, string> = { '0.15': '1.0', '1.7': '2.0', '2.12': '3.0', '3.1': '4.0' };

/** next(X.Y): since 4.0 three releases a year, X.2 followed by (X+1).0. */
export function nextRelease(release: string): string {
  const v = parseVersion(release);
  if (!v) throw new Error(`not a release: ${release}`);
  const [major, minor] = v;
  const key = `${major}.${minor}`;
  if (LAST_BEFORE_MAJOR[key]) return LAST_BEFORE_MAJOR[key];
  if (major < 4) return `${major}.${minor + 1}`;
  return minor >= 2 ? `${major + 1}.0` : `${major}.${minor + 1}`;
}

export function compareReleases(a: string, b: string): number {
  const x = parseVersion(a) ?? [0, 0, 0];
  const y = parseVersion(b) ?? [0, 0, 0];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** Release info from a VERSION file's text, or undefined when it is not `X.Y.Z`. */
export function releaseFromVersion(version: string): Release | undefined {
  const v = parseVersion(version);
  if (!v || version.trim().split('.').length !== 3) return undefined;
  const [major, minor, micro] = v;
  const current = `${major}.${minor}`;
  if (micro >= 90) {
    const frozen = nextRelease(current);
    return { expected: nextRelease(frozen), source: 'VERSION', freeze: true, frozen, version: version.trim() };
  }
  // .0 (just tagged) counts as .50; 1-49 are stable branches, where new features get no Since.
  return { expected: nextRelease(current), source: 'VERSION', freeze: false, version: version.trim() };
}

/** `--qemu-version` / config: either the release itself (`10.2`) or a VERSION string (`10.1.50`). */
export function releaseFromSetting(value: string, source: 'option' | 'config'): Release | undefined {
  const v = parseVersion(value);
  if (!v) return undefined;
  if (value.trim().split('.').length === 3) {
    const fromVersion = releaseFromVersion(value);
    return fromVersion && { ...fromVersion, source };
  }
  return { expected: `${v[0]}.${v[1]}`, source, freeze: false };
}
