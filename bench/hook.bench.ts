// What the send-email hook costs: a 10-patch series with a cover letter (11
// mails) in a QEMU-like repository, validated through the installed hook
// with one process per mail, as git does it (`git hook run` per file, in
// order). Prints the total per send, for git 2.39 (the mail only) and for
// newer git ($2 header file, file counters), and the same send made by the
// real `git send-email --dry-run` with the hook and with none, in turn.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GIT_ENV, makeQemuRepo, signed } from '../test/helpers/qemu-repo.js';
import { paired } from './timing.js';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = 7;

const repo = makeQemuRepo('patchlint-hook-bench-');
try {
  // Ten patches that each touch a QEMU file, all clean.
  for (let n = 1; n <= 10; n++) {
    const file = n % 2 ? 'migration/options.c' : 'migration/options.h';
    repo.write(file, repo.read(file) + `\n/* note ${n}: what the capability block expects of its readers */\n`);
    repo.commit(signed(`migration: add note ${n} to ${file.split('/')[1]}`, `Note ${n} says what the capability block expects, so that\nreaders of ${file} need not guess.`));
  }
  const out = join(repo.dir, 'outgoing');
  repo.git('format-patch', '-q', '--cover-letter', '-v2', '-o', out, '-10');
  const files = readdirSync(out).sort().map((f) => join(out, f));
  writeFileSync(files[0]!, readFileSync(files[0]!, 'utf8').replace('*** SUBJECT HERE ***', 'migration: notes on the capability block'));

  const installed = spawnSync(process.execPath, [join(ROOT, 'bin/patchlint.js'), 'install-hook'], { cwd: repo.dir, env: GIT_ENV, encoding: 'utf8' });
  if (installed.status !== 0) throw new Error(`install-hook failed: ${installed.stderr}`);

  const headers = (i: number) => {
    const path = join(repo.dir, `.gitsendemail.header.${i}`);
    writeFileSync(path, `From: Jane Doe <jane@example.org>\nTo: qemu-devel@nongnu.org\nCc: Mia Grant <mia.grant@example.org>\nSubject: [PATCH v2 ${i}/10] x\nMessage-ID: <bench.${i}@example.org>\n`);
    return path;
  };
  const headerFiles = files.map((_f, i) => headers(i));

  /** One send through `git hook run`, one call per mail; returns ms and checks that all passed. */
  function send(newerGit: boolean, everyMailRunsNode = false): number {
    const started = process.hrtime.bigint();
    for (const [i, file] of files.entries()) {
      const env = { ...GIT_ENV, GIT_DIR: join(repo.dir, '.git') };
      if (newerGit) Object.assign(env, { GIT_SENDEMAIL_FILE_COUNTER: String(i + 1), GIT_SENDEMAIL_FILE_TOTAL: String(files.length) });
      const args = everyMailRunsNode
        ? [process.execPath, join(ROOT, 'bin/patchlint.js'), 'hook-validate', file]
        : ['git', 'hook', 'run', '--ignore-missing', 'sendemail-validate', '--', file, ...(newerGit ? [headerFiles[i]!] : [])];
      const r = spawnSync(args[0]!, args.slice(1), { cwd: repo.dir, env, encoding: 'utf8' });
      if (r.status !== 0 || r.stderr.includes('ERROR')) throw new Error(`hook failed on ${file}: ${r.stderr}`);
    }
    return Number(process.hrtime.bigint() - started) / 1e6;
  }

  /**
   * One real `git send-email --dry-run` of the 11 files: with the hook, with
   * no hook (core.hooksPath at an empty folder: git still looks for one per
   * mail), or with --no-validate (git does not look at all).
   */
  const noHooks = join(repo.dir, '.git/no-hooks');
  mkdirSync(noHooks);
  function sendEmail(hook: 'installed' | 'none' | 'no-validate'): number {
    const started = process.hrtime.bigint();
    const config = hook === 'none' ? ['-c', `core.hooksPath=${noHooks}`] : [];
    const r = spawnSync('git', [...config, 'send-email', '--dry-run', '--quiet', '--confirm=never', '--from=Jane Doe <jane@example.org>', '--to=qemu-devel@nongnu.org', ...(hook === 'no-validate' ? ['--no-validate'] : []), ...files], {
      cwd: repo.dir,
      env: { ...GIT_ENV, GIT_SEND_EMAIL_NOTTY: '1' },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`git send-email failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
  }

  const stats = (measure: () => number) => {
    const times = Array.from({ length: RUNS }, measure).sort((a, b) => a - b);
    return { median: times[Math.floor(RUNS / 2)]!, min: times[0]! };
  };
  const show = (label: string, s: { median: number; min: number }) => console.log(`  ${label.padEnd(46)} median ${s.median.toFixed(0).padStart(5)} ms   min ${s.min.toFixed(0).padStart(5)} ms`);

  const gitVersion = spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`hook: a 10-patch series and its cover letter (${files.length} mails), ${RUNS} sends each, one hook process per mail`);
  show('git 2.39 way (mail only, subject i/n)', stats(() => send(false)));
  show('newer git way ($2 headers, file counters)', stats(() => send(true)));
  show('for comparison: node started for every mail', stats(() => send(false, true)));
  // Paired: with the hook, then without, in turn; the per-pair difference is the hook's share.
  const dryRun = paired(RUNS, () => sendEmail('installed'), () => sendEmail('none'));
  const unvalidated = paired(RUNS, () => sendEmail('none'), () => sendEmail('no-validate'));
  console.log(`git send-email --dry-run of the same 11 files (${gitVersion}), ${RUNS} pairs each:`);
  console.log(`  with the hook ${dryRun.a.toFixed(0)} ms, with no hook ${dryRun.b.toFixed(0)} ms: the hook adds ${dryRun.diff.toFixed(0)} ms (median of the pair differences; target <= 300 ms), ratio ${dryRun.ratio.toFixed(2)}`);
  console.log(`  (git's own validation, looking for a hook per mail, against --no-validate: ${unvalidated.diff.toFixed(0)} ms more)`);
} finally {
  repo.remove();
}
