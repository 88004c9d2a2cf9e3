// The public API of the QAPI schema parser, for the QAPI and migration rules.
// Import from here, not from the files behind it.
export type {
  Definition,
  DefinitionMeta,
  Directive,
  DocBlock,
  DocLine,
  DocProblem,
  DocProblemKind,
  DocSection,
  DocSectionKind,
  Feature,
  Member,
  MemberRole,
  Pragmas,
  QBool,
  QDict,
  QEntry,
  QList,
  QString,
  QValue,
  SchemaError,
  SchemaFile,
} from './model.js';
export { DEFINITION_METAS } from './model.js';
export { parseSchema } from './parser.js';
export { entryOf, stringOf } from './values.js';
export { camelToUpper, cEnumConst, cName, nameProblem, type NameKind, type NameProblem } from './names.js';
export { parseFragments, type SourceLine } from './fragment.js';
export { type QapiView, type SchemaKind, addedDocLines, counterpart, qapiView, qapiViews, schemaKindOf, wholeDocOf } from './views.js';
export { declaresNewName, existedBeforeSeries, isNewDefinition, isNewMember, newMemberDescriptions } from './changes.js';
export { type SinceTag, mentionsSince, parenTagsIn, sinceTagsOf } from './since.js';
