import { describe, expect, it } from 'vitest';
import { compareReleases, nextRelease, releaseFromSetting, releaseFromVersion } from '../../src/engine/release.js';

describe('nextRelease', () => {
  it.each([
    ['10.1', '10.2'],
    ['10.2', '11.0'],
    ['9.0', '9.1'],
    ['2.7', '2.8'],
    ['2.12', '3.0'],
    ['3.1', '4.0'],
  ])('next(%s) = %s', (release, next) => expect(nextRelease(release)).toBe(next));
});

describe('releaseFromVersion', () => {
  it('develops next(X.Y) on X.Y.50', () => {
    expect(releaseFromVersion('10.1.50\n')).toEqual({ expected: '10.2', source: 'VERSION', freeze: false, version: '10.1.50' });
    expect(releaseFromVersion('10.2.50')?.expected).toBe('11.0');
  });
  it('treats a just-tagged X.Y.0 like X.Y.50', () => {
    expect(releaseFromVersion('10.2.0')?.expected).toBe('11.0');
  });
  it('during the freeze (X.Y.9x) aims new features at the release after next', () => {
    expect(releaseFromVersion('10.1.91')).toEqual({ expected: '11.0', source: 'VERSION', freeze: true, frozen: '10.2', version: '10.1.91' });
    expect(releaseFromVersion('2.7.91')).toMatchObject({ expected: '2.9', frozen: '2.8' });
  });
  it('rejects what is not X.Y.Z', () => {
    expect(releaseFromVersion('10.2')).toBeUndefined();
    expect(releaseFromVersion('garbage')).toBeUndefined();
  });
});

describe('releaseFromSetting', () => {
  it('takes a release as is, or a VERSION string', () => {
    expect(releaseFromSetting('11.0', 'option')).toEqual({ expected: '11.0', source: 'option', freeze: false });
    expect(releaseFromSetting('10.1.50', 'config')).toMatchObject({ expected: '10.2', source: 'config' });
  });
});

it('compares releases numerically', () => {
  expect(compareReleases('10.2', '9.2')).toBeGreaterThan(0);
  expect(compareReleases('2.10', '2.9')).toBeGreaterThan(0);
  expect(compareReleases('11.0', '11.0')).toBe(0);
});
