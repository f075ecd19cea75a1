/**
 * The one error vocabulary of Praxisready. Every error that leaves a package carries one of these codes;
 * the HTTP status and the CLI exit code of each code are declared here and nowhere else.
 */

/** CLI exit codes, documented in the README and printed by `praxisready --help`. */
export const ExitCode = {
  /** Everything ran and nothing failed. */
  OK: 0,
  /** The command ran, and its subject has failures: failing checks, Konnektor faults, invalid GDT records. */
  FAILURES: 1,
  /** The input could not be used: invalid or unreadable file, unreachable peer, nothing GDT-like found. */
  INPUT: 2,
  /** The command line itself is wrong: unknown command, missing or malformed option. */
  USAGE: 64,
  /** The configuration is invalid (environment variable or config file). */
  CONFIG: 78,
  /** A bug in Praxisready; the message asks to report it with the versions printed. */
  INTERNAL: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

interface CodeSpec {
  readonly http: number;
  readonly exit: ExitCode;
  readonly description: string;
}

/** Error codes with their HTTP status and CLI exit code. */
export const ErrorCodes = {
  /** Input does not match its schema; `issues` lists path and message. */
  VALIDATION_FAILED: { http: 400, exit: ExitCode.INPUT, description: 'Input does not match the schema' },
  /** Input could not be parsed at all (not JSON, not GDT, not XML). */
  PARSE_FAILED: { http: 422, exit: ExitCode.INPUT, description: 'Input could not be parsed' },
  /** A file or record that was asked for does not exist. */
  NOT_FOUND: { http: 404, exit: ExitCode.INPUT, description: 'Not found' },
  /** Wrong command line or request shape outside the schema. */
  BAD_REQUEST: { http: 400, exit: ExitCode.USAGE, description: 'Bad request or command line' },
  /** No or invalid credentials. */
  UNAUTHENTICATED: { http: 401, exit: ExitCode.INPUT, description: 'Not authenticated' },
  /** Authenticated, but the role may not do this. */
  FORBIDDEN: { http: 403, exit: ExitCode.INPUT, description: 'Not allowed for this role' },
  /** The change conflicts with the current state (transition not allowed, duplicate). */
  CONFLICT: { http: 409, exit: ExitCode.FAILURES, description: 'Conflicts with the current state' },
  /** Body or file larger than allowed. */
  TOO_LARGE: { http: 413, exit: ExitCode.INPUT, description: 'Too large' },
  /** Content type not accepted. */
  UNSUPPORTED_MEDIA_TYPE: { http: 415, exit: ExitCode.INPUT, description: 'Unsupported content type' },
  /** Too many requests from one client or token. */
  RATE_LIMITED: { http: 429, exit: ExitCode.INPUT, description: 'Too many requests' },
  /** A network peer (Konnektor, printer, server) could not be reached. */
  UNREACHABLE: { http: 502, exit: ExitCode.INPUT, description: 'Peer not reachable' },
  /** A network peer did not answer in time. */
  TIMEOUT: { http: 504, exit: ExitCode.INPUT, description: 'Peer did not answer in time' },
  /** A peer answered with a fault (e.g. a Konnektor SOAP fault with a gematik code). */
  PEER_FAULT: { http: 502, exit: ExitCode.FAILURES, description: 'Peer answered with a fault' },
  /** Configuration is missing or invalid. */
  CONFIG_INVALID: { http: 500, exit: ExitCode.CONFIG, description: 'Invalid configuration' },
  /** Not available on this platform (e.g. a Windows-only query on Linux). */
  NOT_SUPPORTED: { http: 501, exit: ExitCode.INPUT, description: 'Not supported here' },
  /** A bug. */
  INTERNAL: { http: 500, exit: ExitCode.INTERNAL, description: 'Internal error' },
} as const satisfies Record<string, CodeSpec>;

export type ErrorCode = keyof typeof ErrorCodes;

/** HTTP status for an error code. */
export function httpStatusOf(code: ErrorCode): number {
  return ErrorCodes[code].http;
}

/** CLI exit code for an error code. */
export function exitCodeOf(code: ErrorCode): ExitCode {
  return ErrorCodes[code].exit;
}
