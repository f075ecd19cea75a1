import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildInvite } from '../calendar/invite.ts';
import { composeMail, exportEml, threadAfter, type OutgoingMessage } from './compose.ts';

const FIXTURE = join(import.meta.dirname, '..', '__fixtures__', 'send', 'report-mail.eml');

const report: OutgoingMessage = {
  from: { name: 'Technik Systemhaus', address: 'technik@systemhaus.example' },
  to: { name: 'Dr. Katrin Hoffmann', address: 'info@praxis-dr-hoffmann.de' },
  cc: ['ck@systemhaus.example', { name: 'Ranger West', address: 'ranger.west@partner.example' }],
  bcc: 'archiv@systemhaus.example',
  subject: 'Ihr Tech-Audit: Bericht',
  text: 'Sehr geehrte Frau Dr. Hoffmann,\n\nanbei der Bericht. Größe: 1 Seite, Preis 0 €.\n',
  attachments: [
    { filename: 'Bericht.pdf', content: Buffer.from('%PDF-1.4 fake'), contentType: 'application/pdf' },
  ],
  messageId: 'report-42@systemhaus.example',
  date: new Date('2026-12-02T08:00:00Z'),
  thread: threadAfter({ messageId: '20261110081419.4711@praxis-dr-hoffmann.de' }),
  headers: { 'X-Praxisready-Case': 'CASE-42' },
};

describe('composeMail / exportEml', () => {
  it('is byte-stable and matches the stored .eml', async () => {
    const a = await exportEml(report);
    const b = await exportEml({ ...report });
    expect(a.equals(b)).toBe(true);
    expect(a.equals(readFileSync(FIXTURE))).toBe(true);
  });

  it('keeps Bcc out of the headers but in the envelope', async () => {
    const composed = await composeMail(report);
    expect(composed.raw.toString()).not.toMatch(/^Bcc:/im);
    expect(composed.envelope.to).toEqual([
      'info@praxis-dr-hoffmann.de',
      'ck@systemhaus.example',
      'ranger.west@partner.example',
      'archiv@systemhaus.example',
    ]);
    expect(composed.envelope.from).toBe('technik@systemhaus.example');
  });

  it('threads report and offer onto the intake mail', async () => {
    const offer: OutgoingMessage = {
      ...report,
      subject: 'Ihr Tech-Audit: Angebot PVS-Ready',
      messageId: 'offer-42@systemhaus.example',
      thread: threadAfter({
        messageId: 'report-42@systemhaus.example',
        references: report.thread!.references,
      }),
    };
    const parsed = await simpleParser((await composeMail(offer)).raw);
    expect(parsed.messageId).toBe('<offer-42@systemhaus.example>');
    expect(parsed.inReplyTo).toBe('<report-42@systemhaus.example>');
    expect(parsed.references).toEqual([
      '<20261110081419.4711@praxis-dr-hoffmann.de>',
      '<report-42@systemhaus.example>',
    ]);
    expect(parsed.cc && !Array.isArray(parsed.cc) && parsed.cc.value.map((v) => v.address)).toEqual([
      'ck@systemhaus.example',
      'ranger.west@partner.example',
    ]);
    expect(parsed.attachments[0]!.filename).toBe('Bericht.pdf');
    expect(parsed.headers.get('x-praxisready-case')).toBe('CASE-42');
  });

  it('adds an invite as text/calendar with METHOD', async () => {
    const ics = buildInvite({
      uid: 'case-42-audit@praxisready',
      start: new Date('2026-12-01T09:00:00Z'),
      end: new Date('2026-12-01T11:00:00Z'),
      summary: 'Tech-Audit',
      organizer: { email: 'helpdesk@systemhaus.example' },
      attendees: [{ email: 'info@praxis-dr-hoffmann.de' }],
      sequence: 0,
      method: 'REQUEST',
      stamp: new Date('2026-11-23T10:00:00Z'),
    });
    const raw = (
      await composeMail({ ...report, attachments: [], invite: { ics, method: 'REQUEST' } })
    ).raw.toString();
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
  });

  it('refuses a mail without recipients', async () => {
    await expect(composeMail({ ...report, to: [], cc: [], bcc: [] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
