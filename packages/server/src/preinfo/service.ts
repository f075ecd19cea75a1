import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../context.ts';
import { cases, preinfoLinks } from '../db/schema.ts';
import { recordAudit } from '../audit/trail.ts';
import { newToken, tokenHash } from '../auth/secrets-hash.ts';
import { autoTick, loadCase } from '../cases/service.ts';
import { conflict } from '../errors.ts';
import type { PreInfo } from './schema.ts';

export const PREINFO_TOKEN_PREFIX = 'prp';

/** Creates the practice's secure link; the token is shown once (for the mail), only its hash is stored. */
export async function createPreinfoLink(ctx: AppContext, actor: Actor, caseId: string) {
  const token = newToken(PREINFO_TOKEN_PREFIX);
  const id = randomUUID();
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.preinfoTtlMs);
  await ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, caseId);
    await tx
      .insert(preinfoLinks)
      .values({ id, caseId, tokenHash: tokenHash(token), createdBy: actor.label, expiresAt });
    await recordAudit(tx, actor, {
      action: 'preinfo.link_created',
      entityType: 'preinfo_link',
      entityId: id,
      caseId,
      after: { expiresAt },
    });
    await autoTick(tx, actor, caseId, 'preinfo_requested');
  });
  return {
    id,
    token,
    expiresAt: expiresAt.toISOString(),
    url: `${ctx.config.publicUrl}/vorab-info#${token}`,
  };
}

/** What the link holder sees: the form fields and when the link expires. Nothing else of the case. */
export async function readPreinfoForm(ctx: AppContext, actor: Actor) {
  const c = await loadCase(ctx.db, actor, actor.caseId ?? '');
  return { answers: (c.preinfo ?? {}) as PreInfo, submittedAt: c.preinfoSubmittedAt?.toISOString() ?? null };
}

export async function submitPreinfo(ctx: AppContext, actor: Actor, answers: PreInfo) {
  return ctx.db.transaction(async (tx) => {
    const c = await loadCase(tx, actor, actor.caseId ?? '');
    if (c.status !== 'open') {
      throw conflict('The case is closed');
    }
    const now = ctx.now();
    await tx
      .update(cases)
      .set({ preinfo: answers, preinfoSubmittedAt: now, updatedAt: now })
      .where(eq(cases.id, c.id));
    await recordAudit(tx, actor, {
      action: 'preinfo.submitted',
      entityType: 'case',
      entityId: c.id,
      caseId: c.id,
      before: { preinfo: c.preinfo },
      after: { preinfo: answers },
    });
    return { answers, submittedAt: now.toISOString() };
  });
}

export async function readPreinfo(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await loadCase(ctx.db, actor, caseId);
  const links = await ctx.db.select().from(preinfoLinks).where(eq(preinfoLinks.caseId, caseId));
  return {
    answers: c.preinfo ?? null,
    submittedAt: c.preinfoSubmittedAt?.toISOString() ?? null,
    links: links.map((l) => ({
      id: l.id,
      expiresAt: l.expiresAt.toISOString(),
      revokedAt: l.revokedAt?.toISOString() ?? null,
    })),
  };
}
