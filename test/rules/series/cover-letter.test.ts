import { expect, it } from 'vitest';
import rule from '../../../rules/series/cover-letter.js';
import { lintSeries } from '../../../src/engine/engine.js';
import { assembleSeries } from '../../../src/patch/series.js';
import { Readable } from 'node:stream';
import { readInputs } from '../../../src/sources/inputs.js';
import { mail, mbox } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const COVER = '<cover@example.org>';
const cover = mail({ subject: '[PATCH 0/3] net/tap: local migration', messageId: COVER, body: 'This series does it.', signOff: false, diff: '' });
const patch = (i: number, inReplyTo: string | undefined = COVER) =>
  mail({ subject: `[PATCH ${i}/3] net/tap: step ${i}`, messageId: `<p${i}@example.org>`, inReplyTo, date: 'Mon, 1 Sep 2025 10:00:0' + i + ' +0200' });

ruleTester(rule, {
  valid: [
    { name: 'a cover letter and shallow threading', patch: mbox(cover, patch(1), patch(2), patch(3)) },
    { name: 'a single patch needs none', patch: mail() },
    { name: 'one patch of a series, alone', patch: patch(2, undefined) },
  ],
  invalid: [
    {
      name: 'patches without a cover letter',
      patch: mbox(patch(1, undefined), patch(2, undefined), patch(3, undefined)),
      errors: [{ file: null, line: null, severity: 'warning', message: 'a series of 3 patches needs a cover letter ([PATCH 0/3]): git format-patch --cover-letter' }],
    },
    {
      name: 'deep threading',
      patch: mbox(cover, patch(1), patch(2, '<p1@example.org>'), patch(3, '<p2@example.org>')),
      errors: [{ severity: 'info', message: "patches 2, 3 reply to the previous patch instead of the cover letter: QEMU wants shallow threading (git send-email's default; drop --chain-reply-to)" }],
    },
  ],
});

it('series/cover-letter: commits of a git range or a pull request need no cover letter yet', async () => {
  // The same three cover-less patches, seen as commits rather than mail.
  const patches = [];
  for await (const e of readInputs(['-'], Readable.from([Buffer.from(mbox(patch(1, undefined), patch(2, undefined), patch(3, undefined)))]))) if (e.kind === 'patch') patches.push(e.patch);
  const [series] = assembleSeries(patches);
  // The rule reads the series' origin, whatever the files are read from.
  expect((await lintSeries({ ...series!, origin: 'commits' }, { rules: [rule] })).findings).toEqual([]);
  expect((await lintSeries({ ...series!, origin: 'mail' }, { rules: [rule] })).findings).toHaveLength(1);
});
