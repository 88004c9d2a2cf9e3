// parser.py's _validate_doc_line_format (the 70-column and two-space checks)
// came with QEMU 10.2 (Vladimir Sementsov-Ogievskiy, Message-ID
// <20251031183129.246814-1-vsementsov@yandex-team.ru>, merged by Markus
// Armbruster): from then on a slip fails the build. Before, both were review
// conventions, so a patch for an older release gets a warning, not an error.
import { compareReleases, type Release } from '../engine/release.js';
import type { Severity } from '../engine/types.js';

export const DOC_FORMAT_ENFORCED_SINCE = '10.2';

export function docFormatSeverity(release: Release): Severity {
  return release.expected !== undefined && compareReleases(release.expected, DOC_FORMAT_ENFORCED_SINCE) < 0 ? 'warning' : 'error';
}
