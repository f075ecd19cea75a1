/**
 * The logger the mail layer writes to. Callers pass their own (e.g. the server's pino). The mail layer only
 * ever logs metadata — sizes, counts, ids, error messages — never bodies, addresses of patients or passwords.
 */
export interface MailLogger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

const noop = (): void => {};

export const noopLogger: MailLogger = { debug: noop, info: noop, warn: noop, error: noop };
