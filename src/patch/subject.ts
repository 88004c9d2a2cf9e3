import type { SubjectTags } from './model.js';

export interface ParsedSubject {
  tags: SubjectTags;
  /** The summary after the bracketed prefix. */
  summary: string;
  /** `Re:`, `Fwd:` and friends: a reply is never a patch. */
  reply: boolean;
}

const REPLY_PREFIX = /^(?:re|aw|sv|fwd?|antw)\s*(?:\[\d+\]\s*)?:\s*/i;
// Old archives carry the list tag in front of the patch tags.
const LIST_TAG = /^\[(?:qemu-devel|qemu-block|qemu-arm|qemu-ppc|qemu-s390x|qemu-riscv|qemu-trivial|qemu-stable)\]\s*/i;
const BRACKET_GROUP = /^\[([^\]]*)\]\s*/;

/**
 * Splits `[RFC PATCH v3 4/9] qapi: foo` into tags and summary, the way
 * patchew and b4 read QEMU subjects: any number of leading bracket groups,
 * words separated by spaces, `i/n` counters, `vN` (either case) versions.
 */
export function parseSubject(raw: string): ParsedSubject {
  let rest = raw.replace(/\s+/g, ' ').trim();
  let reply = false;
  for (;;) {
    const before = rest;
    rest = rest.replace(LIST_TAG, '');
    if (REPLY_PREFIX.test(rest)) {
      reply = true;
      rest = rest.replace(REPLY_PREFIX, '');
    }
    if (rest === before) break;
  }

  const words: string[] = [];
  for (let m = BRACKET_GROUP.exec(rest); m; m = BRACKET_GROUP.exec(rest)) {
    for (const word of m[1]!.split(/[\s,]+/)) if (word) words.push(word);
    rest = rest.slice(m[0].length);
  }
  return { tags: classifyTagWords(words), summary: rest.trim(), reply };
}

export function classifyTagWords(words: string[]): SubjectTags {
  const tags: SubjectTags = { words, isPatch: false, isRfc: false, isPull: false, other: [] };
  for (const word of words) {
    // PATCH-for-9.1 and RFC-PATCH glue a topic onto the keyword.
    const parts = /^(PATCH|RFC|PULL)(?:-(.+))?$/i.exec(word);
    if (parts) {
      const keyword = parts[1]!.toUpperCase();
      if (keyword === 'PATCH') tags.isPatch = true;
      if (keyword === 'RFC') tags.isRfc = true;
      if (keyword === 'PULL') tags.isPull = true;
      if (parts[2]) {
        const glued = classifyTagWords([parts[2]]);
        tags.isPatch ||= glued.isPatch;
        tags.isRfc ||= glued.isRfc;
        tags.isPull ||= glued.isPull;
        tags.other.push(...glued.other);
      }
      continue;
    }
    const version = /^v(\d+)$/i.exec(word);
    if (version) {
      tags.version = Number(version[1]);
      continue;
    }
    const counter = /^(\d+)\/(\d+)$/.exec(word);
    if (counter) {
      tags.index = Number(counter[1]);
      tags.total = Number(counter[2]);
      tags.counter = word;
      continue;
    }
    tags.other.push(word);
  }
  return tags;
}
