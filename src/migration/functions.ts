// One C function as the series shows it after its last patch: whole from the
// tree when it knows the file, else the parts the hunks show (context and
// added lines). The parameter rules ask two questions of it: what layout
// does it have (evidence from any line), and does it mention a name the
// series introduces (which can only be on lines the series adds, or in the
// tree after it).
import type { CToken } from '../c/scan.js';
import type { RuleContext } from '../engine/types.js';
import { isComplete } from '../patch/series.js';
import { HMP_CMDS_C, type SeriesCFiles, seriesCFiles } from './c-files.js';
import { type AddedCopy, type NewParameter, newParameters } from './parameters.js';
import { seriesSchema } from './series-schema.js';

export interface FunctionBody {
  /** The tokens of the body that are known. */
  tokens: CToken[];
  /** The whole body, read from the tree. */
  whole: boolean;
}

/** The body of `name` in `path` after the series, or undefined when nothing shows it. */
export async function functionBody(files: SeriesCFiles, path: string, name: string): Promise<FunctionBody | undefined> {
  const final = await files.final(path);
  if (final) {
    const fn = final.functions.find((f) => f.name === name && f.endLine !== undefined);
    return fn ? { tokens: fn.body, whole: true } : undefined;
  }
  const tokens = files.hunks(path).flatMap((h) => h.post.flatMap((scan) => scan.tokens.filter((t) => t.fn === name)));
  return tokens.length ? { tokens, whole: false } : undefined;
}

/** The identifier `text` occurs in the body. */
export function mentions(body: FunctionBody, text: string): boolean {
  return body.tokens.some((t) => t.kind === 'ident' && t.text === text);
}

/** Identifiers of the body matching `pattern`. */
export function identsMatching(body: FunctionBody, pattern: RegExp): CToken[] {
  return body.tokens.filter((t) => t.kind === 'ident' && pattern.test(t.text));
}

/**
 * The new migration parameters (their MigrationParameter values) that
 * function `name` of migration-hmp-cmds.c does not mention, once its body is
 * known well enough (`layoutKnown`) to tell; and on what that rests.
 */
export async function newParametersMissingIn(
  ctx: RuleContext,
  name: string,
  layoutKnown: (body: FunctionBody) => boolean,
): Promise<{ missing: Array<{ param: NewParameter; value: AddedCopy }>; basis: string }> {
  // A conclusion that something is absent needs the whole series: a patch that did not arrive may add it.
  if (!isComplete(ctx.series)) return { missing: [], basis: '' };
  const params = await newParameters(seriesSchema(ctx));
  if (!params.length) return { missing: [], basis: '' };
  const body = await functionBody(seriesCFiles(ctx), HMP_CMDS_C, name);
  if (!body || !layoutKnown(body)) return { missing: [], basis: '' };
  const missing = params.flatMap((param) => (param.added.parameterEnum && !mentions(body, param.constant) ? [{ param, value: param.added.parameterEnum }] : []));
  return { missing, basis: body.whole ? 'checked in the tree' : 'checked in the hunks of the series that show it' };
}
