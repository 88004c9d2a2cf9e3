// Every real mail of ../shared/corpus parses: subject, author and touched
// paths as index.json records them.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Patch } from '../../src/patch/model.js';
import { readInputs } from '../../src/sources/inputs.js';
import { CORPUS, corpusIndex, describeShared, SEED_PAGE } from '../helpers/corpus.js';

async function readOne(path: string): Promise<Patch[]> {
  const patches: Patch[] = [];
  for await (const event of readInputs([path])) {
    if (event.kind === 'error') throw new Error(`${event.input}:${event.line}: ${event.message}`);
    patches.push(event.patch);
  }
  return patches;
}

describeShared('the real corpus', () => {
  for (const entry of corpusIndex()) {
    it(entry.file, async () => {
      const [patch, ...rest] = await readOne(join(CORPUS, entry.file));
      expect(rest).toEqual([]);
      expect(patch!.rawSubject).toBe(entry.subject);
      expect(patch!.messageId).toBe(entry.messageId);
      const from = entry.from.replace(/^"(.*)"/, '$1');
      expect(from).toContain(patch!.sender.email);
      if (patch!.sender.name) expect(from).toContain(patch!.sender.name);
      if (entry.touchesFrom === 'diff') {
        // A rename touches both paths; the model keeps the old one as oldPath.
        const paths = patch!.files.flatMap((f) => (f.oldPath !== f.path ? [f.oldPath, f.path] : [f.path]));
        expect(paths.sort()).toEqual([...entry.touches].sort());
      } else {
        expect(patch!.index).toBe(0);
        expect(patch!.files).toEqual([]);
        // A cover letter's diffstat is part of its text.
        const text = `${patch!.message}\n${patch!.notes}`;
        for (const touch of entry.touches) expect(text).toContain(touch.replace(/^\.\.\.\//, ''));
      }
    });
  }

  it('decodes the quoted-printable, base64 and ISO-8859-15 mails', async () => {
    const [qp] = await readOne(join(CORPUS, '015-qapi-nvme-device-doc-qp-utf8.eml'));
    expect(qp!.author.name).toBe('Daniel P. Berrangé');
    expect(qp!.files[0]!.added.map((l) => l.text)).toContain('# @device:    PCI controller address of the NVMe device in');
    const [b64] = await readOne(join(CORPUS, '056-meson-libvhost-user-base64-body.eml'));
    expect(b64!.files.map((f) => f.path)).toEqual(['meson.build']);
    expect(b64!.trailers.map((t) => t.key)).toContain('Signed-off-by');
    const [latin] = await readOne(join(CORPUS, '060-qapi-crypto-rename-c-only-no-diffstat-alpine.eml'));
    expect(latin!.recipients.cc.map((p) => p.name)).toContain('Daniel P. Berrangé');
  });

  it('reads the binary patch and the pure renames', async () => {
    const [binary] = await readOne(join(CORPUS, '058-tests-acpi-iort-git-binary-patch.eml'));
    expect(binary!.files.map((f) => [f.path, f.binary])).toEqual([
      ['tests/qtest/bios-tables-test-allowed-diff.h', false],
      ['tests/data/acpi/virt/IORT.iort', true],
    ]);
    const [renames] = await readOne(join(CORPUS, '057-docs-rename-rst-inc-pure-renames.eml'));
    const renamed = renames!.files.filter((f) => f.status === 'renamed');
    expect(renamed.map((f) => [f.oldPath, f.path, f.similarity, f.chunks.length])).toEqual([
      ['docs/devel/ci-definitions.rst', 'docs/devel/ci-definitions.rst.inc', 100, 0],
      ['docs/devel/ci-jobs.rst', 'docs/devel/ci-jobs.rst.inc', 100, 0],
      ['docs/devel/ci-runners.rst', 'docs/devel/ci-runners.rst.inc', 100, 0],
    ]);
  });

  it('parses the seed page into patch 4/9 with its author, message and two file diffs', async () => {
    const [seed, ...rest] = await readOne(SEED_PAGE);
    expect(rest).toEqual([]);
    expect(seed).toMatchObject({ index: 4, total: 9, subject: 'qapi: add interface for local TAP migration', author: { name: 'Vladimir Sementsov-Ogievskiy', email: 'vsementsov@yandex-team.ru' } });
    expect(seed!.tags.version).toBe(3);
    expect(seed!.message.split('\n')[0]).toBe('To migrate TAP device (including open fds) locally, user should:');
    expect(seed!.trailers).toEqual([{ key: 'Signed-off-by', value: 'Vladimir Sementsov-Ogievskiy <vsementsov@yandex-team.ru>', line: 12 }]);
    expect(seed!.files.map((f) => f.path)).toEqual(['migration/options.c', 'migration/options.h', 'qapi/migration.json', 'qapi/net.json']);
    const migration = seed!.files.find((f) => f.path === 'qapi/migration.json')!;
    expect(migration.lines.get(520)).toMatchObject({ added: true, text: '# @local-tap: Migrate TAPs locally, keeping backend alive. Open file' });
    expect(migration.lines.get(546)?.text).toBe("           { 'name': 'local-tap', 'features': [ 'unstable' ] } ] }");
    const net = seed!.files.find((f) => f.path === 'qapi/net.json')!;
    expect(net.lines.get(363)?.text).toBe('# @unstable: Member @local-incoming is experimental');
  });
});
