import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError, formatPath, validateWith } from '@praxisready/model';

/**
 * Server configuration, from one pipeline: environment → Zod schema (parse + defaults) → checks → fail fast
 * naming the key. Environment keys are `PRAXISREADY_*` plus `DATABASE_URL`; each config field names its key.
 */
const MASTER_KEY_BYTES = 32;

const base64Key = z.string().refine((s) => Buffer.from(s, 'base64').length === MASTER_KEY_BYTES, {
  message: `must be ${MASTER_KEY_BYTES} random bytes, base64-encoded (e.g. \`openssl rand -base64 32\`)`,
});

/** Field → environment key; the schema below is keyed by the environment names so issues name the key. */
const EnvSchema = z.object({
  PRAXISREADY_HOST: z.string().min(1).default('127.0.0.1'),
  PRAXISREADY_PORT: z.coerce.number().int().min(0).max(65535).default(8470),
  PRAXISREADY_DATA_DIR: z.string().min(1).default('.praxisready'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PRAXISREADY_MASTER_KEY: base64Key,
  PRAXISREADY_PUBLIC_URL: z.url().optional(),
  PRAXISREADY_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  PRAXISREADY_SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  PRAXISREADY_PREINFO_TTL_DAYS: z.coerce.number().positive().default(14),
  PRAXISREADY_ENROLLMENT_TTL_DAYS: z.coerce.number().positive().default(30),
  PRAXISREADY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  PRAXISREADY_JOBS: z.enum(['on', 'off']).default('on'),
  PRAXISREADY_STATIC_DIR: z.string().min(1).optional(),
  PRAXISREADY_ADMIN_EMAIL: z.email().optional(),
  PRAXISREADY_ADMIN_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
  PRAXISREADY_BOARD_CACHE_MS: z.coerce.number().int().nonnegative().default(1000),
  PRAXISREADY_SMTP_INTAKE_HOST: z.string().min(1).default('127.0.0.1'),
  PRAXISREADY_SMTP_INTAKE_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  PRAXISREADY_IMAP_URL: z
    .url()
    .regex(
      /^imaps?:\/\/[^/@]+(:\d+)?(\/.*)?$/,
      'must be imap://host[:port][/mailbox] or imaps://…, no credentials',
    )
    .optional(),
  PRAXISREADY_IMAP_USER: z.string().min(1).optional(),
  PRAXISREADY_IMAP_PASSWORD: z.string().min(1).optional(),
  PRAXISREADY_IMAP_POLL_SECONDS: z.coerce.number().int().min(1).default(60),
  PRAXISREADY_SMTP_URL: z
    .url()
    .regex(/^smtps?:\/\//, 'must be smtp://[user:password@]host[:port] or smtps://…')
    .optional(),
  PRAXISREADY_MAIL_FROM: z.email().optional(),
});
export type ServerEnv = z.input<typeof EnvSchema>;

export interface ServerConfig {
  host: string;
  port: number;
  /** Absolute data folder: PGlite data (when no DATABASE_URL) and artifact files. */
  dataDir: string;
  /** PostgreSQL connection; undefined = embedded PGlite in `dataDir/pglite`. */
  databaseUrl: string | undefined;
  /** PGlite in memory instead of `dataDir/pglite` (tests). */
  memoryDb: boolean;
  masterKey: Buffer;
  publicUrl: string;
  maxUploadBytes: number;
  sessionTtlMs: number;
  preinfoTtlMs: number;
  enrollmentTtlMs: number;
  rateLimitPerMinute: number;
  jobs: boolean;
  staticDir: string | undefined;
  boardCacheMs: number;
  /** First admin, created on start when the database has no users. */
  bootstrapAdmin: { email: string; password: string } | undefined;
  /** SMTP endpoint of the central mailbox; undefined = not started. */
  smtpIntake: { host: string; port: number } | undefined;
  /** IMAP mailbox polled by a pg-boss job; undefined = not polled. */
  imap: ImapConfig | undefined;
  /** Outgoing mail (invites); undefined = nothing is sent. */
  smtpOut: SmtpOutConfig | undefined;
  /** Sender of outgoing mail and organizer of invites. */
  mailFrom: string | undefined;
}

export interface ImapConfig {
  host: string;
  port: number;
  secure: boolean;
  mailbox: string;
  user: string;
  /** Never logged, never returned by the API. */
  password: string;
  intervalMs: number;
}

export interface SmtpOutConfig {
  host: string;
  port: number;
  secure: boolean;
  /** Never logged, never returned by the API. */
  auth: { user: string; pass: string } | undefined;
}

const HOUR = 3_600_000;

/** Validates an environment and returns the config, or throws CONFIG_INVALID naming every bad key. */
export function loadConfig(
  env: Record<string, string | undefined>,
  cwd: string = process.cwd(),
  overrides: Partial<ServerConfig> = {},
): ServerConfig {
  if (overrides.masterKey && !env.PRAXISREADY_MASTER_KEY) {
    // Tools that never decrypt (db backup/restore) pass a key, so the env need not hold one.
    env = { ...env, PRAXISREADY_MASTER_KEY: overrides.masterKey.toString('base64') };
  }
  const relevant = Object.fromEntries(
    Object.entries(env).filter(
      ([k, v]) => (k.startsWith('PRAXISREADY_') || k === 'DATABASE_URL') && v !== '',
    ),
  );
  const result = validateWith(EnvSchema, relevant);
  if (!result.success) {
    const keys = result.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
    throw new AppError('CONFIG_INVALID', `Invalid server configuration: ${keys.join('; ')}`, {
      issues: result.issues,
      hint: 'Umgebungsvariablen prüfen (siehe packages/server/README.md, Abschnitt Konfiguration).',
    });
  }
  const e = result.data;
  const mailIssues = [
    ...(e.PRAXISREADY_IMAP_URL && !(e.PRAXISREADY_IMAP_USER && e.PRAXISREADY_IMAP_PASSWORD)
      ? ['PRAXISREADY_IMAP_USER / PRAXISREADY_IMAP_PASSWORD: required with PRAXISREADY_IMAP_URL']
      : []),
    ...(e.PRAXISREADY_SMTP_URL && !e.PRAXISREADY_MAIL_FROM
      ? ['PRAXISREADY_MAIL_FROM: required with PRAXISREADY_SMTP_URL']
      : []),
  ];
  if (mailIssues.length > 0) {
    throw new AppError('CONFIG_INVALID', `Invalid server configuration: ${mailIssues.join('; ')}`, {
      hint: 'Umgebungsvariablen prüfen (siehe packages/server/README.md, Abschnitt Konfiguration).',
    });
  }
  const config: ServerConfig = {
    host: e.PRAXISREADY_HOST,
    port: e.PRAXISREADY_PORT,
    dataDir: resolve(cwd, e.PRAXISREADY_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    memoryDb: false,
    masterKey: Buffer.from(e.PRAXISREADY_MASTER_KEY, 'base64'),
    publicUrl: e.PRAXISREADY_PUBLIC_URL ?? `http://${e.PRAXISREADY_HOST}:${e.PRAXISREADY_PORT}`,
    maxUploadBytes: e.PRAXISREADY_MAX_UPLOAD_BYTES,
    sessionTtlMs: e.PRAXISREADY_SESSION_TTL_HOURS * HOUR,
    preinfoTtlMs: e.PRAXISREADY_PREINFO_TTL_DAYS * 24 * HOUR,
    enrollmentTtlMs: e.PRAXISREADY_ENROLLMENT_TTL_DAYS * 24 * HOUR,
    rateLimitPerMinute: e.PRAXISREADY_RATE_LIMIT_PER_MINUTE,
    jobs: e.PRAXISREADY_JOBS === 'on',
    staticDir: e.PRAXISREADY_STATIC_DIR === undefined ? undefined : resolve(cwd, e.PRAXISREADY_STATIC_DIR),
    boardCacheMs: e.PRAXISREADY_BOARD_CACHE_MS,
    bootstrapAdmin:
      e.PRAXISREADY_ADMIN_EMAIL && e.PRAXISREADY_ADMIN_PASSWORD
        ? { email: e.PRAXISREADY_ADMIN_EMAIL, password: e.PRAXISREADY_ADMIN_PASSWORD }
        : undefined,
    smtpIntake:
      e.PRAXISREADY_SMTP_INTAKE_PORT === undefined
        ? undefined
        : { host: e.PRAXISREADY_SMTP_INTAKE_HOST, port: e.PRAXISREADY_SMTP_INTAKE_PORT },
    imap: e.PRAXISREADY_IMAP_URL
      ? imapOf(
          e.PRAXISREADY_IMAP_URL,
          e.PRAXISREADY_IMAP_USER!,
          e.PRAXISREADY_IMAP_PASSWORD!,
          e.PRAXISREADY_IMAP_POLL_SECONDS,
        )
      : undefined,
    smtpOut: e.PRAXISREADY_SMTP_URL ? smtpOutOf(e.PRAXISREADY_SMTP_URL) : undefined,
    mailFrom: e.PRAXISREADY_MAIL_FROM,
    ...overrides,
  };
  return config;
}

function imapOf(url: string, user: string, password: string, pollSeconds: number): ImapConfig {
  const u = new URL(url);
  const secure = u.protocol === 'imaps:';
  const mailbox = decodeURIComponent(u.pathname.replace(/^\//, ''));
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    mailbox: mailbox || 'INBOX',
    user,
    password,
    intervalMs: pollSeconds * 1000,
  };
}

function smtpOutOf(url: string): SmtpOutConfig {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    auth: u.username
      ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }
      : undefined,
  };
}

/**
 * A config for tests: a random master key, port 0, jobs off, no board cache, PGlite in memory unless
 * `databaseUrl` is given.
 */
export function loadTestConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return loadConfig(
    {
      PRAXISREADY_MASTER_KEY: randomBytes(MASTER_KEY_BYTES).toString('base64'),
      PRAXISREADY_PORT: '0',
      PRAXISREADY_JOBS: 'off',
      PRAXISREADY_BOARD_CACHE_MS: '0',
      PRAXISREADY_DATA_DIR: resolve(
        process.env.TMPDIR ?? '/tmp',
        `praxisready-test-${randomBytes(6).toString('hex')}`,
      ),
    },
    process.cwd(),
    { memoryDb: true, ...overrides },
  );
}
