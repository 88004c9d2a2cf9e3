// The email replies on real qemu-devel mails: who they go to and what they say.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';
import { lintInputs } from '../../src/cli/check.js';
import { parseMail } from '../../src/mail/parse.js';
import { buildReplies, repliesForSeries } from '../../src/report/email.js';
import { CORPUS, LOCAL_TAP_MBOX, describeShared } from '../helpers/corpus.js';

const options = { from: 'QEMU patchlint <patchlint@example.org>', toolVersion: '0.1.0', now: new Date('2024-09-20T10:00:00Z') };

describeShared('email replies on the corpus', () => {
  it('a patch sent on another author\'s behalf is answered To its sender, who must add the sign-off', async () => {
    const report = await lintInputs([join(CORPUS, '042-migration-deprecate-zero-blocks-capability.eml')], { rules: ALL_RULES });
    const [reply, ...more] = buildReplies(report, options);
    expect(more).toEqual([]);
    const mail = await parseMail(Buffer.from(reply!.text));
    expect(mail.to.map((p) => p.email)).toEqual(['dave@treblig.org']);
    // The author and every original recipient in Cc, the list included, none twice.
    expect(mail.cc.map((p) => p.email).sort()).toEqual(['armbru@redhat.com', 'eblake@redhat.com', 'farosas@suse.de', 'peterx@redhat.com', 'qemu-devel@nongnu.org']);
    expect(reply!.recipients).toHaveLength(new Set(reply!.recipients).size);
    expect(mail.subject).toBe('Re: [PATCH v2 3/7] migration: Deprecate zero-blocks capability');
    expect(mail.inReplyTo).toBe('<20240919134626.166183-4-dave@treblig.org>');
    // A lone patch of a longer series is answered as a patch, with no note about the others.
    expect(mail.body).toContain('qemu-patchlint checked this patch and found 1 warning.');
    expect(mail.body).not.toMatch(/not at hand|resend it|please resend/i);
    expect(mail.body).toContain('[commit/sob-sender]');
    for (const line of mail.body.split('\n')) if (!/^(> |https:\/\/)/.test(line)) expect(line.length).toBeLessThanOrEqual(72);
    expect(mail.body).toMatch(/\nVerdict: [^\n]+\n\n-- \n/);
  });

  it('a series read in part, whose only warning is the missing patches, gets no mail asking for a resend', async () => {
    const report = await lintInputs([LOCAL_TAP_MBOX], { rules: ALL_RULES });
    expect(report.findings.map((f) => f.rule)).toEqual(['series/numbering']);
    expect(buildReplies(report, options)).toEqual([]);
    // With a real finding as well, the reply to the cover speaks of the series and names the missing ones as ranges.
    const extra = { ...report.findings[0]!, rule: 'commit/sob-missing', severity: 'error' as const, message: 'Missing Signed-off-by: line(s)', patch: 1 };
    const [reply] = repliesForSeries(report.series[0]!, [...report.findings, extra], options);
    const mail = await parseMail(Buffer.from(reply!.text));
    expect(mail.subject).toMatch(/^Re: \[PATCH v3 0\/9\]/);
    expect(mail.body).toContain('qemu-patchlint checked this series and found 1 error.');
    expect(mail.body).toContain('Patches 4, 6-7, 9 of 9 were not at hand, so they were not checked.');
    expect(mail.body).not.toContain('missing from the series');
    expect(mail.body).toContain('Verdict: please fix the 1 error and send v4 of the series.');
  });
});
