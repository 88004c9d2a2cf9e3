// Where a new capability shows up in migration/options.c besides its
// accessor: its migration_properties[] entry and its checks.
import type { CScan } from '../c/scan.js';
import { capabilityProperties, identifiers } from './c-facts.js';
import { OPTIONS_C, type SeriesCFiles } from './c-files.js';

/** DEFINE_PROP_MIG_CAP entries for `constant`: the series' own and the tree's. */
export async function capabilityPropertyExists(files: SeriesCFiles, constant: string): Promise<boolean> {
  const final = await files.final(OPTIONS_C);
  if (final && capabilityProperties(final).some((p) => p.constant === constant)) return true;
  return files.hunks(OPTIONS_C).some((h) => h.post.some((scan) => capabilityProperties(scan).some((p) => p.changed && p.constant === constant)));
}

/**
 * Uses of `constant` other than in `accessor` and in the properties: checks
 * in migrate_caps_check(), check_caps_background_snapshot, or at migrate
 * time elsewhere. In the tree's options.c, or on lines the series adds to any file.
 */
export async function capabilityChecked(files: SeriesCFiles, constant: string, accessor: string): Promise<boolean> {
  const pattern = new RegExp(`^${constant}$`);
  const otherUses = (scan: CScan, onlyChanged: boolean) => {
    const propertyLines = new Set(capabilityProperties(scan).map((p) => p.line));
    return identifiers(scan, pattern).some((t) => (!onlyChanged || t.changed) && t.fn !== accessor && !propertyLines.has(t.line));
  };
  const final = await files.final(OPTIONS_C);
  if (final && otherUses(final, false)) return true;
  return files.touchedCFilesAdding(constant).some((path) => files.hunks(path).some((h) => h.post.some((scan) => otherUses(scan, true))));
}
