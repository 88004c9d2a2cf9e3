// `npm run fuzz -- --budget 10m [--seed N] [--batch 200]`: a corpus-mutation
// fuzzer for the built CLI. It mutates the real mails, mboxes, schema files
// and MAINTAINERS of ../shared (and this repository's fixtures) the way
// hostile or broken input looks (byte flips, truncation, duplicated and
// deleted lines, corrupted @@ counts, broken MIME and encodings, huge
// numbers, deep nesting, control characters), runs them through the CLI many
// inputs per process, two processes at a time (one per core; `--workers N`),
// and classifies each run:
//   crash  a stack trace, "internal error", a rule that failed, or an exit status not 0, 1 or 2
//   hang   the process outlived its time limit
//   lost   the JSON document on stdout is missing or cut short
// A failing batch is split down to the inputs that fail alone; each is
// minimised (lines, then bytes) and saved under fixtures/fuzz/, where
// test/robust/fuzz-fixtures.test.ts replays it. Prints the figures at the end.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '../shared');
const OUT = join(ROOT, 'fixtures/fuzz');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
function duration(text) {
  const m = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text);
  if (!m) throw new Error(`--budget takes 30s, 10m or 1h, not ${text}`);
  return Number(m[1]) * { s: 1e3, m: 6e4, h: 3.6e6 }[m[2] ?? 's'];
}
const budget = duration(option('budget', '1m'));
// A CLI start costs about 100 ms: a batch of 400 makes it a small share of a run.
const batchSize = Number(option('batch', '400'));
const workers = Number(option('workers', '2'));
let seed = Number(option('seed', String(Date.now() % 2 ** 31)));
const firstSeed = seed;
const perBatchTimeout = Number(option('timeout', '60')) * 1000;

// A small, seedable PRNG (mulberry32), so that a run can be repeated.
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];

