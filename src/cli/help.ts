// `patchlint <command> --help`: each command's options and an example.
// Loaded only when help is asked for.

export const HELP: Record<string, string> = {
  check: `usage: patchlint [check] [options] <input>...
       patchlint check --git A..B | --worktree | --staged [options]

Lint patches, series and mboxes. An input is an mbox, a mail (.eml), a
format-patch file, a folder of them, a patch copied from a web page, or - for
standard input (a bare \`git diff\` or \`git show\` is read as one patch).

options:
  -f, --format FMT      text (default), json, sarif, markdown or email
  -q, --terse           one line per finding: file:line: severity: [rule] message
      --tree DIR        base tree the series applies to (VERSION, MAINTAINERS, ...);
                        a git checkout is read at a series' base-commit: when it has it
      --git A..B        lint the commits of a range in the current repository
      --worktree        lint the uncommitted changes of the work tree (git diff HEAD)
      --staged          lint what is staged for the next commit (git diff --cached)
      --checkpatch      also run DIR/scripts/checkpatch.pl of --tree on each patch
      --qemu-version X.Y  the release new features target (overrides VERSION)
      --rule ID=LEVEL   off, info, warning or error (repeatable; ID may be family/*)
      --config FILE     settings (default: .patchlint.yml of --tree, else of the
                        current directory, else of the git top level)
  -v, --verbose         say where files came from and which release was assumed
      --email-from ADDR --format email: the From: of the replies (default: git's
                        user.name and user.email)
      --per-patch       --format email: one reply per patch instead of per series
      --previous OLD    the previous version (files, folders or a git range A..B;
                        repeatable): which of its findings were fixed, which are
                        still there, which are new

examples:
  patchlint check v2-*.patch
  git format-patch -3 --stdout | patchlint check --tree ~/qemu -
  git diff | patchlint -
  patchlint check --staged --tree . --checkpatch

exit status: 0 no error-level finding, 1 error-level findings, 2 bad usage or unreadable input
`,
  rules: `usage: patchlint rules [ID] [--format json]

Without ID, list every rule with its level, scope and what it checks. With a
rule's ID, print its documentation: what it checks, why (with the QEMU
source of the convention), a bad and a good example.

options:
  -f, --format json     the rule list as JSON

examples:
  patchlint rules
  patchlint rules commit/sob-missing
`,
  maintainers: `usage: patchlint maintainers [--tree DIR] <path>...

Who to Cc for the given paths, printed as \`scripts/get_maintainer.pl -f\`
prints it, from the tree's MAINTAINERS file.

options:
      --tree DIR        the QEMU checkout (default: the current directory)

example:
  patchlint maintainers --tree ~/qemu hw/net/virtio-net.c
`,
  'install-hook': `usage: patchlint install-hook [--force] [--checkpatch] | --uninstall

Install the git send-email hook (sendemail-validate) in the repository of the
current directory: every mail is linted before any is sent, and an error-level
finding stops the send. An existing hook keeps running first.

options:
      --force           set an existing sendemail-validate aside instead of running it
      --checkpatch      also run the checkout's own scripts/checkpatch.pl on each mail
      --uninstall       remove the hook and put back the one it replaced

example:
  cd ~/qemu && patchlint install-hook --checkpatch
`,
  'hook-validate': `usage: patchlint hook-validate [--checkpatch] <mail> [<headers>]

What the installed sendemail-validate hook runs for each mail, with the
arguments git send-email gives the hook. Findings go to stderr; exit 1
refuses the send. Not meant to be run by hand.

options:
      --checkpatch      also run the checkout's scripts/checkpatch.pl on the mail

example:
  patchlint hook-validate .git/0001-foo.patch
`,
  schema: `usage: patchlint schema [options] [DIR|FILE...]

Run the rules that judge a QAPI file's text over whole schema files: files, or
folders searched for qapi/, qga/, storage-daemon/qapi/ and tests/qapi-schema/
(default: qapi).

options:
  -f, --format FMT      text (default) or json
      --counts          print only the count per rule
      --rule ID=LEVEL   as for check
      --config FILE     as for check
      --qemu-version X.Y  as for check

example:
  patchlint schema ~/qemu/qapi
`,
  fix: `usage: patchlint fix [--git A..B] [--dry-run] [options]
       patchlint fix [--no-backup] [options] FILE.patch...

Apply the fixes the rules know (two spaces, periods, since tags, 70-column
rewraps, sign-off form) where a line still holds the text a finding was
about. With --git (default @{upstream}..HEAD, else HEAD~1..HEAD) the files of
the work tree are edited, never the commits: amend them or make fixup
commits. Format-patch files are rewritten in place, a .orig copy kept.

options:
      --git A..B        the commits whose findings to fix in the work tree
  -n, --dry-run         print the diff it would apply, change nothing
      --no-backup       no FILE.patch.orig copy
      --tree DIR, --qemu-version X.Y, --rule ID=LEVEL, --config FILE   as for check

examples:
  patchlint fix --dry-run
  patchlint fix --git origin/master..HEAD
  patchlint fix v2-0001-qapi-add-set-tap-local.patch

exit status: 0 everything it could fix is fixed, 1 error-level findings it cannot fix remain, 2 bad usage
`,
  watch: `usage: patchlint watch SOURCE [options]      (SOURCE: public-inbox v2 archive, Maildir, or mbox file)
       patchlint watch --status [--state FILE]

The mailing-list bot: reads the list as it grows and answers each series
version once, by mail, threaded under its cover letter.

options:
      --once                 read what is there, answer what is due, exit (cron, tests)
      --interval SECONDS     poll interval without --once (default 60)
      --state FILE           the journal (default: .patchlint-watch.db beside the config)
      --smtp URL             smtp://user:pass@host:port (or PATCHLINT_SMTP_URL); STARTTLS when offered
      --outbox FILE          append replies to this mbox instead of sending (dry run)
      --from ADDR            From: of the replies (required with --smtp)
      --to-list ADDR         Cc this list address (default: the list seen in the series' To/Cc)
      --series-timeout SECS  how long an incomplete series waits after its latest mail (default 1800; 0 = at once)
      --reply-at error|warning   reply only to series with a finding at this level (default error)
      --resend-after SECS    an interrupted send is retried after this, unless the archive shows it (default 300)
      --tree DIR, --qemu-version X.Y, --rule ID=LEVEL, --config FILE   as for check

examples:
  patchlint watch ~/lists/qemu-devel --once --outbox replies.mbox
  patchlint watch ~/lists/qemu-devel --tree ~/qemu --smtp smtp://relay:587 --from "qemu-patchlint <bot@example.org>"
  patchlint watch --status --state .patchlint-watch.db
`,
};
