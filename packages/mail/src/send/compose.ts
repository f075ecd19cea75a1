import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { AppError } from '@praxisready/model';
import type { InviteMethod } from '../calendar/invite.ts';
import { normalizeMessageId, sha256Hex, toMessageIdHeader } from '../intake/message-id.ts';

export interface MailPerson {
  name?: string;
  address: string;
}
export type Recipient = string | MailPerson;

export interface OutgoingAttachment {
  filename: string;
  content: Buffer | string;
  contentType?: string;
}

/** Threading: the mail this one answers and the thread so far (ids with or without angle brackets). */
export interface ThreadRef {
  inReplyTo: string;
  references: readonly string[];
}

export interface OutgoingMessage {
  from: Recipient;
  to: Recipient | readonly Recipient[];
  cc?: Recipient | readonly Recipient[];
  bcc?: Recipient | readonly Recipient[];
  replyTo?: Recipient;
  subject: string;
  text: string;
  html?: string;
  attachments?: readonly OutgoingAttachment[];
  thread?: ThreadRef;
  /** Defaults to a random id at the sender's domain. Fix it (with `date`) for byte-stable output. */
  messageId?: string;
  date?: Date;
  /** An iTIP calendar part (from `buildInvite`), sent as text/calendar alternative with METHOD. */
  invite?: { ics: string; method: InviteMethod };
  /** Extra headers, e.g. `X-Praxisready-Case`. */
  headers?: Readonly<Record<string, string>>;
}

export interface ComposedMail {
  raw: Buffer;
  /** Normalised Message-ID (no brackets), for the case thread. */
  messageId: string;
  /** SMTP envelope: the sender and every recipient, Bcc included (Bcc is not in the headers). */
  envelope: { from: string; to: string[] };
}

/**
 * The headers that put a new mail into an existing thread (RFC 5322 §3.6.4): In-Reply-To is the parent,
 * References is the parent's references plus the parent. Report and offer mails chain this way, so every
 * client shows them as one conversation.
 */
export function threadAfter(parent: { messageId: string; references?: readonly string[] }): ThreadRef {
  const refs = [...(parent.references ?? []), parent.messageId]
    .map((r) => normalizeMessageId(r))
    .filter((r): r is string => r !== undefined);
  return { inReplyTo: parent.messageId, references: [...new Set(refs)] };
}

function addressOf(r: Recipient): string {
  return typeof r === 'string' ? (/<([^>]+)>/.exec(r)?.[1] ?? r).trim() : r.address;
}

function list(value: Recipient | readonly Recipient[] | undefined): Recipient[] {
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? [...(value as readonly Recipient[])] : [value as Recipient];
}

function toNodemailer(r: Recipient): string | Mail.Address {
  return typeof r === 'string' ? r : { name: r.name ?? '', address: r.address };
}

/**
 * Composes the RFC 5322 bytes of a message (nodemailer's MailComposer). With `messageId` and `date` set the
 * output is byte-stable: MIME boundaries are derived from the Message-ID instead of random bytes.
 */
export async function composeMail(message: OutgoingMessage): Promise<ComposedMail> {
  const fromAddress = addressOf(message.from);
  const domain = fromAddress.includes('@')
    ? fromAddress.slice(fromAddress.lastIndexOf('@') + 1)
    : 'praxisready.invalid';
  const messageId = normalizeMessageId(message.messageId) ?? `${randomUUID()}@${domain}`;
  const recipients = [...list(message.to), ...list(message.cc), ...list(message.bcc)].map(addressOf);
  if (recipients.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'A mail needs at least one recipient');
  }
  const options: Mail.Options & { baseBoundary: string } = {
    from: toNodemailer(message.from),
    to: list(message.to).map(toNodemailer),
    cc: list(message.cc).map(toNodemailer),
    bcc: list(message.bcc).map(toNodemailer),
    ...(message.replyTo === undefined ? {} : { replyTo: toNodemailer(message.replyTo) }),
    subject: message.subject,
    text: message.text,
    ...(message.html === undefined ? {} : { html: message.html }),
    attachments: (message.attachments ?? []).map((a) => ({
      filename: a.filename,
      content: a.content,
      ...(a.contentType === undefined ? {} : { contentType: a.contentType }),
    })),
    messageId: toMessageIdHeader(messageId),
    date: message.date ?? new Date(),
    ...(message.thread === undefined
      ? {}
      : {
          inReplyTo: toMessageIdHeader(message.thread.inReplyTo),
          references: message.thread.references.map(toMessageIdHeader).join(' '),
        }),
    ...(message.invite === undefined
      ? {}
      : {
          icalEvent: { method: message.invite.method, content: message.invite.ics, filename: 'invite.ics' },
        }),
    ...(message.headers === undefined ? {} : { headers: { ...message.headers } }),
    // Random by default; derived from the Message-ID it makes `.eml` exports reproducible.
    baseBoundary: sha256Hex(messageId).slice(0, 16),
  };
  const raw = await new MailComposer(options).compile().build();
  return { raw, messageId, envelope: { from: fromAddress, to: [...new Set(recipients)] } };
}

/** The `.eml` bytes of a message (for the case thread, downloads, the artifact bundle). */
export async function exportEml(message: OutgoingMessage): Promise<Buffer> {
  return (await composeMail(message)).raw;
}
