// Acceptance: the JSON contract on the real v3 local-TAP mbox.
import { expect, it } from 'vitest';
import { patchlint } from '../helpers/cli.js';
import { describeShared, LOCAL_TAP_MBOX } from '../helpers/corpus.js';

describeShared('patchlint check local-tap-v3.mbox --format json', () => {
  const r = patchlint([LOCAL_TAP_MBOX, '--format', 'json']);
  const json = JSON.parse(r.stdout);

  it('prints the contract: tool, version, formatVersion, series, findings, errors, summary', () => {
    expect(Object.keys(json)).toEqual(['tool', 'version', 'formatVersion', 'series', 'findings', 'errors', 'summary']);
    expect(json).toMatchObject({ tool: 'qemu-patchlint', formatVersion: 1, errors: [] });
    expect(json.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('finds one series, v3 of 9, with 4, 6, 7 and 9 missing', () => {
    expect(json.series).toHaveLength(1);
    expect(json.series[0]).toMatchObject({ subject: 'virtio-net: live-TAP local migration', version: 3, total: 9, missing: [4, 6, 7, 9] });
  });

  it('lists the patches present, cover included, with index, subject, Message-ID and author', () => {
    expect(json.series[0].patches.map((p: { index: number; subject: string }) => [p.index, p.subject])).toEqual([
      [0, 'virtio-net: live-TAP local migration'],
      [1, 'net/tap: add some trace points'],
      [2, 'net/tap: keep exit notifier only when downscript set'],
      [3, 'net/tap: refactor net_tap_setup_vhost()'],
      [5, 'net/tap: implement interfaces for local migration'],
      [8, 'tests/functional: add skipUnlessPasswordlessSudo() decorator'],
    ]);
    expect(json.series[0].patches[1]).toEqual({
      index: 1,
      subject: 'net/tap: add some trace points',
      messageId: '<20250905135039.2202924-2-vsementsov@yandex-team.ru>',
      author: 'Vladimir Sementsov-Ogievskiy <vsementsov@yandex-team.ru>',
    });
    expect(json.summary).toMatchObject({ series: 1, patches: 5 });
  });

});
