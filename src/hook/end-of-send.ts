// What the hook runs only once every mail of a send has been seen, whatever
// the rule's scope: a patch rule in this list is held back from the
// per-mail pass and run over the whole series at the end. The Cc check
// needs the recipients of every mail (and git send-email's command line).
export const AT_END_OF_SEND: readonly string[] = ['maintainers/cc-list'];
