import { ImapFlow } from 'imapflow';
import { AppError, toAppError } from '@praxisready/model';
import { normalizeMessageId } from '../intake/message-id.ts';
import { noopLogger, type MailLogger } from '../logger.ts';

/** What the poller knows about a message besides its bytes. */
export interface ImapMessageMeta {
  uid: number;
  mailbox: string;
  /** Normalised Message-ID from the envelope (same form as `IntakeMail.messageId`), the caller's dedupe key. */
  messageId: string | undefined;
  /** When the server received it (IMAP INTERNALDATE), ISO 8601. */
  internalDate: string | undefined;
  size: number;
}

export interface ImapPollerOptions {
  host: string;
  port: number;
  /** Implicit TLS (IMAPS, 993). With `false`, STARTTLS is used when offered unless `requireTls` is false too. */
  secure: boolean;
  auth: { user: string; pass: string };
  mailbox?: string;
  /**
   * Where handled mails go. Without it they stay in `mailbox`, flagged \Seen. Created when missing.
   */
  processedMailbox?: string;
  /** Receives each unseen mail; the mail is marked or moved only after this resolves. */
  onMail: (raw: Buffer, meta: ImapMessageMeta) => Promise<void>;
  intervalMs?: number;
  /** Larger mails are not downloaded; they get the keyword below and are reported. Default 25 MiB. */
  maxSize?: number;
  /** Most mails handled per poll, so one poll cannot run for hours. Default 100. */
  maxPerPoll?: number;
  /** TLS options, e.g. `{ rejectUnauthorized: false }` for a self-signed test server. */
  tls?: { rejectUnauthorized?: boolean; servername?: string };
  /** Refuse to log in without TLS. Default: true unless the host is a loopback address. */
  requireTls?: boolean;
  /** Called when a scheduled poll fails (connection, login). `pollOnce` rejects instead. */
  onError?: (error: AppError) => void;
  logger?: MailLogger;
}

export interface PollResult {
  /** Unseen mails found. */
  found: number;
  /** Handed to onMail and then marked/moved. */
  processed: number;
  /** onMail rejected; these stay unseen and come again next poll. */
  failed: { uid: number; messageId: string | undefined; error: string }[];
  /** Over `maxSize`; flagged with {@link TOO_LARGE_KEYWORD} and left in place for a person. */
  tooLarge: { uid: number; messageId: string | undefined; size: number }[];
}

export interface ImapPoller {
  /** One poll. Rejects with an AppError when the server cannot be reached or login fails. */
  pollOnce(): Promise<PollResult>;
  /** Polls every `intervalMs`, first right away; polls never overlap. */
  start(): void;
  /** Stops the schedule and waits for a running poll. */
  stop(): Promise<void>;
}

/** IMAP keyword set on mails too large to fetch, so they are not fetched again every poll. */
export const TOO_LARGE_KEYWORD = '$PraxisreadyTooLarge';

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|localhost)$/;

/**
 * Polls the central mailbox. Each unseen mail is downloaded (without setting \Seen), handed to `onMail`, and
 * marked \Seen or moved only after `onMail` resolved — a crash in between means the mail comes again, which
 * is why the caller dedupes by Message-ID.
 */
