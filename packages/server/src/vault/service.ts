import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../context.ts';
import { secrets } from '../db/schema.ts';
import { recordAudit } from '../audit/trail.ts';
import { loadCase } from '../cases/service.ts';
import { forbidden, notFound } from '../errors.ts';
import { SECRET_REVEAL_DEFAULT, type Role } from '../auth/permissions.ts';
import { open, seal } from './envelope.ts';

/** Credentials the practice provides (seed 000 RACI: Kunde A für Zugänge). */
export const SecretKind = {
  windows: 'windows',
  pvs: 'pvs',
  konnektor: 'konnektor',
  ti_gateway: 'ti_gateway',
  firewall: 'firewall',
  router: 'router',
  other: 'other',
} as const;
export type SecretKind = keyof typeof SecretKind;

function meta(s: typeof secrets.$inferSelect) {
  return {
    id: s.id,
    kind: s.kind,
    label: s.label,
    allowedRoles: s.allowedRoles as Role[],
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
  };
}

export async function storeSecret(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: { kind: SecretKind; label: string; value: string; allowedRoles?: Role[] | undefined },
) {
  const id = randomUUID();
  const sealed = seal(ctx.config.masterKey, id, input.value);
  const allowedRoles = input.allowedRoles ?? [...SECRET_REVEAL_DEFAULT];
  return ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, caseId);
    const row = (
      await tx
        .insert(secrets)
        .values({
          id,
          caseId,
          kind: input.kind,
          label: input.label,
          allowedRoles,
          ...sealed,
          createdBy: actor.label,
        })
        .returning()
    )[0]!;
    await recordAudit(tx, actor, {
      action: 'secret.stored',
      entityType: 'secret',
      entityId: id,
      caseId,
      after: meta(row),
    });
    return meta(row);
  });
}

export async function listSecrets(ctx: AppContext, actor: Actor, caseId: string) {
  await loadCase(ctx.db, actor, caseId);
  const rows = await ctx.db
    .select()
    .from(secrets)
    .where(eq(secrets.caseId, caseId))
    .orderBy(asc(secrets.createdAt));
  return rows.map(meta);
}

/** Decrypts one secret for a role the secret allows (admin always); every read (and refusal) is audited. */
export async function revealSecret(ctx: AppContext, actor: Actor, caseId: string, secretId: string) {
  const outcome = await ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, caseId);
    const row = (
      await tx
        .select()
        .from(secrets)
        .where(and(eq(secrets.id, secretId), eq(secrets.caseId, caseId)))
    )[0];
    if (!row) {
      throw notFound('Secret');
    }
    const allowed = row.allowedRoles as Role[];
    if (actor.role !== 'admin' && !(actor.role && allowed.includes(actor.role))) {
      return { kind: 'denied', denied: allowed, label: row.label } as const;
    }
    await recordAudit(tx, actor, {
      action: 'secret.read',
      entityType: 'secret',
      entityId: secretId,
      caseId,
      after: { label: row.label },
    });
    return { kind: 'ok', secret: { ...meta(row), value: open(ctx.config.masterKey, row.id, row) } } as const;
  });
  if (outcome.kind === 'denied') {
    // Outside the read transaction so the refusal is kept although the request fails.
    await recordAudit(ctx.db, actor, {
      action: 'secret.read_denied',
      entityType: 'secret',
      entityId: secretId,
      caseId,
      after: { label: outcome.label },
    });
    throw forbidden(`This secret may be read by ${['admin', ...outcome.denied].join(', ')}`);
  }
  return outcome.secret;
}
