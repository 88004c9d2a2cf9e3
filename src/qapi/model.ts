// The QAPI schema model the parser produces and the QAPI and migration rules
// read (RULES.md §2, from QEMU's docs/devel/qapi-code-gen.rst and
// scripts/qapi/parser.py). Lines are 1-based post-patch lines of the file;
// columns are 1-based with tabs expanded to 8, as QEMU's error positions are.
//
// The same types describe a whole file and a fragment (the hunks of a patch
// when the file itself is unknown). What a fragment could not see is said by
// the flags (`complete`, `startSeen`, `endSeen`, `literal: undefined`), never
// guessed: rules read them and stay silent on what is unknown.

export interface QString {
  kind: 'string';
  value: string;
  line: number;
  col: number;
}

export interface QBool {
  kind: 'bool';
  value: boolean;
  line: number;
  col: number;
}

export interface QList {
  kind: 'list';
  items: QValue[];
  line: number;
  col: number;
  /** Line of the closing `]`, or of the last token seen when not closed. */
  endLine: number;
  /** False when the text ended (fragment) before the `]`. */
  closed: boolean;
}

export interface QEntry {
  key: string;
  line: number;
  col: number;
  /** Undefined when the text ended before the value. */
  value?: QValue;
}

export interface QDict {
  kind: 'dict';
  entries: QEntry[];
  line: number;
  col: number;
  endLine: number;
  closed: boolean;
}

export type QValue = QString | QBool | QList | QDict;

export const DEFINITION_METAS = ['enum', 'struct', 'union', 'alternate', 'command', 'event'] as const;
export type DefinitionMeta = (typeof DEFINITION_METAS)[number];

/** How QEMU's doc checks name a member (schema.py `role`). */
export type MemberRole = 'member' | 'argument' | 'value' | 'branch';

export interface Feature {
  name: string;
  line: number;
  col: number;
  if?: QValue;
}

/** A struct or union-base member, a command or event argument, an enum value, or a union or alternate branch. */
export interface Member {
  /** Without the `*` of an optional member. */
  name: string;
  optional: boolean;
  role: MemberRole;
  line: number;
  col: number;
  /** Last line of the member's text (its `{ 'type': ... }` may span lines). */
  endLine: number;
  features: Feature[];
  type?: QValue;
  if?: QValue;
}

export interface Definition {
  /** Undefined for a fragment that starts inside a definition whose first line is not shown. */
  meta?: DefinitionMeta;
  name?: string;
  /** First line of the expression (the `{`), or the first line seen. */
  line: number;
  endLine: number;
  /** The whole expression was read (always so for a whole file). */
  complete: boolean;
  expr?: QDict;
  /** In source order; for a partial definition only those seen. */
  members: Member[];
  /** The definition's own `features`. */
  features: Feature[];
  /** `base` when it names a type (its members are documented there). */
  baseType?: string;
  /** `data` names a type (command or event): the arguments are documented there. */
  dataType?: string;
  /** `'boxed': true`: likewise. */
  boxed?: boolean;
  if?: QValue;
  /** The doc block QEMU attaches to it (`_parse`), if any. */
  doc?: DocBlock;
}

export interface Directive {
  kind: 'include' | 'pragma';
  line: number;
  expr: QDict;
}

/** A line inside a doc block. */
export interface DocLine {
  line: number;
  /** The comment after `# ` (or after `#` when the space is missing), trailing blanks removed. */
  text: string;
  /**
   * Inside a literal block (`::` or `.. qmp-example::`), where QEMU skips the
   * line-format checks. Undefined when a fragment cannot tell.
   */
  literal?: boolean;
}

export type DocSectionKind = 'plain' | 'member' | 'feature' | 'returns' | 'errors' | 'since' | 'todo' | 'note' | 'example';

export interface DocSection {
  kind: DocSectionKind;
  /** Member or feature name; the tag as written for tagged sections (`Since`, `Notes`). */
  name?: string;
  line: number;
  endLine: number;
  /** The section's lines, the first one included. */
  lines: DocLine[];
  /** Text without the `@name:` or tag, one entry per line, blank lines kept. */
  text: string[];
  /** False when a fragment ends before the section does, or starts inside it. */
  complete: boolean;
  /** A plain section that is an rST directive (`.. note::`, `.. qmp-example::`), with its indented body. */
  directive?: string;
}

/** What QEMU's parser would reject in a doc block; the parse goes on so that the rest is still checked. */
export type DocProblemKind =
  | 'hash-space'
  | 'block-delimiters'
  | 'symbol-line'
  | 'duplicate-section'
  | 'empty-section'
  | 'obsolete-tag'
  | 'description-after-section'
  | 'indent'
  | 'freeform-at-name'
  | 'duplicate-name';

export interface DocProblem {
  kind: DocProblemKind;
  /** QEMU's message. */
  message: string;
  line: number;
}

export interface DocBlock {
  /** Line of the opening `##`, or of the first line seen. */
  line: number;
  /** Line of the closing `##`, or of the last line seen. */
  endLine: number;
  /** The opening `##` was seen (always so for a whole file). */
  startSeen: boolean;
  /** The closing `##` was seen. */
  endSeen: boolean;
  /** `@SYMBOL:` of definition documentation; undefined for free-form blocks (and unseen starts). */
  symbol?: string;
  symbolLine?: number;
  lines: DocLine[];
  /** All sections in order (the symbol line is in none). */
  sections: DocSection[];
  /** Member, argument, value and branch descriptions. */
  members: DocSection[];
  features: DocSection[];
  /** Line of `Features:`. */
  featuresLine?: number;
  problems: DocProblem[];
}

/** A schema syntax error, worded as QEMU's parser words it. */
export interface SchemaError {
  message: string;
  line: number;
  col: number;
}

export interface Pragmas {
  docRequired?: boolean;
  commandNameExceptions: string[];
  commandReturnsExceptions: string[];
  documentationExceptions: string[];
  memberNameExceptions: string[];
}

export interface SchemaFile {
  definitions: Definition[];
  directives: Directive[];
  docs: DocBlock[];
  pragmas: Pragmas;
  /** The first syntax error; for a whole file parsing stopped there, as QEMU's does. */
  errors: SchemaError[];
  /** 'whole': the complete file; 'fragment': only lines a patch shows. */
  mode: 'whole' | 'fragment';
}
