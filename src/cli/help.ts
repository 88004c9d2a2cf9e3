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
      --tree DIR        base tree the series applies to (VERSION, MAINTAINERS, ...)
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
};
