// The acceptance of issue 3 on the seed patch ([PATCH v3 4/9] qapi: add
// interface for local TAP migration), through the CLI and its JSON output.
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { QEMU_TREE, SEED_PAGE, describeShared } from '../helpers/corpus.js';

interface JsonFinding {
  rule: string;
  severity: string;
  file: string | null;
  line: number | null;
  endLine?: number;
}

async function check(...args: string[]): Promise<{ status: number; findings: JsonFinding[] }> {
  let out = '';
  const status = await main(['check', '--format', 'json', ...args, SEED_PAGE], {
    stdout: (t) => void (out += t),
    stderr: () => {},
    stdin: Readable.from([]),
    isTTY: false,
    env: {},
    cwd: process.cwd(),
  });
  return { status, findings: (JSON.parse(out) as { findings: JsonFinding[] }).findings };
}

const qapi = (findings: JsonFinding[]) => findings.filter((f) => f.rule.startsWith('qapi/')).map((f) => `${f.rule} ${f.severity} ${f.file}:${f.line}${f.endLine ? `-${f.endLine}` : ''}`);

const AT_10_2 = [
  'qapi/doc-two-spaces error qapi/migration.json:520',
  'qapi/doc-two-spaces error qapi/migration.json:521',
  'qapi/doc-two-spaces error qapi/migration.json:522',
  'qapi/doc-period warning qapi/migration.json:523',
  'qapi/since-duplicate warning qapi/migration.json:523-524',
  'qapi/feature-doc-names-member warning qapi/migration.json:546',
  'qapi/doc-two-spaces error qapi/net.json:357',
  'qapi/doc-two-spaces error qapi/net.json:358',
  'qapi/since-format info qapi/net.json:359',
  'qapi/doc-period warning qapi/net.json:363',
];

describeShared('the seed patch, as issue 3 accepts it', () => {
  it('--qemu-version 10.2: exactly these QAPI findings, nothing on the commit message', async () => {
    const { status, findings } = await check('--qemu-version', '10.2');
    expect(qapi(findings).sort()).toEqual([...AT_10_2].sort());
    expect(findings.filter((f) => f.file === null)).toEqual([]);
    expect(status).toBe(1);
  });

  it('--qemu-version 11.0: since-wrong-release on both (since 10.2) tags and the (Since: 10.2) tag', async () => {
    const { findings } = await check('--qemu-version', '11.0');
    const added = qapi(findings).filter((k) => !AT_10_2.includes(k));
    expect(added.sort()).toEqual(['qapi/since-wrong-release error qapi/migration.json:523', 'qapi/since-wrong-release error qapi/migration.json:524', 'qapi/since-wrong-release error qapi/net.json:359'].sort());
    expect(qapi(findings).filter((k) => AT_10_2.includes(k)).sort()).toEqual([...AT_10_2].sort());
  });

  it('--tree ../shared/qemu-tree: the whole-file view adds no finding', async () => {
    const { findings } = await check('--qemu-version', '10.2', '--tree', QEMU_TREE);
    expect(qapi(findings).sort()).toEqual([...AT_10_2].sort());
    const { findings: byVersion } = await check('--tree', QEMU_TREE);
    expect(qapi(byVersion).sort()).toEqual([...AT_10_2].sort());
  });
});
