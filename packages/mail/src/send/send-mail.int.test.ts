import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInvite } from '../calendar/invite.ts';
import { parseInviteReply } from '../calendar/invite-reply.ts';
import { parseIntakeMail } from '../intake/parse-intake.ts';
import { startSmtpSink, type SmtpSink } from '../test-support/smtp-sink.ts';
import { threadAfter } from './compose.ts';
import { sendMail } from './send-mail.ts';

let sink: SmtpSink;
beforeEach(async () => {
  sink = await startSmtpSink();
});
afterEach(async () => {
  await sink.close();
});

const HELPDESK = { name: 'Helpdesk Systemhaus', address: 'helpdesk@systemhaus.example' };
const PRACTICE = { name: 'Katrin Hoffmann', address: 'info@praxis-dr-hoffmann.de' };

describe('sendMail over a real SMTP session', () => {
  it('sends an invite that arrives with its text/calendar part and parses back', async () => {
    const ics = buildInvite({
      uid: 'case-42-audit@praxisready',
      start: new Date('2026-12-01T09:00:00Z'),
      end: new Date('2026-12-01T11:00:00Z'),
      summary: 'Tech-Audit Praxis Dr. Hoffmann',
      location: 'Lindenstraße 14, 50674 Köln',
      organizer: { name: HELPDESK.name, email: HELPDESK.address },
      attendees: [{ name: PRACTICE.name, email: PRACTICE.address }],
      sequence: 0,
      method: 'REQUEST',
    });
    const sent = await sendMail(
      { host: sink.host, port: sink.port },
      {
        from: HELPDESK,
        to: PRACTICE,
        subject: 'Terminvorschlag Tech-Audit',
        text: 'Wir schlagen den 1. Dezember vor.',
        invite: { ics, method: 'REQUEST' },
      },
    );
    expect(sent.accepted).toEqual([PRACTICE.address]);
    const [arrived] = await sink.waitFor(1);
    expect(arrived!.raw.equals(sent.raw)).toBe(true);
    const parsed = await simpleParser(arrived!.raw);
    const cal = parsed.attachments.find((a) => a.contentType === 'text/calendar');
    expect(cal).toBeDefined();
    const text = cal!.content.toString('utf8').replace(/\r\n[ \t]/g, '');
    expect(text).toContain('METHOD:REQUEST');
    expect(text).toContain('UID:case-42-audit@praxisready');
    expect(text).toContain('LOCATION:Lindenstraße 14\\, 50674 Köln');
  });

  it('keeps report and offer in one thread with CC dispatcher and ranger', async () => {
    const intakeId = 'intake-1@praxis-dr-hoffmann.de';
    const transport = { host: sink.host, port: sink.port };
    const cc = ['ck@systemhaus.example', 'ranger.west@partner.example'];
    const report = await sendMail(transport, {
      from: HELPDESK,
      to: PRACTICE,
      cc,
      subject: 'Ihr Tech-Audit: Bericht',
      text: 'Anbei der Bericht.',
      attachments: [
        { filename: 'Bericht.pdf', content: Buffer.from('%PDF-1.4 r'), contentType: 'application/pdf' },
      ],
      thread: threadAfter({ messageId: intakeId }),
    });
    const offer = await sendMail(transport, {
      from: HELPDESK,
      to: PRACTICE,
      cc,
      subject: 'Ihr Tech-Audit: Angebot PVS-Ready',
      text: 'Anbei das Angebot.',
      attachments: [
        { filename: 'Angebot.pdf', content: Buffer.from('%PDF-1.4 o'), contentType: 'application/pdf' },
      ],
      thread: threadAfter({ messageId: report.messageId, references: [intakeId] }),
    });
    const arrived = await sink.waitFor(2);
    expect(arrived.map((m) => m.envelope.rcptTo)).toEqual([
      [PRACTICE.address, ...cc],
      [PRACTICE.address, ...cc],
    ]);
    const second = await parseIntakeMail(arrived[1]!.raw);
    expect(second.messageId).toBe(offer.messageId);
    expect(second.inReplyTo).toBe(report.messageId);
    expect(second.references).toEqual([intakeId, report.messageId]);
    expect(second.cc.map((c) => c.address)).toEqual(cc);
    expect(second.attachments.map((a) => a.filename)).toEqual(['Angebot.pdf']);
  });

  it('carries an iTIP REPLY sent by the practice to parseInviteReply', async () => {
    const reply = buildInvite({
      uid: 'case-42-audit@praxisready',
      start: new Date('2026-12-01T09:00:00Z'),
      end: new Date('2026-12-01T11:00:00Z'),
      summary: 'Tech-Audit',
      organizer: { email: HELPDESK.address },
      attendees: [{ name: PRACTICE.name, email: PRACTICE.address }],
      sequence: 0,
      method: 'REQUEST',
    })
      .replace('METHOD:REQUEST', 'METHOD:REPLY')
      .replace('PARTSTAT=NEEDS-ACTION', 'PARTSTAT=DECLINED');
    await sendMail(
      { host: sink.host, port: sink.port },
      {
        from: PRACTICE,
        to: HELPDESK,
        subject: 'Abgelehnt: Tech-Audit',
        text: 'Passt leider nicht.',
        attachments: [{ filename: 'reply.ics', content: reply, contentType: 'text/calendar; method=REPLY' }],
        thread: threadAfter({ messageId: 'invite-42@systemhaus.example' }),
      },
    );
    const [arrived] = await sink.waitFor(1);
    const result = await parseInviteReply(arrived!.raw);
    expect(result.success).toBe(true);
    expect(result.success && result.data).toMatchObject({
      uid: 'case-42-audit@praxisready',
      partstat: 'DECLINED',
      attendee: { email: PRACTICE.address },
      inReplyTo: 'invite-42@systemhaus.example',
      from: PRACTICE.address,
    });
  });

  it('maps a refused connection to UNREACHABLE', async () => {
    const port = sink.port;
    await sink.close();
    sink = await startSmtpSink();
    await expect(
      sendMail(
        { host: '127.0.0.1', port: port === sink.port ? port + 1 : port, connectionTimeoutMs: 3000 },
        {
          from: HELPDESK,
          to: PRACTICE,
          subject: 'x',
          text: 'x',
        },
      ),
    ).rejects.toMatchObject({ code: 'UNREACHABLE' });
  });
});
