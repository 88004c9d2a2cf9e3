// The release a mail targets, from its date, when nothing better says.
import { describe, expect, it } from 'vitest';
import { inferReleaseFromSeries, releaseForSeries, releaseOnDate } from '../../src/engine/calendar.js';
import type { Release } from '../../src/engine/release.js';
import type { Patch, Series } from '../../src/patch/model.js';

const series = (...dates: Array<string | undefined>): Series =>
  ({ origin: 'mail', version: 1, total: dates.length, patches: dates.map((date, i) => ({ index: i + 1, date }) as Patch), missing: [], subject: 's' }) as Series;

describe('release calendar', () => {
  it.each([
    // Open for next(X.Y) from X.Y's release day...
    ['2025-09-05T13:50:30Z', { expected: '10.2', freeze: false }],
    ['2024-08-15T00:00:00Z', { expected: '9.2', freeze: true, frozen: '9.1' }],
    ['2024-11-06T11:18:37Z', { expected: '9.2', freeze: false }],
    // ...frozen from rc0 (9.2.0-rc0 on 2024-11-13): features wait for the release after.
    ['2024-11-14T09:00:00Z', { expected: '10.0', freeze: true, frozen: '9.2' }],
    ['2024-12-10T18:00:00Z', { expected: '10.0', freeze: false }],
    // X.2 is followed by (X+1).0.
    ['2023-02-28T08:12:34Z', { expected: '8.0', freeze: false }],
    ['2019-10-16T08:40:39Z', { expected: '4.2', freeze: false }],
  ])('%s targets %j', (date, release) => {
    expect(releaseOnDate(date)).toEqual({ source: 'date', ...release });
  });

  it.each([
    ['before the table starts', '2019-05-01T00:00:00Z'],
    // 10.2's rc0 is not in the table: only its first 8 weeks are surely open.
    ['late in a cycle whose freeze date is unknown', '2025-11-30T00:00:00Z'],
    ['past the end of the table', '2026-01-05T00:00:00Z'],
    ['an unreadable date', 'yesterday'],
  ])('says nothing %s', (_why, date) => {
    expect(releaseOnDate(date)).toBeUndefined();
  });

  it('dates a series by its first mail, and not at all without dates', () => {
    expect(inferReleaseFromSeries(series('2024-11-14T09:00:00Z', '2024-11-12T09:00:00Z'))?.expected).toBe('9.2');
    expect(inferReleaseFromSeries(series(undefined))).toBeUndefined();
  });

  it("judges an old mail that does not apply to a newer tree by its own date, not the tree's VERSION", () => {
    const fromTree: Release = { expected: '10.2', source: 'VERSION', freeze: false, version: '10.1.50' };
    expect(releaseForSeries(fromTree, series('2023-02-28T08:12:34Z'), false)).toMatchObject({ expected: '8.0', source: 'date' });
    // It applies: the tree is its base, however old its date (format-patch keeps the author date).
    expect(releaseForSeries(fromTree, series('2023-02-28T08:12:34Z'), true)).toBe(fromTree);
    expect(releaseForSeries(fromTree, series('2025-09-05T13:50:30Z'), false)).toBe(fromTree);
    const option: Release = { expected: '11.0', source: 'option', freeze: false };
    expect(releaseForSeries(option, series('2023-02-28T08:12:34Z'), false)).toBe(option);
  });
});
