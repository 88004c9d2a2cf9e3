// The get_maintainer.pl emulation against the real MAINTAINERS in
// ../shared/qemu-tree (about QEMU 9.2-dev). Every expected set below was
// worked out by hand from that file with the rules of RULES.md §7.2 (glob
// conversion, X: before F:, same slash count unless the pattern ends in /,
// directories from the tree, K: on the patch text), not by running this
// code. Roles: a person counts under the role of their first listing.
import { expect, it } from 'vitest';
import { type MaintainersResult, directoryTest, loadMaintainers, maintainersOfPatch, maintainersOfPaths } from '../../src/maintainers/lookup.js';
import { parseMail } from '../../src/mail/parse.js';
import { patchFromMail } from '../../src/patch/from-mail.js';
import { DirectoryTree, type Tree } from '../../src/tree/tree.js';
import { QEMU_TREE, describeShared } from '../helpers/corpus.js';
import { fileDiff, mail } from '../helpers/mail.js';

interface Expected {
  M?: string[];
  R?: string[];
  // qemu-devel@nongnu.org, of the catch-all "All patches CC here", is added to every case.
  L?: string[];
}

function roles(result: MaintainersResult) {
  const of = (kind: string) => result.recipients.filter((r) => r.kind === kind).map((r) => r.email.toLowerCase()).sort();
  return { M: of('maintainer'), R: of('reviewer'), L: of('list') };
}

function expected(e: Expected) {
  return { M: [...(e.M ?? [])].sort(), R: [...(e.R ?? [])].sort(), L: [...(e.L ?? []), 'qemu-devel@nongnu.org'].sort() };
}

const PX = 'peterx@redhat.com';
const FR = 'farosas@suse.de';
const ARMBRU = 'armbru@redhat.com';
const MROTH = 'michael.roth@amd.com';
const S390X = 'qemu-s390x@nongnu.org';

