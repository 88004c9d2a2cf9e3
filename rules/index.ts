// Every rule, one import per file, as ESLint's lib/rules/index.js does. A test
// checks that each rules/<family>/<name>.ts is listed here and has its .md.
import type { Rule } from '../src/engine/types.js';
import commitSobMissing from './commit/sob-missing.js';
import qapiDeprecatedNeedsDocEntry from './qapi/deprecated-needs-doc-entry.js';
import qapiDocDuplicateSection from './qapi/doc-duplicate-section.js';
import qapiDocEmptySection from './qapi/doc-empty-section.js';
import qapiDocFeatureUndocumented from './qapi/doc-feature-undocumented.js';
import qapiDocHashSpace from './qapi/doc-hash-space.js';
import qapiDocLineTooLong from './qapi/doc-line-too-long.js';
import qapiDocMemberNonexistent from './qapi/doc-member-nonexistent.js';
import qapiDocMemberUndocumented from './qapi/doc-member-undocumented.js';
import qapiDocObsoleteTag from './qapi/doc-obsolete-tag.js';
import qapiDocPeriod from './qapi/doc-period.js';
import qapiDocTwoSpaces from './qapi/doc-two-spaces.js';
import qapiFeatureDocNamesMember from './qapi/feature-doc-names-member.js';
import qapiNameInvalid from './qapi/name-invalid.js';
import qapiSinceDuplicate from './qapi/since-duplicate.js';
import qapiSinceFormat from './qapi/since-format.js';
import qapiSinceMissingDefinition from './qapi/since-missing-definition.js';
import qapiSinceMissingMember from './qapi/since-missing-member.js';
import qapiSinceWrongRelease from './qapi/since-wrong-release.js';
import qapiSyntax from './qapi/syntax.js';
import qapiXPrefixNewName from './qapi/x-prefix-new-name.js';

export const ALL_RULES: readonly Rule[] = [
  commitSobMissing,
  qapiDeprecatedNeedsDocEntry,
  qapiDocDuplicateSection,
  qapiDocEmptySection,
  qapiDocFeatureUndocumented,
  qapiDocHashSpace,
  qapiDocLineTooLong,
  qapiDocMemberNonexistent,
  qapiDocMemberUndocumented,
  qapiDocObsoleteTag,
  qapiDocPeriod,
  qapiDocTwoSpaces,
  qapiFeatureDocNamesMember,
  qapiNameInvalid,
  qapiSinceDuplicate,
  qapiSinceFormat,
  qapiSinceMissingDefinition,
  qapiSinceMissingMember,
  qapiSinceWrongRelease,
  qapiSyntax,
  qapiXPrefixNewName,
];
