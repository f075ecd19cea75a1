import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInvite, type InviteInput } from './invite.ts';
import { parseCalendarReply, parseInviteReply } from './invite-reply.ts';

const FIXTURES = join(import.meta.dirname, '..', '__fixtures__', 'calendar');

const input: InviteInput = {
  uid: 'case-42-audit@praxisready',
  start: new Date('2026-12-01T09:00:00Z'),
  end: new Date('2026-12-01T11:00:00Z'),
  summary: 'Tech-Audit Praxis Dr. Hoffmann',
  description: 'Bitte Zugang zum Serverraum; Konnektor-Zugangsdaten bereithalten.',
  location: 'Lindenstraße 14, 50674 Köln',
  organizer: { name: 'Helpdesk Systemhaus', email: 'helpdesk@systemhaus.example' },
  attendees: [
    { name: 'Katrin Hoffmann', email: 'info@praxis-dr-hoffmann.de' },
    { email: 'tech@systemhaus.example' },
  ],
  sequence: 0,
  method: 'REQUEST',
  stamp: new Date('2026-11-23T10:00:00Z'),
};

/** Unfolds RFC 5545 lines so assertions do not depend on where the generator folds. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('buildInvite', () => {
  it('writes a REQUEST with UID, sequence, UTC times, organizer and RSVP attendees', () => {
    const ics = buildInvite(input);
    const lines = unfold(ics);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain('UID:case-42-audit@praxisready');
    expect(lines).toContain('SEQUENCE:0');
    expect(lines).toContain('DTSTART:20261201T090000Z');
    expect(lines).toContain('DTEND:20261201T110000Z');
    expect(lines).toContain('DTSTAMP:20261123T100000Z');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).toContain('LOCATION:Lindenstraße 14\\, 50674 Köln');
    expect(lines.filter((l) => l.startsWith('ATTENDEE')).every((l) => l.includes('RSVP=TRUE'))).toBe(true);
    expect(
      lines.some((l) => l.startsWith('ORGANIZER') && l.endsWith(':mailto:helpdesk@systemhaus.example')),
    ).toBe(true);
  });

  it('is byte-stable with a fixed stamp', () => {
    expect(buildInvite(input)).toBe(buildInvite({ ...input }));
  });

  it('writes a CANCEL with the new sequence and status CANCELLED', () => {
    const lines = unfold(buildInvite({ ...input, method: 'CANCEL', sequence: 2 }));
    expect(lines).toContain('METHOD:CANCEL');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines.some((l) => l.includes('RSVP=TRUE'))).toBe(false);
  });
});

describe('parseCalendarReply / parseInviteReply', () => {
  it('reads an Outlook accept from a text/calendar alternative', async () => {
    const result = await parseInviteReply(readFileSync(join(FIXTURES, 'reply-accepted-outlook.eml')));
    expect(result.success).toBe(true);
    if (!result.success) {
      return;
    }
    expect(result.data).toEqual({
      uid: 'case-42-audit@praxisready',
      sequence: 1,
      attendee: { email: 'info@praxis-dr-hoffmann.de', name: 'Katrin Hoffmann' },
      partstat: 'ACCEPTED',
      comment: 'Passt uns gut, bis dann.',
      repliedAt: '2026-11-24T08:15:00.000Z',
      messageId: 'reply-accept-1@praxis-dr-hoffmann.de',
      inReplyTo: 'invite-42-1@systemhaus.example',
      from: 'info@praxis-dr-hoffmann.de',
    });
  });

  it('reads a decline from a base64 .ics attachment', async () => {
    const result = await parseInviteReply(readFileSync(join(FIXTURES, 'reply-declined-attachment.eml')));
    expect(result.success && result.data.partstat).toBe('DECLINED');
    expect(result.success && result.data.comment).toBe('Dienstag geht leider nicht.');
  });

  it('refuses our own REQUEST as a reply', () => {
    const result = parseCalendarReply(buildInvite(input));
    expect(result.success).toBe(false);
    expect(result.issues[0]!.code).toBe('ICS_NOT_A_REPLY');
  });

  it('reads a TENTATIVE reply built from our invite', () => {
    const reply = buildInvite(input)
      .replace('METHOD:REQUEST', 'METHOD:REPLY')
      .replace(/PARTSTAT=NEEDS-ACTION/, 'PARTSTAT=TENTATIVE');
    const result = parseCalendarReply(reply);
    expect(result.success && result.data.partstat).toBe('TENTATIVE');
    expect(result.success && result.data.uid).toBe(input.uid);
  });

  it.each([
    ['garbage', 'not a calendar', 'ICS_PARSE_FAILED'],
    [
      'no answer',
      'BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      'ICS_NO_ANSWER',
    ],
  ])('fails with issues on %s', (_n, ics, code) => {
    const result = parseCalendarReply(ics);
    expect(result.success).toBe(false);
    expect(result.issues[0]!.code).toBe(code);
  });

  it('fails on a mail without a calendar part', async () => {
    const result = await parseInviteReply('From: a@b.de\r\nSubject: x\r\n\r\nHallo\r\n');
    expect(result.success).toBe(false);
    expect(result.issues[0]!.code).toBe('NO_CALENDAR');
  });
});
