// V8 keeps a substring as a slice of its parent string, so a Message-ID kept
// from a mail keeps the whole decoded mail alive. What outlives its patch
// (series summaries, findings, the seen-Message-ID set) keeps its own copy,
// which is what makes memory flat over a large mbox.
export function ownCopy(text: string): string;
export function ownCopy(text: string | undefined): string | undefined;
export function ownCopy(text: string | undefined): string | undefined {
  return text === undefined ? undefined : Buffer.from(text, 'utf8').toString('utf8');
}
