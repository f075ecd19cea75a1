import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIntakeMail, type IntakeMail } from '../intake/parse-intake.ts';
import { startSmtpIntake, type SmtpEnvelope, type SmtpIntake } from './smtp-intake.ts';

const FIXTURE = join(import.meta.dirname, '..', '__fixtures__', 'intake', '03-mvz-latin1-attachment.eml');

let intake: SmtpIntake | undefined;
afterEach(async () => {
  await intake?.close();
  intake = undefined;
});

function transport(port: number, extra: Record<string, unknown> = {}) {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    logger: false,
    ...extra,
  });
}

describe('startSmtpIntake (real SMTP session on loopback)', () => {
  it('turns a mail sent with nodemailer into an IntakeMail, envelope copied', async () => {
    const received: { mail: IntakeMail; envelope: SmtpEnvelope }[] = [];
    intake = await startSmtpIntake({
      port: 0,
      onMail: async (raw, envelope) => {
        received.push({ mail: await parseIntakeMail(raw), envelope });
      },
    });
    const raw = readFileSync(FIXTURE);
    const info = await transport(intake.port).sendMail({
      envelope: { from: 'a.mueller@mvz-nordost.de', to: ['audit@systemhaus.example'] },
      raw,
    });
    expect(info.accepted).toEqual(['audit@systemhaus.example']);
    expect(received).toHaveLength(1);
    const { mail, envelope } = received[0]!;
    expect(envelope).toMatchObject({
      mailFrom: 'a.mueller@mvz-nordost.de',
      rcptTo: ['audit@systemhaus.example'],
      remoteAddress: '127.0.0.1',
      secure: false,
    });
    expect(mail.messageId).toBe('AM0PR01MB1234.eurprd01.prod.outlook.com');
    expect(mail.extracted.practiceName?.value).toBe('MVZ Nord-Ost Kardiologie GmbH');
    expect(mail.extracted.phone?.value).toBe('+494055512340');
    expect(mail.attachments[0]!.filename).toBe('Geraeteliste.pdf');
    // The SMTP layer hands over exactly the bytes of the message (dot-stuffing undone).
    expect(mail.raw.equals(raw)).toBe(true);
  });

  it('composed by nodemailer with umlauts and attachment arrives intact', async () => {
    const received: IntakeMail[] = [];
    intake = await startSmtpIntake({
      port: 0,
      onMail: async (raw) => void received.push(await parseIntakeMail(raw)),
    });
    await transport(intake.port).sendMail({
      from: '"Praxis Dr. Grün" <gruen@praxis-gruen.de>',
      to: 'audit@systemhaus.example',
      subject: 'Anfrage Tech-Audit für Praxis Dr. Grün',
      text: 'Hallo,\nbitte ein Audit.\n\nMit freundlichen Grüßen\nDr. Jörg Grün\nPraxis Dr. Grün\nÖsterreicher Straße 1\n01279 Dresden\nTel. 0351 123456\n',
      attachments: [{ filename: 'Netzplan.pdf', content: Buffer.from('%PDF-1.4 netz') }],
    });
    const [mail] = received;
    expect(mail!.subject).toBe('Anfrage Tech-Audit für Praxis Dr. Grün');
    expect(mail!.extracted.contactName?.value).toBe('Dr. Jörg Grün');
    expect(mail!.extracted.address?.value).toEqual({
      street: 'Österreicher Straße 1',
      postalCode: '01279',
      city: 'Dresden',
    });
    expect(mail!.attachments.map((a) => [a.filename, a.size])).toEqual([['Netzplan.pdf', 13]]);
  });

  it('answers 451 when onMail fails, so the sender keeps the mail and retries', async () => {
    let attempts = 0;
    const stored: Buffer[] = [];
    intake = await startSmtpIntake({
      port: 0,
      onMail: (raw) => {
        attempts++;
        if (attempts === 1) {
          return Promise.reject(new Error('database down'));
        }
        stored.push(raw);
        return Promise.resolve();
      },
    });
    const message = { from: 'a@praxis.de', to: 'audit@systemhaus.example', subject: 'x', text: 'y' };
    const first = transport(intake.port).sendMail(message);
    await expect(first).rejects.toMatchObject({ responseCode: 451 });
    await transport(intake.port).sendMail(message);
    expect(attempts).toBe(2);
    expect(stored).toHaveLength(1);
  });

  it('refuses mails over maxSize with 552 and never calls onMail', async () => {
    let calls = 0;
    intake = await startSmtpIntake({ port: 0, maxSize: 10_000, onMail: () => Promise.resolve(void calls++) });
    const send = transport(intake.port).sendMail({
      from: 'a@praxis.de',
      to: 'audit@systemhaus.example',
      text: 'x'.repeat(50_000),
    });
    await expect(send).rejects.toMatchObject({ responseCode: 552 });
    expect(calls).toBe(0);
  });

  it('requires AUTH when configured and accepts the right password only', async () => {
    const users: string[] = [];
    intake = await startSmtpIntake({
      port: 0,
      auth: { users: { relay: 's3cret-relay' }, required: true },
      onMail: (_raw, env) => Promise.resolve(void users.push(env.user ?? '')),
    });
    const message = { from: 'a@praxis.de', to: 'audit@systemhaus.example', text: 'y' };
    await expect(transport(intake.port).sendMail(message)).rejects.toMatchObject({ responseCode: 530 });
    await expect(
      transport(intake.port, { auth: { user: 'relay', pass: 'wrong' } }).sendMail(message),
    ).rejects.toMatchObject({ responseCode: 535 });
    await transport(intake.port, { auth: { user: 'relay', pass: 's3cret-relay' } }).sendMail(message);
    expect(users).toEqual(['relay']);
  });

  it('restricts recipients when asked', async () => {
    intake = await startSmtpIntake({
      port: 0,
      acceptRecipient: (a) => a === 'audit@systemhaus.example',
      onMail: () => Promise.resolve(),
    });
    await expect(
      transport(intake.port).sendMail({ from: 'a@b.de', to: 'someone@else.example', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });

  it('offers STARTTLS when given a certificate and the session is then secure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smtp-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const envelopes: SmtpEnvelope[] = [];
      intake = await startSmtpIntake({
        port: 0,
        tls: { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
        onMail: (_raw, env) => Promise.resolve(void envelopes.push(env)),
      });
      await nodemailer
        .createTransport({
          host: '127.0.0.1',
          port: intake.port,
          secure: false,
          requireTLS: true,
          tls: { rejectUnauthorized: false },
          logger: false,
        })
        .sendMail({ from: 'a@b.de', to: 'audit@systemhaus.example', text: 'x' });
      expect(envelopes[0]!.secure).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
