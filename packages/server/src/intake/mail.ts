import { parseIntakeMail, startSmtpIntake, type IntakeMail as ParsedMail } from '@praxisready/mail';
import { systemActor, type AppContext } from '../context.ts';
import { intakeMail, type IntakeMail } from './service.ts';

/** Maps what the mail layer parsed to the intake of a case; problems of a malformed mail travel with it. */
export function intakeFromParsed(m: ParsedMail): IntakeMail {
  const x = m.extracted;
  return {
    messageId: m.messageId,
    subject: m.subject,
    data: {
      practiceName: x.practiceName?.value,
      contactName: x.contactName?.value,
      email: x.email?.value ?? m.from?.address,
      phone: x.phone?.value,
      street: x.address?.value.street,
      postalCode: x.address?.value.postalCode,
      city: x.address?.value.city,
      subject: m.subject,
      text: m.text.slice(0, 100_000),
      from: m.from?.address,
      ...(m.date ? { receivedAt: m.date } : {}),
      ...(m.problems.length > 0 ? { problems: m.problems.map((p) => `${p.code}: ${p.message}`) } : {}),
    },
    attachments: m.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
    raw: m.raw,
  };
}

/** Raw RFC 822 bytes → a case (same Message-ID → same case). Used by the SMTP endpoint and the IMAP poller. */
export async function intakeRaw(ctx: AppContext, raw: Buffer, via: 'smtp' | 'imap') {
  const parsed = await parseIntakeMail(raw);
  return intakeMail(ctx, systemActor(via), intakeFromParsed(parsed));
}

/** The SMTP endpoint of the central mailbox; 250 only after the case is committed. */
export async function startMailIntake(ctx: AppContext, options: { host?: string; port: number }) {
  return startSmtpIntake({
    host: options.host ?? '127.0.0.1',
    port: options.port,
    maxSize: ctx.config.maxUploadBytes,
    onMail: async (raw) => {
      await intakeRaw(ctx, raw, 'smtp');
    },
  });
}
