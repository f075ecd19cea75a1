import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../context.ts';
import type { DbOrTx } from '../db/connect.ts';
import { auditEvents } from '../db/schema.ts';

export interface AuditEventInput {
  action: string;
  entityType: string;
  entityId: string;
  caseId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Keys whose values never enter the audit trail (secrets, token hashes, password hashes). */
const REDACT = new Set([
  'passwordHash',
  'tokenHash',
  'wrappedKey',
  'ciphertext',
  'iv',
  'tag',
  'value',
  'token',
]);

function redact(v: unknown, inSecret: boolean): unknown {
  if (Array.isArray(v)) {
    return v.map((x) => redact(x, inSecret));
  }
  if (v instanceof Date) {
    return v.toISOString();
  }
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) {
    return '[bytes]';
  }
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [
        k,
        REDACT.has(k) && (inSecret || k !== 'value') ? '[redacted]' : redact(x, inSecret),
      ]),
    );
  }
  return v;
}

/**
 * Records who changed what, with before/after, in the caller's transaction: the change and its audit event
 * commit together or not at all.
 */
export async function recordAudit(tx: DbOrTx, actor: Actor, e: AuditEventInput): Promise<void> {
  const inSecret = e.entityType === 'secret' || e.entityType === 'session' || e.entityType === 'user';
  await tx.insert(auditEvents).values({
    actorId: actor.id,
    actorLabel: actor.label,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    caseId: e.caseId ?? null,
    before: e.before === undefined ? null : redact(e.before, inSecret),
    after: e.after === undefined ? null : redact(e.after, inSecret),
  });
}

export async function caseAuditTrail(db: DbOrTx, caseId: string) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.caseId, caseId))
    .orderBy(asc(auditEvents.id));
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorLabel,
    actorId: r.actorId,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  }));
}
