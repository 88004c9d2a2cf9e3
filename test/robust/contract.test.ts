// The contract of README "Exit status" and "Bad input", command by command,
// on the built CLI: a bad input is one line on stderr naming the file (and
// line, where it has one), the status the README gives, no stack trace, and
// with --format json the whole document with the error in `errors`, after
// what the other inputs gave.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, ROOT, patchlint } from '../helpers/cli.js';
import { GIT_ENV, makeQemuRepo } from '../helpers/qemu-repo.js';

const CLEAN = join(ROOT, 'fixtures/ingest/quoted-printable.eml');
const scratch = mkdtempSync(join(tmpdir(), 'patchlint-contract-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const missing = join(scratch, 'missing.eml');
const badConfig = join(scratch, 'bad.yml');
writeFileSync(badConfig, 'rules:\n  commit/sob-missing: loud\n');
const BAD_CONFIG_LINE = `${badConfig}:2: rule commit/sob-missing: level must be off, info, warning or error, not "loud"`;

function expectOneLine(r: CliResult, line: string | RegExp) {
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('(see patchlint'));
  expect(lines).toHaveLength(1);
  if (typeof line === 'string') expect(lines[0]).toBe(line);
  else expect(lines[0]).toMatch(line);
}

describe('the bad-input contract, per command', () => {
  it('check: an unreadable input is exit 2 and an error in the JSON, after the other input; so is a bad config', () => {
    const r = patchlint(['check', '--format', 'json', missing, CLEAN]);
    expect(r.status).toBe(2);
    expectOneLine(r, new RegExp(`^patchlint: ${missing}: `));
    const json = JSON.parse(r.stdout);
    expect(json.series).toHaveLength(1);
    expect(json.errors.map((e: { input: string }) => e.input)).toEqual([missing]);

    const config = patchlint(['check', '--format', 'json', '--config', badConfig, CLEAN]);
    expect(config.status).toBe(2);
    expectOneLine(config, `patchlint: ${BAD_CONFIG_LINE}`);
    expect(JSON.parse(config.stdout).errors).toHaveLength(1);
  });

  it('schema: an unreadable file is exit 2 and an error in the JSON, the other file still judged; so is a bad config', () => {
    const dir = join(scratch, 'schema/qapi');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'good.json'), "##\n# @Thing:\n#\n# A thing.\n#\n# Since: 10.0\n##\n{ 'struct': 'thing', 'data': {} }\n");
    const gone = join(dir, 'gone.json');
    const r = patchlint(['schema', '--format', 'json', gone, join(dir, 'good.json')]);
    expect(r.status).toBe(2);
    expectOneLine(r, new RegExp(`^patchlint: ${gone}: `));
    const json = JSON.parse(r.stdout);
    expect(json.findings.map((f: { rule: string }) => f.rule)).toContain('qapi/name-invalid');
    expect(json.errors).toHaveLength(1);

    const config = patchlint(['schema', '--format', 'json', '--config', badConfig, join(dir, 'good.json')]);
    expect(config.status).toBe(2);
    expectOneLine(config, `patchlint: ${BAD_CONFIG_LINE}`);
    expect(JSON.parse(config.stdout).errors).toHaveLength(1);
  });

  it('maintainers: a MAINTAINERS that cannot be read is exit 2, one line naming it', () => {
    const tree = join(scratch, 'tree');
    mkdirSync(join(tree, 'MAINTAINERS'), { recursive: true });
    const r = patchlint(['maintainers', '--tree', tree, 'migration/ram.c']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLine(r, new RegExp(`^patchlint: ${join(tree, 'MAINTAINERS')}: cannot read it`));
  });

  it('hook-validate: an unreadable mail or a bad config is named in one line, and the send goes on (exit 0)', () => {
    const repo = makeQemuRepo('patchlint-contract-hook-');
    try {
      const gone = patchlint(['hook-validate', join(repo.dir, 'gone.patch')], { cwd: repo.dir, env: GIT_ENV });
      expect(gone.status).toBe(0);
      expect(gone.stderr).toBe(`patchlint: ${join(repo.dir, 'gone.patch')}: cannot read (ENOENT)\npatchlint: not checked: the send goes on\n`);

      repo.write('.patchlint.yml', 'rules:\n  commit/sob-missing: loud\n');
      const config = patchlint(['hook-validate', CLEAN], { cwd: repo.dir, env: GIT_ENV });
      expect(config.status).toBe(0);
      expect(config.stderr).toBe(
        `patchlint: ${join(repo.dir, '.patchlint.yml')}:2: rule commit/sob-missing: level must be off, info, warning or error, not "loud"\npatchlint: not checked: the send goes on\n`,
      );
    } finally {
      repo.remove();
    }
  });

  it('watch: a source that cannot be read and a bad config are exit 2, one line naming them', () => {
    const outbox = ['--outbox', join(scratch, 'out.mbox'), '--state', join(scratch, 'watch.db')];
    const source = join(scratch, 'no-such.mbox');
    const r = patchlint(['watch', source, ...outbox]);
    expect(r.status).toBe(2);
    expectOneLine(r, new RegExp(`${source}: no such file or directory$`));

    const config = patchlint(['watch', CLEAN, ...outbox, '--config', badConfig]);
    expect(config.status).toBe(2);
    expectOneLine(config, `patchlint: ${BAD_CONFIG_LINE}`);
  });
});
