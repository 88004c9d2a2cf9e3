// Attack strings for the ReDoS audit (test/robust/redos.test.ts), and the
// measure of how a regular expression's time grows on them.
//
// An attack pumps one unbounded quantifier: the shortest text that reaches
// it (what the pattern asks before it), then the pumped text repeated, then
// a tail that makes the match fail (so that the engine backtracks through
// every split, or moves on to every start position). For a report of scslre
// the pumped text is the character the report names; for every other
// quantifier it is the shortest text its element accepts. Each pump comes
// in two shapes: `prefix + pump×n + tail` (backtracking within one start)
// and `(prefix + pump)×n + tail` (a new start every few characters).
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { analyse } from 'scslre';

export interface Attack {
  /** What is pumped, for messages: `[^>]+ with "a", shape 1, tail "\n!"`. */
  label: string;
  text(n: number): string;
}

const POOL = ['a', 'x', 'A', '0', '1', ' ', '\t', '\n', '.', '-', '_', '@', '<', '>', '(', ')', '[', ']', ':', '/', '"', "'", '*', '#', '=', '{', '}', ',', ';', '\\', '+', '!', '`', '%', 'é', '\u00a0', '\x00'];
const TAILS = ['', '\n', '!', '\x00', '!\n!', ' \n!', '\u2028!'];

/** A character the node (a character class or set) accepts, preferring readable ones. */
function charOf(node: AST.Node, flags: string): string {
  const re = new RegExp(`^(?:${node.raw})$`, flags.replace(/[gy]/g, ''));
  const hit = POOL.find((c) => re.test(c));
  if (hit !== undefined) return hit;
  for (let c = 0; c < 0x10000; c++) if (re.test(String.fromCharCode(c))) return String.fromCharCode(c);
  return '';
}

/** The shortest text a node matches, as far as a simple walk can tell (lookarounds and back-references count as empty). */
function shortest(node: AST.Node, flags: string): string {
  switch (node.type) {
    case 'Pattern':
    case 'CapturingGroup':
    case 'Group': {
      const options = node.alternatives.map((a) => shortest(a, flags));
      return options.reduce((a, b) => (b.length < a.length ? b : a));
    }
    case 'Alternative':
      return node.elements.map((e) => shortest(e, flags)).join('');
    case 'Quantifier':
      return shortest(node.element, flags).repeat(node.min);
    case 'Character':
      return String.fromCodePoint(node.value);
    case 'CharacterClass':
    case 'CharacterSet':
    case 'ExpressionCharacterClass':
      return charOf(node, flags);
    default:
      return '';
  }
}

/** The shortest text that leads from the start of the pattern to `node`, and the shortest that follows it to the end. */
function around(node: AST.Node, flags: string): { before: string; after: string } {
  let before = '';
  let after = '';
  for (let child: AST.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type !== 'Alternative') continue;
    const at = parent.elements.indexOf(child as AST.Element);
    before = parent.elements.slice(0, at).map((e) => shortest(e, flags)).join('') + before;
    after += parent.elements.slice(at + 1).map((e) => shortest(e, flags)).join('');
  }
  return { before, after };
}

function quantifiers(node: AST.Node, out: AST.Quantifier[] = []): AST.Quantifier[] {
  if (node.type === 'Quantifier' && node.max === Infinity) out.push(node);
  const children: AST.Node[] =
    'alternatives' in node ? node.alternatives : 'elements' in node ? node.elements : node.type === 'Quantifier' ? [node.element] : [];
  for (const c of children) quantifiers(c, out);
  return out;
}

const show = (s: string) => JSON.stringify(s);

/** Every attack on one regular expression: per scslre report, and per unbounded quantifier. */
export function attacksOn(source: string, flags: string): Attack[] {
  const parsed = new RegExpParser().parseLiteral(`/${source}/${flags}`);
  const pumps: { quant: AST.Quantifier; pump: string; why: string }[] = [];
  for (const report of analyse(parsed).reports) {
    const quant = report.type === 'Trade' ? report.startQuant : report.quant;
    pumps.push({ quant, pump: report.character.pick, why: `scslre ${report.type}` });
  }
  for (const quant of quantifiers(parsed.pattern)) {
    const once = shortest(quant.element, flags) || charOf(quant.element, flags);
    if (once) pumps.push({ quant, pump: once, why: 'quantifier' });
  }
  const attacks: Attack[] = [];
  for (const { quant, pump, why } of pumps) {
    const { before, after } = around(quant, flags);
    for (const tail of [...TAILS, after + '\n!', after.slice(0, -1) + '!']) {
      const label = `${why}: ${quant.raw} pumped with ${show(pump)}, tail ${show(tail)}`;
      attacks.push({ label: `${label}, one start`, text: (n) => before + pump.repeat(n) + tail });
      attacks.push({ label: `${label}, many starts`, text: (n) => (before + pump).repeat(Math.ceil(n / (before.length + pump.length))) + tail });
    }
  }
  return attacks;
}

/** Milliseconds one `exec` takes, the least of a few batches (each long enough to time). */
export function execTime(re: RegExp, text: string): number {
  const run = () => {
    re.lastIndex = 0;
    re.exec(text);
  };
  run();
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) run();
    if (performance.now() - t0 >= 1 || reps >= 4096) break;
    reps *= 4;
  }
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) run();
    best = Math.min(best, (performance.now() - t0) / reps);
  }
  return best;
}

export interface Growth {
  label: string;
  /** time at 4n over time at n: about 4 when linear, 16 when quadratic */
  ratio: number;
}

const RUNGS = [256, 1024, 4096];
/** Between linear (4) and quadratic (16) for 4x the input. */
export const LIMIT = 8;

const scanTimes = new Map<number, number>();
/** A linear scan of a text of this length, the yardstick of the triage. */
function scanTime(length: number): number {
  let t = scanTimes.get(length);
  if (t === undefined) scanTimes.set(length, (t = execTime(/[^]*$/y, 'a'.repeat(length))));
  return t;
}

/**
 * How the expression's time grows on one attack, or undefined when it stays
 * close to a linear scan of the same text. The attack is run once at 4n for
 * growing n against that scan (a triage inside this run, which also keeps a
 * cubic shape from running for minutes); the first time it is well above
 * the scan, it is timed at n and 4n.
 */
export function growth(source: string, flags: string, attack: Attack): number | undefined {
  const re = new RegExp(source, flags);
  for (let k = 0; k < 3; k++) execOnce(re, attack.text(4)); // compiled before it is timed
  for (const n of RUNGS) {
    const long = attack.text(4 * n);
    if (execOnce(re, long) < 100 * scanTime(long.length) + 0.05) continue;
    const ratio = () => execTime(re, long) / execTime(re, attack.text(n));
    let least = ratio();
    for (let k = 0; k < 2 && least > LIMIT; k++) least = Math.min(least, ratio());
    return least;
  }
  return undefined;
}

function execOnce(re: RegExp, text: string): number {
  const t0 = performance.now();
  re.lastIndex = 0;
  re.exec(text);
  return performance.now() - t0;
}

/** The first attack on which the expression grows faster than linearly (ratio above LIMIT), or undefined. */
export function superLinear(source: string, flags: string): Growth | undefined {
  for (const attack of attacksOn(source, flags)) {
    const ratio = growth(source, flags, attack);
    if (ratio !== undefined && ratio > LIMIT) return { label: attack.label, ratio };
  }
  return undefined;
}
