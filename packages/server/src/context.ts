import type { Finding, AuditSheet } from '@praxisready/model';
import type { ServerConfig } from './config/config.ts';
import type { Database, Db } from './db/connect.ts';
import type { ArtifactStore } from './artifacts/store.ts';
import type { PrincipalKind, Role } from './auth/permissions.ts';
import type { RateLimiter } from './http/rate-limit.ts';

/** Evaluates a sheet into findings (the rules package by default; injectable for tests). */
export type Evaluator = (sheet: AuditSheet, now: Date) => Finding[] | Promise<Finding[]>;

/** Background jobs; a no-op implementation runs the work inline (tests, `PRAXISREADY_JOBS=off`). */
export interface JobQueue {
  /** Schedules a follow-up reminder at `at`. */
  scheduleReminder(followupId: string, at: Date): Promise<void>;
}

/** Hooks another package (mail) plugs in: sending invites and reports. */
export interface Hooks {
  /** Called after an appointment is proposed; the mail package sends the iCalendar invite. */
  appointmentProposed?(event: { caseId: string; appointmentId: string }): Promise<void>;
}

/** Everything a service needs, created once per server. */
export interface AppContext {
  config: ServerConfig;
  database: Database;
  db: Db;
  store: ArtifactStore;
  jobs: JobQueue;
  hooks: Hooks;
  evaluate: Evaluator;
  now(): Date;
  limits: { login: RateLimiter; token: RateLimiter; badToken: RateLimiter };
  /** Resolved sessions by token hash, for at most 30 s (logout in this process removes the entry). */
  sessionCache: Map<string, { actor: Actor; until: number }>;
  /** Bumped after every committed write; read caches key on it. */
  writeVersion: { value: number };
}

/** Who does something: a user, a token holder, or the system (jobs, intake). */
export interface Actor {
  id: string | null;
  /** For the audit trail: e-mail of the user, or `preinfo-link:<id>`, `probe:<id>`, `system:<job>`. */
  label: string;
  kind: PrincipalKind | 'system';
  role: Role | undefined;
  /** Customer users see their customer's cases only. */
  customerId: string | null;
  /** Case a token principal is bound to. */
  caseId: string | null;
}

export function systemActor(name: string): Actor {
  return {
    id: null,
    label: `system:${name}`,
    kind: 'system',
    role: undefined,
    customerId: null,
    caseId: null,
  };
}