export function createImapPoller(options: ImapPollerOptions): ImapPoller {
  const mailbox = options.mailbox ?? 'INBOX';
  const maxSize = options.maxSize ?? 25 * 1024 * 1024;
  const maxPerPoll = options.maxPerPoll ?? 100;
  const intervalMs = options.intervalMs ?? 60_000;
  const log = options.logger ?? noopLogger;
  const requireTls = options.requireTls ?? !LOOPBACK.test(options.host);

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  async function pollOnce(): Promise<PollResult> {
    const client = new ImapFlow({
      host: options.host,
      port: options.port,
      secure: options.secure,
      doSTARTTLS: options.secure ? undefined : requireTls ? true : undefined,
      auth: { user: options.auth.user, pass: options.auth.pass },
      logger: false,
      tls: options.tls ?? {},
      connectionTimeout: 20_000,
      greetingTimeout: 10_000,
      socketTimeout: 120_000,
      disableAutoIdle: true,
    });
    // imapflow emits 'error' on socket trouble; without a listener that would crash the process.
    client.on('error', (error: Error) => log.warn('imap poller: connection error', { error: error.message }));
    try {
      await client.connect();
    } catch (error) {
      throw connectError(error, options.host, options.port);
    }
    const result: PollResult = { found: 0, processed: 0, failed: [], tooLarge: [] };
    try {
      if (options.processedMailbox !== undefined) {
        await ensureMailbox(client, options.processedMailbox);
      }
      const lock = await client.getMailboxLock(mailbox);
      try {
        const uids =
          (await client.search({ seen: false, unKeyword: TOO_LARGE_KEYWORD }, { uid: true })) || [];
        result.found = uids.length;
        for (const uid of uids.slice(0, maxPerPoll)) {
          await handleOne(client, uid, result);
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    log.info('imap poller: poll done', {
      found: result.found,
      processed: result.processed,
      failed: result.failed.length,
      tooLarge: result.tooLarge.length,
    });
    return result;
  }

  async function handleOne(client: ImapFlow, uid: number, result: PollResult): Promise<void> {
    const head = await client.fetchOne(
      String(uid),
      { uid: true, size: true, envelope: true, internalDate: true },
      { uid: true },
    );
    if (head === false) {
      return; // expunged meanwhile
    }
    const messageId = normalizeMessageId(head.envelope?.messageId);
    const size = head.size ?? 0;
    if (size > maxSize) {
      await client.messageFlagsAdd(String(uid), [TOO_LARGE_KEYWORD], { uid: true });
      result.tooLarge.push({ uid, messageId, size });
      log.warn('imap poller: mail too large, left in mailbox', { uid, size, maxSize });
      return;
    }
    // `source` is fetched with BODY.PEEK[], so the mail stays unseen until we say so.
    const full = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    if (full === false || full.source === undefined) {
      return;
    }
    const internalDate =
      head.internalDate === undefined ? undefined : new Date(head.internalDate).toISOString();
    try {
      await options.onMail(full.source, { uid, mailbox, messageId, internalDate, size: full.source.length });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result.failed.push({ uid, messageId, error: message });
      log.error('imap poller: onMail failed; mail stays unseen', { uid, error: message });
      return;
    }
    if (options.processedMailbox !== undefined) {
      await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      await client.messageMove(String(uid), options.processedMailbox, { uid: true });
    } else {
      await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
    }
    result.processed++;
  }

  function schedule(delay: number): void {
    if (stopped) {
      return;
    }
    timer = setTimeout(() => {
      running = pollOnce()
        .catch((error: unknown) => {
          const appError = toAppError(error);
          log.error('imap poller: poll failed', { code: appError.code, error: appError.message });
          options.onError?.(appError);
        })
        .finally(() => {
          running = undefined;
          schedule(intervalMs);
        });
    }, delay);
  }

  return {
    pollOnce,
    start() {
      if (!stopped) {
        return;
      }
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) {
        clearTimeout(timer);
      }
      await running;
    },
  };
}

async function ensureMailbox(client: ImapFlow, path: string): Promise<void> {
  const boxes = await client.list();
  if (!boxes.some((b) => b.path === path)) {
    await client.mailboxCreate(path);
  }
}

function connectError(error: unknown, host: string, port: number): AppError {
  const e = error as { authenticationFailed?: boolean; code?: string } | null;
  if (e?.authenticationFailed === true) {
    return new AppError('UNAUTHENTICATED', `IMAP login to ${host}:${port} failed`, {
      cause: error,
      hint: 'Benutzername/Passwort des zentralen Postfachs prüfen.',
    });
  }
  const converted = toAppError(error);
  return new AppError(
    converted.code === 'INTERNAL' ? 'UNREACHABLE' : converted.code,
    `IMAP server ${host}:${port} not usable: ${converted.message}`,
    { cause: error, hint: 'IMAP-Server, Port und TLS-Einstellung prüfen.' },
  );
}
