/**
 * @module @praxisready/mail
 * The mail layer of the case workflow: intake parsing with German heuristics, the SMTP intake endpoint, the
 * IMAP poller of the central mailbox, iCalendar invites and replies, sending with threading, `.eml` export.
 *
 * @example
 * const intake = await startSmtpIntake({ port: 2525, onMail: async (raw) => store(await parseIntakeMail(raw)) });
 */
export { parseIntakeMail, IntakeProblem, INTAKE_DEFAULTS } from './intake/parse-intake.ts';
export type { IntakeMail, IntakeAttachment, IntakeParseOptions, MailAddress } from './intake/parse-intake.ts';
export { extractIntakeFields, normalizeGermanPhone, EvidenceSource } from './intake/extract.ts';
export type {
  Extracted,
  ExtractedAddress,
  IntakeExtraction,
  PracticeKind,
  ExtractionInput,
} from './intake/extract.ts';
export { PVS_CATALOG, KONNEKTOR_CATALOG } from './intake/catalogs.ts';
export type { ProductPattern } from './intake/catalogs.ts';
export { normalizeMessageId, toMessageIdHeader, SYNTHETIC_MESSAGE_ID_DOMAIN } from './intake/message-id.ts';

export { startSmtpIntake } from './smtp/smtp-intake.ts';
export type { SmtpIntake, SmtpIntakeOptions, SmtpEnvelope } from './smtp/smtp-intake.ts';
export { createImapPoller, TOO_LARGE_KEYWORD } from './imap/imap-poller.ts';
export type { ImapPoller, ImapPollerOptions, ImapMessageMeta, PollResult } from './imap/imap-poller.ts';

export { buildInvite, inviteAttachment, InviteMethod } from './calendar/invite.ts';
export type { InviteInput, InvitePerson } from './calendar/invite.ts';
export { parseInviteReply, parseCalendarReply, PartStat } from './calendar/invite-reply.ts';
export type { InviteReply, InviteReplyMail } from './calendar/invite-reply.ts';

export { composeMail, exportEml, threadAfter } from './send/compose.ts';
export type {
  OutgoingMessage,
  OutgoingAttachment,
  ComposedMail,
  ThreadRef,
  Recipient,
  MailPerson,
} from './send/compose.ts';
export { sendMail } from './send/send-mail.ts';
export type { SmtpTransportOptions, SendResult } from './send/send-mail.ts';
export { noopLogger } from './logger.ts';
export type { MailLogger } from './logger.ts';
