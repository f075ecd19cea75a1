import {
  parseIntakeMail,
  parseInviteReply,
  startSmtpIntake,
  type IntakeMail as ParsedMail,
} from '@praxisready/mail';
import { systemActor, type AppContext } from '../context.ts';
import { recordInviteReply } from '../cases/invites.ts';
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

export type IntakeOutcome =
  | { kind: 'case'; caseId: string; number: number; created: boolean; problems: string[] }
  | { kind: 'invite_reply'; caseId: string; appointmentId: string; status: string };

/**
 * Raw RFC 822 bytes → a case (same Message-ID → same case), or — when the mail is an iTIP REPLY to one of our
 * invites — the answer recorded on that appointment. Used by the SMTP endpoint and the IMAP poller.
 */
export async function intakeRaw(ctx: AppContext, raw: Buffer, via: 'smtp' | 'imap'): Promise<IntakeOutcome> {
  const reply = await parseInviteReply(raw);
  if (reply.success) {
    const recorded = await recordInviteReply(ctx, reply.data, raw);
    if (recorded) {
      ctx.writeVersion.value++;
      return { kind: 'invite_reply', ...recorded };
    }
  }
  const parsed = await parseIntakeMail(raw);
  const r = await intakeMail(ctx, systemActor(via), intakeFromParsed(parsed));
  ctx.writeVersion.value++;
  return { kind: 'case', ...r };
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
