// The release a patch targets, inferred from its mail's date when nothing
// better says (no VERSION, --qemu-version or config). QEMU releases three
// times a year (X.0 about April, X.1 about August, X.2 about December); the
// tree opens for next(X.Y) the day X.Y is released (VERSION X.Y.50) and
// freezes at rc0 (VERSION next(X.Y).90), after which new features wait for
// the release after (RULES.md §0, §1).
//
// The dates are the "Update version for vX.Y.0-rc0 release" and "Open X.Y
// development tree" / "Update version for vX.Y.0 release" commits, as cited
// by pull requests on qemu-devel; the 6.2.0 and 7.2.0 release days are from
// the release announcements. Past the end of the table nothing is inferred.
import type { Series } from '../patch/model.js';
import { type Release, compareReleases, nextRelease } from './release.js';

interface Cycle {
  release: string;
  /** VERSION became X.Y.90: the freeze. Unknown for 10.2. */
  rc0?: string;
  /** X.Y.0 tagged; the next cycle opened. */
  released: string;
}

const CALENDAR: readonly Cycle[] = [
  { release: '4.1', released: '2019-08-15' },
  { release: '4.2', rc0: '2019-11-07', released: '2019-12-12' },
  { release: '5.0', rc0: '2020-03-24', released: '2020-04-28' },
  { release: '5.1', rc0: '2020-07-15', released: '2020-08-11' },
  { release: '5.2', rc0: '2020-11-03', released: '2020-12-08' },
  { release: '6.0', rc0: '2021-03-24', released: '2021-04-29' },
  { release: '6.1', rc0: '2021-07-21', released: '2021-08-24' },
  { release: '6.2', rc0: '2021-11-09', released: '2021-12-14' },
  { release: '7.0', rc0: '2022-03-15', released: '2022-04-19' },
  { release: '7.1', rc0: '2022-07-26', released: '2022-08-30' },
  { release: '7.2', rc0: '2022-11-08', released: '2022-12-14' },
  { release: '8.0', rc0: '2023-03-14', released: '2023-04-19' },
  { release: '8.1', rc0: '2023-07-19', released: '2023-08-22' },
  { release: '8.2', rc0: '2023-11-14', released: '2023-12-19' },
  { release: '9.0', rc0: '2024-03-19', released: '2024-04-23' },
  { release: '9.1', rc0: '2024-07-31', released: '2024-09-03' },
  { release: '9.2', rc0: '2024-11-13', released: '2024-12-10' },
  { release: '10.0', rc0: '2025-03-18', released: '2025-04-22' },
  { release: '10.1', rc0: '2025-07-22', released: '2025-08-26' },
  { release: '10.2', released: '2025-12-23' },
];

// No cycle above froze sooner than 70 days after the previous release; when
// a cycle's rc0 is not in the table, the first 8 weeks are surely before it.
const SURELY_OPEN_DAYS = 56;
const DAY = 24 * 60 * 60 * 1000;

/** Midnight UTC of a table date; the table's days are compared whole. Parsed once: this runs per series. */
const days = new Map<string, number>();
const dayOf = (date: string) => {
  let day = days.get(date);
  if (day === undefined) days.set(date, (day = Date.parse(`${date}T00:00:00Z`)));
  return day;
};

/** What a mail dated `date` (ISO 8601) targets, or undefined when the table cannot tell. */
export function releaseOnDate(date: string): Release | undefined {
  const when = Date.parse(date);
  if (Number.isNaN(when)) return undefined;
  let previous: Cycle | undefined;
  let index = -1;
  CALENDAR.forEach((cycle, i) => {
    if (dayOf(cycle.released) <= when) {
      previous = cycle;
      index = i;
    }
  });
  const developing = CALENDAR[index + 1];
  if (!previous || !developing) return undefined;
  if (developing.rc0 === undefined) {
    if (when - dayOf(previous.released) >= SURELY_OPEN_DAYS * DAY) return undefined;
    return { expected: developing.release, source: 'date', freeze: false };
  }
  if (when >= dayOf(developing.rc0)) {
    return { expected: nextRelease(developing.release), source: 'date', freeze: true, frozen: developing.release };
  }
  return { expected: developing.release, source: 'date', freeze: false };
}

/** The release a series targets, from the date of its first mail. */
export function inferReleaseFromSeries(series: Series): Release | undefined {
  const dates = [series.cover, ...series.patches].flatMap((p) => (p?.date ? [p.date] : [])).sort();
  return dates[0] === undefined ? undefined : releaseOnDate(dates[0]);
}

/**
 * The release to judge a series' since tags by. A tree's VERSION says what
 * its master develops; when the series does not apply to that tree (an
 * archived mail read against today's tree), the mail was written for an
 * older one, and its own date says more.
 */
export function releaseForSeries(release: Release, series: Series, appliesToTree: boolean): Release {
  if (appliesToTree || release.source !== 'VERSION' || release.expected === undefined) return release;
  const dated = inferReleaseFromSeries(series);
  if (dated?.expected === undefined || compareReleases(dated.expected, release.expected) >= 0) return release;
  return dated;
}
