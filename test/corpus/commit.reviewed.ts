// What the commit/, series/, style/ and maintainers/ rules find on the whole
// real corpus (../shared/corpus), reviewed one by one. Every entry is a real
// problem of the mail as it stands; a finding that is not belongs in a bug
// fix of its rule, not here. Keys are corpusFindings()'s.
export interface Reviewed {
  key: string;
  why: string;
}

// The corpus holds these cover letters without some of their patches, as
// the local-TAP mbox lacks 4, 6, 7 and 9 of 9 (acceptance case): linted as
// the series they announce, they are incomplete.
const INCOMPLETE = 'cover letter present, patches missing from the input: the series as given is incomplete (the same situation as the local-TAP mbox, which lacks 4, 6, 7 and 9 of 9)';

export const WITHOUT_TREE: Reviewed[] = [
  // commit/stable-cc (issue 13): infos; whether the fixed commit is in a release cannot be told from the mail, so they ask.
  { key: '056-meson-libvhost-user-base64-body.eml commit/stable-cc info message:12', why: 'a build fix (Fixes: bc15e44cb219, "configure: introduce --enable-vhost-user-blk-server") sent without Cc: qemu-stable; if that commit had shipped, stable needs the fix' },
  { key: '061-rfc-qapi-net-set-parameter-c-only.eml commit/stable-cc info message:11', why: 'fixes -set with modern netdev options, broken by f3eedcddba36 (a 2021 commit, in released QEMU): a user-visible regression fix without Cc: qemu-stable' },
  // spelling/typo (issue 13): each a real typo in text the mail adds, checked by hand.
  { key: '012-local-tap-v5-16of19-qapi.eml spelling/typo warning message:18', why: 'commit message "migration capabilites and parameters": a typo of "capabilities"' },
  { key: '036-qapi-introduce-device-sync-config-v7.eml spelling/typo warning qapi/qdev.json:176', why: 'new doc line "# capcity change.  Currently only vhost-user-blk": a typo of "capacity" in the QAPI documentation' },
  { key: '053-migration-remove-query-migrationthreads-delete-files.eml spelling/typo warning message:24', why: 'commit message "obtained by GDB.  Esepcially, if with": a typo of "Especially"' },
  { key: '001-local-tap-v3-0-cover.eml series/numbering warning series', why: `${INCOMPLETE}; with the seed page's 4/9 joining the series, 6, 7 and 9 of 9 remain missing` },
  {
    key: '018-qapi-fix-device-sync-config-since.eml commit/fixes-format info message:5',
    why: 'Fixes: 3f98408e2e has 10 hex digits; submitting-a-patch.rst asks for at least 12 (info since issue 13: QEMU\'s checkpatch.pl accepts fewer and QEMU merges 7-11 digits)',
  },
  {
    key: '031-migration-create-migrate-tls-hostname.eml commit/body-missing info series',
    why: 'the message is the subject and a Signed-off-by only; submitting-a-patch.rst asks for a description of why (info: a nudge, the patch was merged as is)',
  },
  {
    key: '032-pull-migration-create-migrate-tls-authz.eml commit/body-missing info series',
    why: 'same as 031, as merged in the PULL: no body, only the sign-offs (info, not an error)',
  },
  {
    key: '037-qapi-blkreplay-driver-stgit-enum-value.eml commit/sob-author warning series',
    why: 'From: pavel.dovgaluk@gmail.com but Signed-off-by: Pavel.Dovgaluk@ispras.ru: git am records the gmail address as author while the sign-off is for another; submitting-a-patch.rst wants the same spelling',
  },
  {
    key: '038-qapi-block-core-blockdev-add-stale-doc-v2.eml commit/fixes-format info message:27',
    why: 'Fixes: be4b67bc7d has 10 hex digits; at least 12 are asked for (info since issue 13: checkpatch.pl accepts it, QEMU merges such tags)',
  },
  {
    key: '042-migration-deprecate-zero-blocks-capability.eml commit/sob-sender warning series',
    why: "dave@treblig.org sends Fabiano Rosas's patch (in-body From:) with only Fabiano's Signed-off-by; whoever passes a patch on adds their own, last (code-provenance.rst)",
  },
  {
    key: '045-qapi-qom-document-unstable-vfio-user-server.eml commit/fixes-format info message:7',
    why: 'Fixes: 8f9a9259d32c (vfio-user: define vfio-user-server object): the subject is not quoted, the documented form is ("subject"); info since the accuracy measurement (docs/ACCURACY.md): QEMU maintainers write (subject) in their own 2025 pulls',
  },
  { key: '050-cover-v4-0of3-deprecate-drive-backup.eml series/numbering warning series', why: `${INCOMPLETE}: only 3/3 (025) is in the corpus` },
  {
    key: '052-migration-openbsd-time-t-mutt-no-diffstat.eml commit/line-length info message:3',
    why: 'the only body line is 80 characters; the limit is 76 so that git show fits 80 columns (info since issue 13: 77-80 columns still fit a terminal and QEMU merges them)',
  },
  {
    key: '057-docs-rename-rst-inc-pure-renames.eml commit/body-missing info series',
    why: 'renames with a subject and a sign-off only; the why is left to the cover letter that is not in the corpus (info nudge)',
  },
  {
    key: '058-tests-acpi-iort-git-binary-patch.eml commit/body-missing info series',
    why: 'a binary table added with no description of where it comes from or why (info nudge)',
  },
  { key: '059-cover-v2-0of7-migration-deadcode-removal.eml series/numbering warning series', why: `${INCOMPLETE}: 1-3 (043, 041, 042) are there, 4-7 are not` },
];

export const WITH_TREE: Reviewed[] = [
  ...WITHOUT_TREE,
  {
    key: '038-qapi-block-core-blockdev-add-stale-doc-v2.eml maintainers/cc-list warning series',
    why:
      'the patch (to qapi/block-core.json, which it applies to in ../shared/qemu-tree) Cc\'d Kevin Wolf and Markus Armbruster only: the second block maintainer ' +
      '(Hanna Reitz, then Max Reitz, same person), Eric Blake (QAPI Schema, also in 2020) and qemu-block@nongnu.org were missing then as now',
  },
].sort((a, b) => a.key.localeCompare(b.key));