// ---- seeds ----------------------------------------------------------------
function filesUnder(dir, test) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}
const mails = [
  ...filesUnder(join(SHARED, 'corpus'), (n) => /\.(eml|mbox|txt)$/.test(n)),
  ...filesUnder(join(ROOT, 'fixtures/rules'), (n) => /\.(patch|eml|mbox)$/.test(n)),
  ...filesUnder(join(ROOT, 'fixtures/ingest'), (n) => /\.(patch|eml|mbox)$/.test(n)),
].map((f) => readFileSync(f));
const schemas = filesUnder(join(SHARED, 'qemu-tree/qapi'), (n) => n.endsWith('.json')).map((f) => readFileSync(f));
const maintainersFile = existsSync(join(SHARED, 'qemu-tree/MAINTAINERS')) ? readFileSync(join(SHARED, 'qemu-tree/MAINTAINERS')) : undefined;
if (!mails.length) throw new Error('no seed inputs: ../shared/corpus and fixtures/ are empty');
if (!existsSync(join(ROOT, 'dist/cli.cjs'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });

// ---- mutations --------------------------------------------------------------
const CONTROL = ['\x1b[2J', '\x1b]0;x\x07', '\x07', '\x00', '\r', '\x9b31m', '\x7f', '\u202e'];
const HUGE = ['99999999999999999999999999', '9007199254740993', '4294967296', '2147483648', '-1', '0', '1e309'];
const lines = (buf) => buf.toString('latin1').split('\n');
const fromLines = (ls) => Buffer.from(ls.join('\n'), 'latin1');

const MUTATIONS = {
  flip(buf) {
    const out = Buffer.from(buf);
    for (let k = 1 + int(8); k > 0 && out.length; k--) out[int(out.length)] ^= 1 << int(8);
    return out;
  },
  truncate: (buf) => buf.subarray(0, int(buf.length + 1)),
  duplicateLines(buf) {
    const ls = lines(buf);
    const at = int(ls.length);
    const n = 1 + int(20);
    ls.splice(at, 0, ...ls.slice(at, at + n));
    return fromLines(ls);
  },
  deleteLines(buf) {
    const ls = lines(buf);
    ls.splice(int(ls.length), 1 + int(10));
    return fromLines(ls);
  },
  hunkCounts(buf) {
    const text = buf.toString('latin1');
    return Buffer.from(text.replace(/^@@ -\d+(,\d+)? \+\d+(,\d+)? @@/gm, (h) => (random() < 0.5 ? h.replace(/\d+/g, (n) => (random() < 0.3 ? pick(HUGE) : String(Number(n) + int(5) - 2))) : h)), 'latin1');
  },
  hugeNumbers(buf) {
    const text = buf.toString('latin1');
    let n = 0;
    return Buffer.from(text.replace(/\d+/g, (d) => (random() < 0.05 && n++ < 5 ? pick(HUGE) : d)), 'latin1');
  },
  seriesCounter: (buf) => Buffer.from(buf.toString('latin1').replace(/^(Subject:.*?)\[([^\]]*)\]/m, (_, s) => `${s}[PATCH ${pick(['1', '0', '5'])}/${pick(HUGE)}]`), 'latin1'),
  brokenMime(buf) {
    const text = buf.toString('latin1');
    const kinds = [
      () => text.replace(/^(Subject:.*)$/m, '$1\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="zz"'),
      () => text.replace(/^Content-Transfer-Encoding:.*$/im, 'Content-Transfer-Encoding: base64'),
      () => text.replace(/^Content-Transfer-Encoding:.*$/im, 'Content-Transfer-Encoding: quoted-printable') + '=\n=ZZ=0',
      () => text.replace(/charset=[^;\s]+/i, `charset=${pick(['utf-7', 'x-unknown', 'iso-2022-jp', '', '"'])}`),
      () => text.replace(/^(Subject: )(.*)$/m, (_, k, s) => `${k}=?utf-8?B?${Buffer.from(s).toString('base64').slice(0, -2)}?= =?x?Q?=ZZ?=`),
      () => {
        const depth = 200 + int(200);
        let body = '';
        for (let i = 0; i < depth; i++) body += `--b${i}\nContent-Type: multipart/mixed; boundary=b${i + 1}\n\n`;
        return text.replace(/\n\n/, `\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b0\n\n${body}`);
      },
    ];
    return Buffer.from(pick(kinds)(), 'latin1');
  },
  deepNesting(buf) {
    const ls = lines(buf);
    const n = pick([100, 1000, 5000, 20000]);
    const open = pick(['{ ', '[ ', "{ 'a': "]);
    const at = int(ls.length);
    ls.splice(at, 0, (ls[at]?.startsWith('+') ? '+' : '') + open.repeat(n) + (random() < 0.5 ? (open === '[ ' ? ' ]' : ' }').repeat(n) : ''));
    return fromLines(ls);
  },
  controlCharacters(buf) {
    const ls = lines(buf);
    for (let k = 1 + int(4); k > 0; k--) {
      const i = int(ls.length);
      const at = int((ls[i] ?? '').length + 1);
      ls[i] = (ls[i] ?? '').slice(0, at) + pick(CONTROL) + (ls[i] ?? '').slice(at);
    }
    return fromLines(ls);
  },
  longLine(buf) {
    const ls = lines(buf);
    ls.splice(int(ls.length), 0, '+' + pick(['a', ' ', '\t', '(', '#', "'", '@', '/*']).repeat(pick([1e3, 1e4, 1e5])));
    return fromLines(ls);
  },
};
const NAMES = Object.keys(MUTATIONS);

function mutate(buf) {
  let out = buf;
  for (let k = 1 + int(3); k > 0; k--) out = MUTATIONS[pick(NAMES)](out);
  return out;
}

