// Every rule, one import per file, as ESLint's lib/rules/index.js does. A test
// checks that each rules/<family>/<name>.ts is listed here and has its .md.
import type { Rule } from '../src/engine/types.js';
import commitAuthorMangled from './commit/author-mangled.js';
import commitBodyMissing from './commit/body-missing.js';
import commitChangelogAboveCut from './commit/changelog-above-cut.js';
import commitFixesFormat from './commit/fixes-format.js';
import commitFixesSha from './commit/fixes-sha.js';
import commitKnownTags from './commit/known-tags.js';
import commitLineLength from './commit/line-length.js';
import commitSobAuthor from './commit/sob-author.js';
import commitSobForm from './commit/sob-form.js';
import commitSobMissing from './commit/sob-missing.js';
import commitSobSender from './commit/sob-sender.js';
import commitStableCc from './commit/stable-cc.js';
import commitSubjectDot from './commit/subject-dot.js';
import commitSubjectPrefix from './commit/subject-prefix.js';
import commitTrailerBlock from './commit/trailer-block.js';
import maintainersCcList from './maintainers/cc-list.js';
import maintainersNewFileUncovered from './maintainers/new-file-uncovered.js';
import maintainersPatternDangling from './maintainers/pattern-dangling.js';
import maintainersSyntax from './maintainers/syntax.js';
import migrationCapAccessorDeclMissing from './migration/cap-accessor-decl-missing.js';
import migrationCapAccessorMissing from './migration/cap-accessor-missing.js';
import migrationCapAccessorOrphan from './migration/cap-accessor-orphan.js';
import migrationCapAccessorHeaderVisibility from './migration/cap-accessor-header-visibility.js';
import migrationCapAccessorOrder from './migration/cap-accessor-order.js';
import migrationCapCapsCheck from './migration/cap-caps-check.js';
import migrationCapDirectArray from './migration/cap-direct-array.js';
import migrationCapProperty from './migration/cap-property.js';
import migrationParamAccessor from './migration/param-accessor.js';
import migrationParamApply from './migration/param-apply.js';
import migrationParamCheck from './migration/param-check.js';
import migrationParamDocSync from './migration/param-doc-sync.js';
import migrationParamEnumStructSync from './migration/param-enum-struct-sync.js';
import migrationParamHasFields from './migration/param-has-fields.js';
import migrationParamHmpInfo from './migration/param-hmp-info.js';
import migrationParamHmpSet from './migration/param-hmp-set.js';
import migrationParamPropertyDefault from './migration/param-property-default.js';
import qapiDeprecatedNeedsDocEntry from './qapi/deprecated-needs-doc-entry.js';
import qapiDocBlockDelimiters from './qapi/doc-block-delimiters.js';
import qapiDocDescriptionAfterSection from './qapi/doc-description-after-section.js';
import qapiDocDuplicateSection from './qapi/doc-duplicate-section.js';
import qapiDocEmptySection from './qapi/doc-empty-section.js';
import qapiDocFeatureUndocumented from './qapi/doc-feature-undocumented.js';
import qapiDocFreeformAtName from './qapi/doc-freeform-at-name.js';
import qapiDocHashSpace from './qapi/doc-hash-space.js';
import qapiDocIndent from './qapi/doc-indent.js';
import qapiDocLineTooLong from './qapi/doc-line-too-long.js';
import qapiDocMemberNonexistent from './qapi/doc-member-nonexistent.js';
import qapiDocMemberUndocumented from './qapi/doc-member-undocumented.js';
import qapiDocObsoleteTag from './qapi/doc-obsolete-tag.js';
import qapiDocPeriod from './qapi/doc-period.js';
import qapiDocSymbolLine from './qapi/doc-symbol-line.js';
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
import seriesBasedOn from './series/based-on.js';
import seriesChangelog from './series/changelog.js';
import seriesCoverLetter from './series/cover-letter.js';
import seriesNumbering from './series/numbering.js';
import seriesVersionTag from './series/version-tag.js';
import spellingTypo from './spelling/typo.js';
import styleBlockComment from './style/block-comment.js';
import styleC99Comments from './style/c99-comments.js';
import styleDosLineEndings from './style/dos-line-endings.js';
import styleErrorMessageNewline from './style/error-message-newline.js';
import styleErrorMessagePeriod from './style/error-message-period.js';
import styleExecMode from './style/exec-mode.js';
import styleLineLength from './style/line-length.js';
import styleSpdxMissing from './style/spdx-missing.js';
import styleTabs from './style/tabs.js';
import styleTrailingWhitespace from './style/trailing-whitespace.js';

export const ALL_RULES: readonly Rule[] = [
  commitAuthorMangled,
  commitBodyMissing,
  commitChangelogAboveCut,
  commitFixesFormat,
  commitFixesSha,
  commitKnownTags,
  commitLineLength,
  commitSobAuthor,
  commitSobForm,
  commitSobMissing,
  commitSobSender,
  commitStableCc,
  commitSubjectDot,
  commitSubjectPrefix,
  commitTrailerBlock,
  maintainersCcList,
  maintainersNewFileUncovered,
  maintainersPatternDangling,
  maintainersSyntax,
  migrationCapAccessorDeclMissing,
  migrationCapAccessorHeaderVisibility,
  migrationCapAccessorOrder,
  migrationCapAccessorMissing,
  migrationCapAccessorOrphan,
  migrationCapProperty,
  migrationCapCapsCheck,
  migrationCapDirectArray,
  migrationParamAccessor,
  migrationParamApply,
  migrationParamCheck,
  migrationParamDocSync,
  migrationParamEnumStructSync,
  migrationParamHasFields,
  migrationParamHmpInfo,
  migrationParamHmpSet,
  migrationParamPropertyDefault,
  qapiDeprecatedNeedsDocEntry,
  qapiDocBlockDelimiters,
  qapiDocDescriptionAfterSection,
  qapiDocDuplicateSection,
  qapiDocEmptySection,
  qapiDocFeatureUndocumented,
  qapiDocFreeformAtName,
  qapiDocHashSpace,
  qapiDocIndent,
  qapiDocLineTooLong,
  qapiDocMemberNonexistent,
  qapiDocMemberUndocumented,
  qapiDocObsoleteTag,
  qapiDocPeriod,
  qapiDocSymbolLine,
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
  seriesBasedOn,
  seriesChangelog,
  seriesCoverLetter,
  seriesNumbering,
  seriesVersionTag,
  spellingTypo,
  styleBlockComment,
  styleC99Comments,
  styleDosLineEndings,
  styleErrorMessageNewline,
  styleErrorMessagePeriod,
  styleExecMode,
  styleLineLength,
  styleSpdxMissing,
  styleTabs,
  styleTrailingWhitespace,
];
