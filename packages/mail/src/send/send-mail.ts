import nodemailer from 'nodemailer';
import { AppError } from '@praxisready/model';
import { noopLogger, type MailLogger } from '../logger.ts';
import { composeMail, type OutgoingMessage } from './compose.ts';

/** Where outgoing mail goes: the Systemhaus' SMTP relay (submission port 587 with STARTTLS as a rule). */
export interface SmtpTransportOptions {
  host: string;
  port: number;
  /** Implicit TLS (465). With `false`, STARTTLS is used when offered. */
  secure?: boolean;
  /** Fail instead of sending in cleartext when the server offers no STARTTLS. */
  requireTLS?: boolean;
  auth?: { user: string; pass: string };
  tls?: { rejectUnauthorized?: boolean; servername?: string };
  /** EHLO name. */
  name?: string;
  connectionTimeoutMs?: number;
}

export interface SendResult {
  /** Normalised Message-ID of the sent mail: store it on the case so replies thread onto it. */
  messageId: string;
  /** The exact bytes sent, for the case thread and `.eml` download. */
  raw: Buffer;
  accepted: string[];
  rejected: string[];
  response: string;
}

/**
 * Composes and sends one message. The bytes returned are the bytes sent (the message is composed once and
 * sent raw), so the copy in the case thread is exactly what the practice received.
 */
export async function sendMail(
  transport: SmtpTransportOptions,
  message: OutgoingMessage,
  logger: MailLogger = noopLogger,
): Promise<SendResult> {
  const composed = await composeMail(message);
  const transporter = nodemailer.createTransport({
    host: transport.host,
    port: transport.port,
    secure: transport.secure ?? false,
    requireTLS: transport.requireTLS ?? false,
    ...(transport.auth === undefined
      ? {}
      : { auth: { user: transport.auth.user, pass: transport.auth.pass } }),
    ...(transport.tls === undefined ? {} : { tls: transport.tls }),
    ...(transport.name === undefined ? {} : { name: transport.name }),
    connectionTimeout: transport.connectionTimeoutMs ?? 20_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
    logger: false,
  });
  try {
    const info = await transporter.sendMail({ envelope: composed.envelope, raw: composed.raw });
    const accepted = addressesOf(info.accepted);
    const rejected = addressesOf(info.rejected);
    logger.info('mail sent', {
      messageId: composed.messageId,
      accepted: accepted.length,
      rejected: rejected.length,
    });
    return { messageId: composed.messageId, raw: composed.raw, accepted, rejected, response: info.response };
  } catch (error) {
    throw sendError(error, transport);
  } finally {
    transporter.close();
  }
}

function addressesOf(list: unknown[]): string[] {
  return list.map((a) => {
    if (typeof a === 'string') {
      return a;
    }
    const address = (a as { address?: unknown }).address;
    return typeof address === 'string' ? address : '';
  });
}

function sendError(error: unknown, transport: SmtpTransportOptions): AppError {
  const e = error as { code?: string; responseCode?: number; message?: string } | null;
  const where = `${transport.host}:${transport.port}`;
  if (e?.code === 'EAUTH') {
    return new AppError('UNAUTHENTICATED', `SMTP login at ${where} failed`, {
      cause: error,
      hint: 'Zugangsdaten des Mailversands prüfen.',
    });
  }
  if (
    e?.code === 'ECONNECTION' ||
    e?.code === 'ESOCKET' ||
    e?.code === 'ECONNREFUSED' ||
    e?.code === 'EDNS'
  ) {
    return new AppError('UNREACHABLE', `SMTP server ${where} not reachable`, { cause: error });
  }
  if (e?.code === 'ETIMEDOUT' || e?.code === 'ETIMEOUT') {
    return new AppError('TIMEOUT', `SMTP server ${where} did not answer in time`, { cause: error });
  }
  return new AppError('PEER_FAULT', `SMTP server ${where} refused the mail: ${e?.message ?? 'unknown'}`, {
    cause: error,
    details: e?.responseCode === undefined ? {} : { responseCode: e.responseCode },
  });
}