// ---- running and classifying ------------------------------------------------
/** Each mode: how a batch of mutated files becomes one CLI run. */
const MODES = {
  check: { seeds: mails, ext: '.eml', args: (files) => ['check', '--format', 'json', ...files] },
  text: { seeds: mails, ext: '.eml', args: (files) => ['check', ...files] },
  schema: { seeds: schemas, ext: '.json', dir: 'qapi', args: (files, dir) => ['schema', '--format', 'json', dir] },
  tree: {
    seeds: schemas,
    ext: '.json',
    tree: true,
    args: (files, dir) => ['check', '--format', 'json', '--tree', dir, ...mails.slice(0, 8).map((_, i) => join(dir, `mail-${i}.eml`))],
  },
  maintainers: { seeds: maintainersFile ? [maintainersFile] : [], ext: '', tree: true, maintainers: true, args: (files, dir) => ['maintainers', '--tree', dir, 'migration/ram.c', 'qapi/migration.json', 'hw/net/virtio-net.c'] },
};
const MODE_WEIGHTS = [
  ['check', 6],
  ['text', 2],
  ['schema', 2],
  ['tree', 1],
  ['maintainers', 1],
].filter(([m]) => MODES[m].seeds.length);

function pickMode() {
  const total = MODE_WEIGHTS.reduce((n, [, w]) => n + w, 0);
  let r = random() * total;
  for (const [m, w] of MODE_WEIGHTS) if ((r -= w) < 0) return m;
  return 'check';
}

/** Runs the CLI; resolves with its status, signal, stdout and stderr, or `timedOut` when it outlived the limit (it is then killed). */
function runCli(args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', PATCHLINT_DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, perBatchTimeout);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, timedOut, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** What the last run in each scratch folder said, for the log. */
const why = new Map();

/** Runs one CLI call over `inputs` (Buffers) in mode `mode`; resolves with the outcome class, or undefined when all is well. */
async function runOnce(mode, inputs, scratch) {
  const m = MODES[mode];
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(join(scratch, 'qapi'), { recursive: true });
  const files = [];
  if (m.tree) {
    cpSync(join(SHARED, 'qemu-tree/VERSION'), join(scratch, 'VERSION'));
    mails.slice(0, 8).forEach((mail, i) => writeFileSync(join(scratch, `mail-${i}.eml`), mail));
  }
  inputs.forEach((buf, i) => {
    const name = m.maintainers ? 'MAINTAINERS' : m.tree ? (i === 0 ? 'qapi/migration.json' : `qapi/f${i}.json`) : m.dir ? `qapi/f${i}${m.ext}` : `in-${i}${m.ext}`;
    writeFileSync(join(scratch, name), buf);
    files.push(join(scratch, name));
  });
  const r = await runCli(m.args(files, scratch), scratch);
  why.set(scratch, `exit ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').slice(0, 3).join(' | ').slice(0, 300)}`);
  if (r.timedOut) return 'hang';
  if (r.signal || ![0, 1, 2].includes(r.status)) return 'crash';
  if (/internal error|\n\s+at .*:\d+:\d+\)?\n| failed on (patch|the series)|Maximum call stack/.test(r.stderr)) return 'crash';
  if (/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(r.stderr) || (mode === 'text' && /[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(r.stdout))) return 'escape';
  if (mode !== 'text' && mode !== 'maintainers') {
    try {
      const json = JSON.parse(r.stdout);
      if (!json.summary || !Array.isArray(json.errors)) return 'lost';
    } catch {
      return 'lost';
    }
  }
  return undefined;
}

/** Shrinks `input` while `await fails(candidate)` holds: chunks of lines, then of bytes. */
async function minimise(input, fails, deadline) {
  let best = input;
  for (const unit of ['line', 'byte']) {
    let parts = unit === 'line' ? lines(best) : [...best];
    const join = (ps) => (unit === 'line' ? fromLines(ps) : Buffer.from(ps));
    if (unit === 'byte' && best.length > 4096) break;
    for (let chunk = Math.max(1, Math.floor(parts.length / 2)); chunk >= 1 && Date.now() < deadline; chunk = Math.floor(chunk / 2)) {
      for (let at = 0; at < parts.length && Date.now() < deadline; ) {
        const candidate = [...parts.slice(0, at), ...parts.slice(at + chunk)];
        if (candidate.length && (await fails(join(candidate)))) parts = candidate;
        else at += chunk;
      }
    }
    best = join(parts);
  }
  return best;
}

// ---- main loop --------------------------------------------------------------
mkdirSync(OUT, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'patchlint-fuzz-'));
// A copy of the bundle: a rebuild while the fuzzer runs must not look like a crash.
cpSync(join(ROOT, 'bin'), join(scratch, 'cli/bin'), { recursive: true });
cpSync(join(ROOT, 'dist'), join(scratch, 'cli/dist'), { recursive: true });
// What the bundle loads at run time (the spelling list) resolves from beside it.
symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'cli/node_modules'), 'dir');
const BIN = join(scratch, 'cli/bin/patchlint.js');
const figures = { inputs: 0, runs: 0, crash: 0, hang: 0, lost: 0, escape: 0, saved: 0 };
const started = Date.now();
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`fuzz: seed ${firstSeed}, budget ${budget / 1000} s, ${workers} workers, ${mails.length} mail seeds, ${schemas.length} schema seeds, batches of ${batchSize}; load average ${load()}`);

