import { describe, expect, it } from 'vitest';
import { parseSubject } from '../../src/patch/subject.js';

describe('parseSubject', () => {
  it.each([
    ['[PATCH v3 4/9] qapi: add interface for local TAP migration', { isPatch: true, version: 3, index: 4, total: 9 }, 'qapi: add interface for local TAP migration'],
    ['[RFC PATCH] qapi: net: fix -set parameter with modern style', { isPatch: true, isRfc: true }, 'qapi: net: fix -set parameter with modern style'],
    ['[PULL 09/18] migration: Create migrate_tls_authz() function', { isPull: true, index: 9, total: 18, counter: '09/18' }, 'migration: Create migrate_tls_authz() function'],
    ['[PATCH QEMU v7 4/9] migration: Introduce dirty-limit capability', { isPatch: true, version: 7, index: 4, other: ['QEMU'] }, 'migration: Introduce dirty-limit capability'],
    ['[PATCH V2 1/6] migration: mode parameter', { version: 2, index: 1, total: 6 }, 'migration: mode parameter'],
    ['[PATCH for-10.2 v2 3/4] hw/net: fix', { version: 2, other: ['for-10.2'] }, 'hw/net: fix'],
    ['[PATCH-for-9.1] target/arm: fix', { isPatch: true, other: ['for-9.1'] }, 'target/arm: fix'],
    ['[RFC][PATCH 1/2] block: try', { isRfc: true, isPatch: true, index: 1, total: 2 }, 'block: try'],
    ['[Qemu-devel] [PATCH v2] qapi: x', { isPatch: true, version: 2 }, 'qapi: x'],
    ['[PATCH v2 007/281] Open 10.2 development tree', { index: 7, total: 281, counter: '007/281' }, 'Open 10.2 development tree'],
  ])('%s', (raw, tags, summary) => {
    const parsed = parseSubject(raw);
    expect(parsed.tags).toMatchObject(tags);
    expect(parsed.summary).toBe(summary);
    expect(parsed.reply).toBe(false);
  });

  it.each(['Re: [PATCH v3 4/9] qapi: x', 'RE: [PATCH] x', 'Fwd: [PULL 0/5] x', '[Qemu-devel] Re: [PATCH] x', 'Aw: Re: [PATCH] x'])('%s is a reply', (raw) => {
    expect(parseSubject(raw).reply).toBe(true);
  });

  it('leaves the version undefined when absent (the series model says 1)', () => {
    expect(parseSubject('[PATCH 2/3] x').tags.version).toBeUndefined();
  });
});