// get_maintainer.pl -f <path>
const PATHS: Array<[string, Expected, string]> = [
  ['migration/ram.c', { M: [PX, FR] }, 'Migration: F: migration/'],
  ['migration/rdma.c', { R: ['lizhijian@fujitsu.com', PX] }, 'X: migration/rdma* drops Migration; RDMA Migration has reviewers only'],
  ['migration', { M: [PX, FR] }, 'a directory argument gets a slash and matches F: migration/'],
  ['qapi/migration.json', { M: ['eblake@redhat.com', ARMBRU, PX, FR] }, 'QAPI excluded by X: qapi/*.json; QAPI Schema and Migration'],
  ['qapi/qapi-schema.json', { M: ['eblake@redhat.com', ARMBRU] }, 'QAPI Schema: F: qapi/*.json'],
  ['qapi/meson.build', { M: [ARMBRU, MROTH] }, 'QAPI: F: qapi/, the .json exclusion does not apply'],
  ['include/migration/colo.h', { M: [PX, FR, 'zhanghailiang@xfusion.com'] }, 'Migration (include/migration/) and COLO Framework'],
  ['hw/sensor/tmp105.c', {}, 'F: hw/sensor is no directory in this partial tree: same depth required, no match'],
  ['include/hw/sensor/tmp105.h', {}, 'likewise F: include/hw/sensor; include/hw/*/stm32*.h does not match'],
  ['hw/char/sclp-console.c', { M: ['thuth@redhat.com', 'pasic@linux.ibm.com', 'borntraeger@linux.ibm.com', 'marcandre.lureau@redhat.com'], R: ['pbonzini@redhat.com'], L: [S390X] }, 'glob hw/char/sclp*.[hc] in two S390 sections, and hw/char/'],
  ['qga/commands-win32.c', { M: [MROTH, 'kkostiuk@redhat.com'] }, 'W32 matches */*win32* but X: qga/*win32* drops it; both guest agent sections match'],
  ['qga/vss-win32/install.cpp', { M: [MROTH, 'kkostiuk@redhat.com'] }, '*/*win32* needs one slash; qga/ and qga/vss-win32/'],
  ['audio/alsaaudio.c', { M: ['kraxel@redhat.com'], R: ['qemu_oss@crudebyte.com'] }, 'Overall Audio excludes it (X:), ALSA section takes it'],
  ['hw/9pfs/xen-9p-backend.c', { M: ['sstabellini@kernel.org', 'anthony@xenproject.org', 'paul@xen.org', 'edgar.iglesias@gmail.com'], L: ['xen-devel@lists.xenproject.org'] }, 'virtio-9p excludes xen-9p*; X86 Xen CPUs lists it'],
  ['net/tap.c', { M: ['jasowang@redhat.com'] }, 'Network device backends: F: net/'],
  ['include/net/tap.h', { M: ['jasowang@redhat.com'] }, 'Network device backends: F: include/net/'],
  ['hw/net/virtio-net.c', { M: ['mst@redhat.com', 'jasowang@redhat.com'] }, 'virtio via glob hw/*/virtio*, and Network devices'],
  ['docs/about/deprecated.rst', { R: ['devel@lists.libvirt.org'] }, 'Incompatible changes: a nameless R:'],
  ['scripts/qapi/parser.py', { M: [ARMBRU, MROTH] }, 'QAPI: scripts/qapi/*; scripts/*.py needs one slash only'],
  ['scripts/checkpatch.pl', {}, 'Checkpatch has no M:, R: or L:'],
  ['VERSION', {}, 'a top-level file: only F: *'],
  ['Makefile', { M: ['pbonzini@redhat.com'], R: ['alex.bennee@linaro.org', 'thuth@redhat.com'] }, 'Top Level Makefile and configure'],
  ['meson.build', { M: ['pbonzini@redhat.com'], R: ['marcandre.lureau@redhat.com', 'berrange@redhat.com', 'philmd@linaro.org'] }, 'Meson'],
  ['target/s390x/kvm/kvm.c', { M: ['thuth@redhat.com', 'richard.henderson@linaro.org', 'david@redhat.com', 'pasic@linux.ibm.com', 'borntraeger@linux.ibm.com'], R: ['iii@linux.ibm.com'], L: [S390X] }, 'three S390 sections; */*/kvm* needs exactly two slashes'],
  ['hw/s390x/s390-pci-bus.c', { M: ['thuth@redhat.com', 'richard.henderson@linaro.org', 'david@redhat.com', 'pasic@linux.ibm.com', 'borntraeger@linux.ibm.com', 'farman@linux.ibm.com', 'mjrosato@linux.ibm.com'], R: ['iii@linux.ibm.com'], L: [S390X] }, 'hw/s390x/ in three sections and the S390 PCI glob'],
  ['include/qapi/qmp/dispatch.h', {}, 'QAPI excludes include/qapi/qmp/ before its F: for dispatch.h; QObject excludes dispatch.h'],
  ['include/qapi/qmp/qdict.h', { M: [ARMBRU] }, 'QObject only'],
  ['include/qapi/error.h', { M: [ARMBRU, MROTH] }, 'Error reporting and QAPI'],
  ['tests/qtest/migration-test.c', { M: [PX, FR] }, 'qtest excludes migration-*; Migration lists it'],
  ['tests/qtest/bios-tables-test.c', { M: ['mst@redhat.com', 'imammedo@redhat.com'], R: ['anisinha@redhat.com'] }, 'qtest excludes it; ACPI/SMBIOS'],
  ['hw/ssi/xilinx_spips.c', { M: ['alistair@alistair23.me'] }, 'Xilinx Zynq and SSI both exclude hw/ssi/xilinx_*; Xilinx SPI'],
  ['ui/cocoa.m', { M: ['marcandre.lureau@redhat.com', 'peter.maydell@linaro.org', 'philmd@linaro.org'], R: ['akihiko.odaki@daynix.com'] }, 'Graphics, Cocoa graphics, and Darwin via */*.m'],
  ['hw/arm/Kconfig', { M: ['peter.maydell@linaro.org', 'pbonzini@redhat.com'], L: ['qemu-arm@nongnu.org'] }, 'ARM TCG CPUs and Kconfig via hw/*/Kconfig*'],
  ['hw/Kconfig', { M: ['pbonzini@redhat.com'] }, 'Kconfig via */Kconfig* (one slash)'],
  ['docs/devel/qapi-code-gen.rst', { M: [ARMBRU, MROTH] }, 'QAPI: docs/devel/qapi*; QMP\'s docs/devel/*qmp-* does not match'],
  ['util/cutils.c', {}, 'no section but the catch-all'],
];

