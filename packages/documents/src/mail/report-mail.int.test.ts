import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser, type AddressObject } from 'mailparser';
import { exportEml, sendMail } from '@praxisready/mail';
import { startSmtpSink, type SmtpSink } from '@praxisready/mail/test-support';
import { demoSheet } from '../test-support/fixtures.ts';
import { composeReportMail } from './report-mail.ts';

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value.map((v) => v.address));

describe('report mail through a real SMTP session', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  it('sends report and offer to the practice, CC dispatcher and ranger, in the case thread', async () => {
    const reportPdf = Buffer.from('%PDF-1.7 Bericht');
    const offerPdf = Buffer.from('%PDF-1.7 Angebot');
    const message = composeReportMail({
      sheet: demoSheet(),
      reportPdf,
      offerPdf,
      from: { name: 'Jörg Schäfer', address: 'technik@systemhaus.example' },
      dispatcher: { name: 'Christian Kokot', address: 'ck@systemhaus.example' },
      ranger: { name: 'Ranger West', address: 'ranger@partner.example' },
      parent: {
        messageId: '<intake-1@praxis-weiss.example>',
        references: ['<intake-0@praxis-weiss.example>'],
      },
    });
    const sent = await sendMail({ host: sink.host, port: sink.port }, message);
    const [got] = await sink.waitFor(1);
    const mail = await simpleParser(got!.raw);
    expect(addresses(mail.to)).toEqual(['j.weiss@praxis-weiss.example']);
    expect(addresses(mail.cc)).toEqual(['ck@systemhaus.example', 'ranger@partner.example']);
    expect([...got!.envelope.rcptTo].sort()).toEqual(
      ['ck@systemhaus.example', 'j.weiss@praxis-weiss.example', 'ranger@partner.example'].sort(),
    );
    expect(mail.subject).toBe(
      'Tech-Audit Hausarztpraxis Dr. Jürgen Weiß & Kollegen vom 20.11.2026: Bericht und Angebot „Doctolib-PVS-Ready“',
    );
    expect(mail.inReplyTo).toBe('<intake-1@praxis-weiss.example>');
    expect(mail.references).toEqual(['<intake-0@praxis-weiss.example>', '<intake-1@praxis-weiss.example>']);
    expect(mail.messageId).toBe(`<${sent.messageId}>`);
    expect(mail.text).toContain('Guten Tag Dr. Jürgen Weiß,');
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([
      [
        'Bericht_Hausarztpraxis-Dr-Juergen-Weiss-Kollegen_2026-11-20.pdf',
        'application/pdf',
        '%PDF-1.7 Bericht',
      ],
      [
        'Angebot_Hausarztpraxis-Dr-Juergen-Weiss-Kollegen_2026-11-20.pdf',
        'application/pdf',
        '%PDF-1.7 Angebot',
      ],
    ]);
    expect(mail.headers.get('x-praxisready-case')).toBe('CASE-2026-0042');
  });

  it('exports the same message as a reproducible .eml', async () => {
    const input = {
      sheet: demoSheet(),
      reportPdf: Buffer.from('%PDF'),
      from: { address: 'technik@systemhaus.example' },
      dispatcher: { address: 'ck@systemhaus.example' },
      ranger: { address: 'ranger@partner.example' },
      messageId: 'report-1@systemhaus.example',
      date: new Date('2026-11-20T12:00:00Z'),
    };
    const a = await exportEml(composeReportMail(input));
    const b = await exportEml(composeReportMail(input));
    expect(a.equals(b)).toBe(true);
    const parsed = await simpleParser(a);
    expect(parsed.messageId).toBe('<report-1@systemhaus.example>');
    expect(parsed.attachments).toHaveLength(1);
  });

  it('refuses a sheet without any practice e-mail address', () => {
    const sheet = demoSheet();
    sheet.practice.contacts = [];
    delete sheet.practice.email;
    expect(() =>
      composeReportMail({
        sheet,
        reportPdf: Buffer.from(''),
        from: { address: 'a@b.example' },
        dispatcher: { address: 'c@b.example' },
        ranger: { address: 'd@b.example' },
      }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