// Each worker draws from its own PRNG state, so that a seed repeats each worker's batches.
const states = Array.from({ length: workers }, (_, w) => (firstSeed + w * 0x9e3779b9) | 0);
function nextBatch(w) {
  seed = states[w];
  const mode = pickMode();
  const m = MODES[mode];
  const size = m.maintainers ? 1 : m.tree ? Math.max(1, Math.floor(batchSize / 20)) : m.dir ? Math.max(1, Math.floor(batchSize / 4)) : batchSize;
  const batch = Array.from({ length: size }, () => mutate(pick(m.seeds)));
  states[w] = seed;
  return { mode, batch };
}

async function worker(w) {
  const dir = join(scratch, `run-${w}`);
  while (Date.now() - started < budget) {
    const { mode, batch } = nextBatch(w);
    figures.runs++;
    figures.inputs += batch.length;
    const outcome = await runOnce(mode, batch, dir);
    if (outcome) await keepFailures(mode, batch, dir);
    if (figures.runs % 20 === 0) console.log(`  ${((Date.now() - started) / 1000).toFixed(0)} s: ${figures.inputs} inputs in ${figures.runs} runs (load average ${load()})`);
  }
}

/** Which inputs of a failing batch fail on their own: each is minimised and saved. */
async function keepFailures(mode, batch, dir) {
  const m = MODES[mode];
  for (const input of batch) {
    const alone = await runOnce(mode, [input], dir);
    if (!alone) continue;
    const detail = why.get(dir);
    figures[alone]++;
    const small = await minimise(input, async (c) => (await runOnce(mode, [c], dir)) === alone, Date.now() + 60_000);
    const name = `${alone}-${mode}-${createHash('sha256').update(small).digest('hex').slice(0, 12)}${m.ext || '.maintainers'}`;
    writeFileSync(join(OUT, name), small);
    figures.saved++;
    console.log(`  ${alone} (${mode}): saved fixtures/fuzz/${name} (${small.length} bytes); first seen as ${detail}`);
  }
}

try {
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
} finally {
  rmSync(join(scratch, 'cli/node_modules')); // the link only, before the folder goes
  rmSync(scratch, { recursive: true, force: true });
}
const minutes = (Date.now() - started) / 60000;
console.log(
  `fuzz: ${new Date().toISOString().slice(0, 10)}, seed ${firstSeed}: ${figures.inputs} inputs in ${figures.runs} CLI runs, ${minutes.toFixed(1)} min ` +
    `(${Math.round(figures.inputs / minutes)} inputs/min, ${workers} workers, load average ${load()}): ` +
    `${figures.crash} crashes, ${figures.hang} hangs, ${figures.lost} lost outputs, ${figures.escape} unescaped control characters (${figures.saved} reproducers saved under fixtures/fuzz/)`,
);
process.exitCode = figures.crash + figures.hang + figures.lost + figures.escape ? 1 : 0;
