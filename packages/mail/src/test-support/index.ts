/**
 * @module @praxisready/mail/test-support
 * Real mail peers for integration tests: a Dovecot IMAP server and an SMTP sink, both on loopback.
 */
export { startDovecot, DOVECOT_BINARY } from './dovecot.ts';
export type { DovecotServer, DovecotUser, StartDovecotOptions } from './dovecot.ts';
export { startSmtpSink } from './smtp-sink.ts';
export type { SmtpSink, CapturedMail } from './smtp-sink.ts';