// get_maintainer.pl <patch>: K: keywords read the mail's Subject.
const PATCHES: Array<[string, string, string, Expected, string]> = [
  ['trivial keyword', '[PATCH] trivial: fix a typo in the README', 'README.rst', { M: ['mjt@tls.msk.ru', 'laurent@vivier.eu'], L: ['qemu-trivial@nongnu.org'] }, 'K: ^Subject:.*(?i)trivial'],
  ['s390x keyword, any case', '[PATCH] util: skip the test on S390X hosts', 'util/cutils.c', { M: ['thuth@redhat.com'], L: [S390X] }, 'K: ^Subject:.*(?i)s390x?'],
  ['OpenBSD keyword, lower case', '[PATCH] util: fix the build on openbsd', 'util/cutils.c', { M: ['brad@comstyle.com'] }, 'K: ^Subject:.*(?i)OpenBSD'],
  ['keyword only in an added line', '[PATCH] docs: quote a mail', 'README.rst', {}, 'diff lines get ^[+-].* pasted in front, so ^Subject: never matches them'],
];

describeShared('get_maintainer.pl emulation on ../shared/qemu-tree/MAINTAINERS', () => {
  const tree = new DirectoryTree(QEMU_TREE);

  for (const [path, want, why] of PATHS) {
    it(`-f ${path}: ${why}`, async () => {
      const compiled = (await loadMaintainers(tree))!;
      expect(roles(await maintainersOfPaths(tree, compiled, [path]))).toEqual(expected(want));
    });
  }

  it('-f hw/sensor/tmp105.c in a tree where hw/sensor is a directory: Overall sensors covers it', async () => {
    const withSensorDirectory: Tree = { ...tree, read: (p) => tree.read(p), version: () => tree.version(), isDirectory: async (p) => p === 'hw/sensor' || p === 'include/hw/sensor' || tree.isDirectory(p) };
    const compiled = (await loadMaintainers(tree))!;
    expect(roles(await maintainersOfPaths(withSensorDirectory, compiled, ['hw/sensor/tmp105.c']))).toEqual(expected({ M: ['philmd@linaro.org'] }));
    expect(roles(await maintainersOfPaths(withSensorDirectory, compiled, ['include/hw/sensor/tmp105.h']))).toEqual(expected({ M: ['philmd@linaro.org'] }));
  });

  for (const [name, subject, path, want, why] of PATCHES) {
    it(`patch, ${name}: ${why}`, async () => {
      const diff = fileDiff(path, 1, [' a', '+Subject: trivial s390x', ' b']);
      const patch = patchFromMail(await parseMail(Buffer.from(mail({ subject, diff }))), { input: 't', line: 1 })!;
      const compiled = (await loadMaintainers(tree))!;
      const isDirectory = await directoryTest(tree, compiled, [path], false);
      expect(roles(maintainersOfPatch(compiled, patch, isDirectory))).toEqual(expected(want));
    });
  }

  it('covers at least 30 paths', () => {
    expect(PATHS.length).toBeGreaterThanOrEqual(30);
  });
});
