import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { AppError } from '@praxisready/model';
import { noopLogger, type MailLogger } from '../logger.ts';

/** The SMTP envelope of a received mail, copied before smtp-server resets it. */
export interface SmtpEnvelope {
  mailFrom: string | undefined;
  rcptTo: string[];
  remoteAddress: string;
  /** The authenticated user, when AUTH was used. */
  user: string | undefined;
  /** `true` when the session ran over TLS (implicit or STARTTLS). */
  secure: boolean;
}

export interface SmtpIntakeOptions {
  host?: string;
  /** 0 picks a free port; read it back from `port` of the result. */
  port?: number;
  /** Largest accepted message in bytes (announced in EHLO SIZE, enforced while receiving). Default 25 MiB. */
  maxSize?: number;
  /**
   * Receives each mail. Resolve when it is stored; a rejection answers the sender with a temporary failure
   * (451) so the sending server retries. Never acknowledge a mail you have not stored.
   */
  onMail: (raw: Buffer, envelope: SmtpEnvelope) => Promise<void>;
  /** Users allowed to AUTH. Without it, AUTH is not offered. */
  auth?: { users: Readonly<Record<string, string>>; required?: boolean };
  /** PEM key and certificate for STARTTLS. Without them STARTTLS is not offered. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Restrict recipients (e.g. the central mailbox address). Default: any. */
  acceptRecipient?: (address: string) => boolean;
  maxRecipients?: number;
  /** Greeting host name. */
  name?: string;
  logger?: MailLogger;
}

export interface SmtpIntake {
  host: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the SMTP endpoint of the central mailbox. A mail is acknowledged (250) only after `onMail` resolved;
 * oversized mails get 552, `onMail` failures 451 — in both cases the sender still holds the mail.
 */
export async function startSmtpIntake(options: SmtpIntakeOptions): Promise<SmtpIntake> {
  const host = options.host ?? '127.0.0.1';
  const maxSize = options.maxSize ?? 25 * 1024 * 1024;
  const log = options.logger ?? noopLogger;
  const users = options.auth?.users;
  const disabled: string[] = [];
  if (users === undefined) {
    disabled.push('AUTH');
  }
  if (options.tls === undefined) {
    disabled.push('STARTTLS');
  }
  const serverOptions: SMTPServerOptions = {
    name: options.name ?? 'praxisready-intake',
    banner: 'Praxisready intake',
    size: maxSize,
    logger: false,
    disabledCommands: disabled,
    authOptional: users === undefined || options.auth?.required !== true,
    // Without TLS, AUTH PLAIN over cleartext is the only option; intended for loopback and trusted relays.
    allowInsecureAuth: options.tls === undefined,
    authMethods: ['PLAIN', 'LOGIN'],
    maxClients: 50,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    ...(options.tls === undefined ? {} : { key: options.tls.key, cert: options.tls.cert }),
    onAuth(auth, _session, callback) {
      const expected = users?.[auth.username ?? ''];
      if (expected !== undefined && typeof auth.password === 'string' && safeEqual(auth.password, expected)) {
        callback(null, { user: auth.username });
        return;
      }
      // Never log the password; the user name is enough to trace a misconfigured sender.
      log.warn('smtp intake: authentication failed', { user: auth.username });
      callback(smtpError('Authentication failed', 535));
    },
    onRcptTo(address, session, callback) {
      if (options.maxRecipients !== undefined && session.envelope.rcptTo.length >= options.maxRecipients) {
        callback(smtpError('Too many recipients', 452));
        return;
      }
      if (options.acceptRecipient !== undefined && !options.acceptRecipient(address.address)) {
        callback(smtpError('Recipient not accepted here', 550));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      // smtp-server resets session.envelope once the callback runs; copy it first.
      const envelope = copyEnvelope(session);
      readAll(stream, maxSize)
        .then(async (raw) => {
          if (raw === undefined) {
            log.warn('smtp intake: message too large', { size: maxSize, rcpt: envelope.rcptTo.length });
            callback(smtpError(`Message exceeds the limit of ${maxSize} bytes`, 552));
            return;
          }
          try {
            await options.onMail(raw, envelope);
          } catch (error) {
            log.error('smtp intake: onMail failed; answered 451 so the sender retries', {
              error: error instanceof Error ? error.message : String(error),
            });
            callback(smtpError('Temporary failure storing the message, please retry', 451));
            return;
          }
          log.info('smtp intake: mail accepted', { bytes: raw.length, rcpt: envelope.rcptTo.length });
          callback();
        })
        .catch((error: unknown) => {
          callback(
            smtpError(`Temporary failure: ${error instanceof Error ? error.message : 'read error'}`, 451),
          );
        });
    },
  };
  const server = new SMTPServer(serverOptions);
  server.on('error', (error) => log.warn('smtp intake: connection error', { error: error.message }));
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => {
      reject(
        new AppError('CONFIG_INVALID', `SMTP intake cannot listen on ${host}:${options.port ?? 0}`, {
          cause: error,
          hint: 'Port belegt oder keine Berechtigung; anderen Port in der Konfiguration wählen.',
        }),
      );
    };
    server.server.once('error', onError);
    server.listen(options.port ?? 0, host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  return {
    host,
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function copyEnvelope(session: SMTPServerSession): SmtpEnvelope {
  const from = session.envelope.mailFrom;
  return {
    mailFrom: from === false || from === undefined ? undefined : from.address,
    rcptTo: session.envelope.rcptTo.map((r) => r.address),
    remoteAddress: session.remoteAddress,
    user: typeof session.user === 'string' ? session.user : undefined,
    secure: session.secure,
  };
}

/** Reads the DATA stream; `undefined` when it went over the limit (smtp-server keeps draining it). */
async function readAll(stream: Readable, maxSize: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > maxSize) {
      tooLarge = true;
      chunks.length = 0;
    } else {
      chunks.push(buf);
    }
  }
  if (tooLarge || (stream as Readable & { sizeExceeded?: boolean }).sizeExceeded === true) {
    return undefined;
  }
  return Buffer.concat(chunks);
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
