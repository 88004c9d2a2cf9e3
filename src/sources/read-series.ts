// Mail inputs -> series, the one way every mail front-end (check, the
// mailing-list bot) reads patches. Mail is grouped into series on its
// headers (SeriesAssembler); a series' bodies and diffs are parsed only once
// it is whole (or given up on), and series come out in order of first
// appearance, so output follows the input.
import type { Readable } from 'node:stream';
import type { Mail } from '../mail/parse.js';
import type { Patch, PatchHead, Series } from '../patch/model.js';
import { type AssembledGroup, SeriesAssembler, toSeries } from '../patch/series.js';
import { type InputError, patchOf, readMails } from './inputs.js';

/** A patch mail as the assembler groups it: its head, and the mail to parse once the series is whole. */
export type MailItem = PatchHead & { mail: Mail };

/** True for the errors `readSeries` yields among the series. */
export function isInputError(item: Series | InputError): item is InputError {
  return 'message' in item;
}

/** The patches of a grouped series parsed (none when no patch of it could be read), and the errors of those that could not. */
export function parseGroup<T extends MailItem>(group: AssembledGroup<T>): { series?: Series; errors: InputError[] } {
  const errors: InputError[] = [];
  const parse = (item: T | undefined): Patch | undefined => {
    if (!item) return undefined;
    const result = patchOf({ head: item, mail: item.mail });
    if ('error' in result) errors.push(result.error);
    return 'patch' in result ? result.patch : undefined;
  };
  const byIndex = new Map<number, Patch>();
  for (const [index, item] of group.byIndex) {
    const patch = parse(item);
    if (patch) byIndex.set(index, patch);
  }
  const cover = parse(group.cover);
  if (!cover && !byIndex.size) return { errors };
  return { series: toSeries({ version: group.version, total: group.total, cover, byIndex, strays: group.strays }, 'mail'), errors };
}

/**
 * Reads mail inputs (files, folders, `-` for `stdin`) into series. Yields
 * each series once it and every series that appeared before it are whole;
 * an input that cannot be read yields an InputError (`input:line: message`)
 * and the others go on. Only series waiting for an earlier one are held.
 */
export async function* readSeries(inputs: readonly string[], stdin?: Readable): AsyncGenerator<Series | InputError> {
  const waiting = new Map<number, { series?: Series; errors: InputError[] }>();
  let next = 0;
  function* ready(group: AssembledGroup<MailItem>): Generator<Series | InputError> {
    waiting.set(group.seq, parseGroup(group));
    for (let item = waiting.get(next); item; item = waiting.get(next)) {
      waiting.delete(next++);
      yield* item.errors;
      if (item.series) yield item.series;
    }
  }
  const assembler = new SeriesAssembler<MailItem>();
  for await (const event of readMails(inputs, stdin)) {
    if (event.kind === 'error') {
      const { kind: _kind, ...error } = event;
      yield error;
      continue;
    }
    for (const group of assembler.add({ ...event.head, mail: event.mail })) yield* ready(group);
  }
  for (const group of assembler.flush()) yield* ready(group);
}
