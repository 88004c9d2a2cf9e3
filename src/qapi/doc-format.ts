// When a doc-comment check of scripts/qapi/parser.py started to fail the
// build. A patch for an older release gets a warning: the check was a review
// convention then (or the parser of its time measured it differently).
import { compareReleases, type Release } from '../engine/release.js';
import type { Severity } from '../engine/types.js';

// _validate_doc_line_format (the 70-column and two-space checks) came with
// QEMU 10.2 (Vladimir Sementsov-Ogievskiy, Message-ID
// <20251031183129.246814-1-vsementsov@yandex-team.ru>, merged by Markus
// Armbruster).
export const DOC_FORMAT_ENFORCED_SINCE = '10.2';

// "qapi: Rewrite doc comment parser" (Markus Armbruster, Message-ID
// <20240216145841.2099240-15-armbru@redhat.com>, QEMU 9.0): get_doc_indented
// takes the required indentation from a description's first continuation
// line. The parser of QEMU 5.2 to 8.2 also rejected a de-indent, but measured
// from the text after `@name:`, so it accepted what the rewrite rejects.
export const DOC_INDENT_ENFORCED_SINCE = '9.0';

/** 'error' for a patch aimed at `since` or later (or at an unknown release), else 'warning'. */
export function enforcedSeverity(release: Release, since: string): Severity {
  return release.expected !== undefined && compareReleases(release.expected, since) < 0 ? 'warning' : 'error';
}

export function docFormatSeverity(release: Release): Severity {
  return enforcedSeverity(release, DOC_FORMAT_ENFORCED_SINCE);
}
