import { ErrorCodes, type ErrorCode } from './codes.ts';
import type { Issue } from '../result/result.ts';

const APP_ERROR_NAME = 'AppError';

export interface AppErrorOptions {
  cause?: unknown;
  /** Validation issues or other structured detail, safe to show to the user (never secrets). */
  issues?: readonly Issue[];
  /** Machine-readable context, e.g. `{ gematikCode: '4004' }`. Never secrets. */
  details?: Record<string, unknown>;
  /** A German hint for the technician, shown next to the message. */
  hint?: string;
}

/**
 * The error every package throws. It keeps the original `cause` so socket and parse errors survive into logs.
 * Identify it with {@link isAppError}, not `instanceof`, because two copies of a package may be loaded.
 */
export class AppError extends Error {
  override readonly name = APP_ERROR_NAME;
  readonly code: ErrorCode;
  readonly issues: readonly Issue[];
  readonly details: Record<string, unknown>;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
    this.hint = options.hint;
  }
}

/** True for an AppError from any copy of this package. */
export function isAppError(value: unknown): value is AppError {
  return (
    value instanceof Error &&
    value.name === APP_ERROR_NAME &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (value as unknown as { code: string }).code in ErrorCodes
  );
}

/** Converts anything thrown into an AppError, keeping the original as `cause`. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) {
    return value;
  }
  const nodeCode = (value as { code?: unknown } | null)?.code;
  const message = value instanceof Error ? value.message : String(value);
  if (nodeCode === 'ENOENT') {
    return new AppError('NOT_FOUND', message, { cause: value });
  }
  if (nodeCode === 'ECONNREFUSED' || nodeCode === 'EHOSTUNREACH' || nodeCode === 'ENOTFOUND') {
    return new AppError('UNREACHABLE', message, { cause: value });
  }
  if (nodeCode === 'ETIMEDOUT') {
    return new AppError('TIMEOUT', message, { cause: value });
  }
  return new AppError('INTERNAL', message, { cause: value });
}
