import { startSmtpIntake, type SmtpEnvelope, type SmtpIntakeOptions } from '../smtp/smtp-intake.ts';

export interface CapturedMail {
  raw: Buffer;
  envelope: SmtpEnvelope;
}

export interface SmtpSink {
  host: string;
  port: number;
  /** Everything received so far, in order. */
  messages: CapturedMail[];
  /** Resolves once `count` messages have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  close(): Promise<void>;
}

/**
 * An in-process SMTP server on loopback that keeps every message it receives — the peer for tests that send
 * mail (reports, offers, invites). Built on the same `startSmtpIntake` the server uses.
 */
export async function startSmtpSink(
  options: Pick<SmtpIntakeOptions, 'auth' | 'tls' | 'maxSize' | 'port'> = {},
): Promise<SmtpSink> {
  const messages: CapturedMail[] = [];
  const waiters: (() => void)[] = [];
  const intake = await startSmtpIntake({
    ...options,
    host: '127.0.0.1',
    onMail: (raw, envelope) => {
      messages.push({ raw, envelope });
      for (const w of waiters.splice(0)) {
        w();
      }
      return Promise.resolve();
    },
  });
  return {
    host: intake.host,
    port: intake.port,
    messages,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) {
          throw new Error(`SMTP sink: ${messages.length} of ${count} messages after ${timeoutMs} ms`);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return messages.slice(0, count);
    },
    close: () => intake.close(),
  };
}
