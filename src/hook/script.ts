// The sendemail-validate hook that `patchlint install-hook` writes: a POSIX
// shell script that runs an existing hook first (both must pass), then
// patchlint by absolute paths, so that it works without patchlint on PATH
// and from any directory.
//
// Starting node costs about 60 ms, and git starts the hook once per mail. So
// a mail that is surely followed by more mails of the same send is only
// spooled (layout in spool.ts), and the next call that starts patchlint
// lints it with the others. "Surely followed": newer git numbers the files
// (GIT_SENDEMAIL_FILE_COUNTER < _TOTAL); with git 2.39, the subject says
// i/n with i < n and the previous mail of this send was i-1/n of the same
// length (a cover letter, 0/n, needs no predecessor: no patch rule runs on
// it), and patchlint has not asked for every mail (the `eager` marker).
// In any doubt the script starts patchlint, which is always right on its own.

export const HOOK_NAME = 'sendemail-validate';
/** An existing hook, kept beside ours and run first. */
export const CHAINED_SUFFIX = '.pre-patchlint';
export const HOOK_MARKER = '# qemu-patchlint sendemail-validate hook';

export interface HookScriptPaths {
  /** Absolute path of node. */
  node: string;
  /** Absolute path of bin/patchlint.js. */
  cli: string;
  /** The hook that was there before, run first; absent when not chaining. */
  chained?: string;
  /** Run the checkout's scripts/checkpatch.pl on each mail too (`install-hook --checkpatch`). */
  checkpatch?: boolean;
}

/** A shell word that stands for `text` exactly. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function isPatchlintHook(text: string): boolean {
  return text.split('\n', 3).some((line) => line.startsWith(HOOK_MARKER));
}

/** The path of the hook an installed script chains, when it chains one. */
export function chainedHookOf(text: string): string | undefined {
  const m = /^chained='((?:[^']|'\\'')*)'$/m.exec(text);
  return m?.[1] ? m[1].replace(/'\\''/g, "'") : undefined;
}

export function hookScript(paths: HookScriptPaths): string {
  return `#!/bin/sh
${HOOK_MARKER}, written by \`patchlint install-hook\`.
# git send-email runs it once per mail before sending anything; a non-zero
# exit refuses the whole send.  Skip it once: git send-email --no-validate
# Remove it: patchlint install-hook --uninstall (puts back any earlier hook)
node=${shellQuote(paths.node)}
cli=${shellQuote(paths.cli)}
chained=${shellQuote(paths.chained ?? '')}

status=0
if test -n "$chained" && test -x "$chained"; then
	"$chained" "$@" || status=$?
fi

# The git send-email process, grandparent of this script, names the send.
find_send() {
	send=
	if test -r "/proc/$PPID/stat"; then
		read -r stat <"/proc/$PPID/stat" || return 0
		set -f
		set -- \${stat##*") "}
		set +f
		send=\${2-}
	else
		set -- $(ps -o ppid= -p "$PPID" 2>/dev/null)
		send=\${1-}
	fi
	case $send in '' | *[!0-9]*) send= ;; esac
}

# The subject's "i n" from "Subject: [PATCH v2 03/10] ...", read by the
# shell itself: a sed per mail cost more than the rest of its spooling.
subject_position() {
	pos=
	subject=
	while IFS= read -r line; do
		case $line in
		# The blank line ending the headers ("\\r" alone in a CRLF mail).
		'' | ?) break ;;
		Subject:*) subject=\${line#Subject:}; break ;;
		esac
	done <"$1"
	subject=\${subject#"\${subject%%[! ]*}"}
	case $subject in '['*']'*) ;; *) return 0 ;; esac
	tag=\${subject#?}
	tag=\${tag%%]*}
	case $tag in *' '*) ;; *) return 0 ;; esac
	last=\${tag##* }
	case $last in [0-9]*/[0-9]*) ;; *) return 0 ;; esac
	index=\${last%%/*}
	total=\${last#*/}
	case $index$total in *[!0-9]*) return 0 ;; esac
	while case $index in 0?*) true ;; *) false ;; esac; do index=\${index#0}; done
	pos="$index $total"
}

# Spools the mail when more mails of this send surely follow; false otherwise.
# Only the name of the mail is kept (git passes the file it sends, which
# stays until the send ends), and nothing here starts a process when the
# spool exists: on a slow host each costs several ms per mail.
spool_only() {
	spool="\${GIT_DIR:-$(git rev-parse --git-dir)}/patchlint-hook/$send" || return 1
	test ! -e "$spool/eager" || return 1
	pos=
	if test -n "$GIT_SENDEMAIL_FILE_COUNTER"; then
		test "$GIT_SENDEMAIL_FILE_COUNTER" -lt "$GIT_SENDEMAIL_FILE_TOTAL" 2>/dev/null || return 1
		test "$GIT_SENDEMAIL_FILE_COUNTER" != 1 || rm -rf "$spool"
	else
		subject_position "$1"
		case $pos in *' '*) ;; *) return 1 ;; esac
		test "\${pos% *}" -lt "\${pos#* }" 2>/dev/null || return 1
	fi
	test -d "$spool" || mkdir -p "$spool" || return 1
	seq=0
	for f in "$spool"/*.name; do
		f=\${f##*/}
		f=\${f%.name}
		case $f in '' | *[!0-9]*) continue ;; esac
		test "$f" -le "$seq" || seq=$f
	done
	# A cover letter (0/n) has nothing to lint on its own: it always waits.
	if test -n "$pos" && test "\${pos% *}" != 0; then
		prev=
		if test -r "$spool/$seq.pos"; then read -r prev <"$spool/$seq.pos"; fi
		test "$prev" = "$((\${pos% *} - 1)) \${pos#* }" || return 1
	fi
	seq=$((seq + 1))
	case $1 in /*) mail=$1 ;; *) mail=$PWD/$1 ;; esac
	# The headers file is removed when this hook returns: copied, line by
	# line (a few lines; cp would be a process).
	{ test -z "$pos" || printf '%s\\n' "$pos" >"$spool/$seq.pos"; } &&
		{ test -z "\${2-}" || while IFS= read -r line || test -n "$line"; do printf '%s\\n' "$line"; done <"$2" >"$spool/$seq.headers"; } &&
		printf '%s\\n' "$mail" >"$spool/$seq.name"
}

# When the earlier hook refused, patchlint checks this mail now, so that
# both say what they found before git stops the send.
find_send
if test "$status" = 0 && test -n "$send" && spool_only "$@"; then
	exit 0
fi

if ! test -x "$node"; then
	node=$(command -v node) || {
		echo "patchlint hook: node is gone and not on PATH; run patchlint install-hook again, or skip once with git send-email --no-validate" >&2
		exit 1
	}
fi
if ! test -f "$cli"; then
	echo "patchlint hook: $cli is gone; run patchlint install-hook again, or skip once with git send-email --no-validate" >&2
	exit 1
fi
if ! test -f "\${cli%/*}/../dist/cli.cjs"; then
	echo "patchlint hook: patchlint is not built; run npm ci in \${cli%/bin/*}, or skip once with git send-email --no-validate" >&2
	exit 1
fi
PATCHLINT_HOOK_SEND=$send "$node" "$cli" hook-validate${paths.checkpatch ? ' --checkpatch' : ''} "$@" || {
	code=$?
	test "$status" != 0 || status=$code
}
exit $status
`;
}
