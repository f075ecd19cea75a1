import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Actor, AppContext } from '../context.ts';
import { followups, logbookEntries } from '../db/schema.ts';
import { recordAudit } from '../audit/trail.ts';
import { indexDoc } from '../search/index-docs.ts';
import { notFound } from '../errors.ts';
import { loadCase } from './service.ts';

function entryDto(e: typeof logbookEntries.$inferSelect) {
  return {
    id: e.id,
    text: e.text,
    status: e.status,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
    resolvedBy: e.resolvedBy,
    resolvedAt: e.resolvedAt?.toISOString() ?? null,
  };
}

/** The logbook of open points of a case (seed 000 step 8: "Offene Punkte in Logbuch pflegen"). */
export async function listLogbook(ctx: AppContext, actor: Actor, caseId: string) {
  await loadCase(ctx.db, actor, caseId);
  const rows = await ctx.db
    .select()
    .from(logbookEntries)
    .where(eq(logbookEntries.caseId, caseId))
    .orderBy(asc(logbookEntries.createdAt));
  return rows.map(entryDto);
}

export async function addLogbookEntry(ctx: AppContext, actor: Actor, caseId: string, text: string) {
  return ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, caseId);
    const row = (
      await tx
        .insert(logbookEntries)
        .values({ id: randomUUID(), caseId, text, createdBy: actor.label })
        .returning()
    )[0]!;
    await recordAudit(tx, actor, {
      action: 'logbook.added',
      entityType: 'logbook_entry',
      entityId: row.id,
      caseId,
      after: row,
    });
    await indexDoc(tx, { kind: 'note', refId: row.id, caseId, title: 'Logbuch', body: text });
    return entryDto(row);
  });
}

export async function resolveLogbookEntry(ctx: AppContext, actor: Actor, caseId: string, entryId: string) {
  return ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, caseId);
    const before = (
      await tx
        .select()
        .from(logbookEntries)
        .where(and(eq(logbookEntries.id, entryId), eq(logbookEntries.caseId, caseId)))
    )[0];
    if (!before) {
      throw notFound('Logbook entry');
    }
    const after = (
      await tx
        .update(logbookEntries)
        .set({ status: 'resolved', resolvedBy: actor.label, resolvedAt: new Date() })
        .where(eq(logbookEntries.id, entryId))
        .returning()
    )[0]!;
    await recordAudit(tx, actor, {
      action: 'logbook.resolved',
      entityType: 'logbook_entry',
      entityId: entryId,
      caseId,
      before,
      after,
    });
    return entryDto(after);
  });
}

export function followupDto(f: typeof followups.$inferSelect) {
  return {
    id: f.id,
    title: f.title,
    dueAt: f.dueAt.toISOString(),
    remindAt: f.remindAt?.toISOString() ?? null,
    assigneeId: f.assigneeId,
    doneAt: f.doneAt?.toISOString() ?? null,
    remindedAt: f.remindedAt?.toISOString() ?? null,
    createdBy: f.createdBy,
  };
}

export async function listFollowups(ctx: AppContext, actor: Actor, caseId: string) {
  await loadCase(ctx.db, actor, caseId);
  const rows = await ctx.db
    .select()
    .from(followups)
    .where(eq(followups.caseId, caseId))
    .orderBy(asc(followups.dueAt));
  return rows.map(followupDto);
}

/** A follow-up task with a due date; with `remindAt` a reminder job is scheduled. */
export async function addFollowup(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  f: { title: string; dueAt: string; remindAt?: string | undefined; assigneeId?: string | undefined },
) {
  const row = await ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, caseId);
    const inserted = (
      await tx
        .insert(followups)
        .values({
          id: randomUUID(),
          caseId,
          title: f.title,
          dueAt: new Date(f.dueAt),
          remindAt: f.remindAt ? new Date(f.remindAt) : null,
          assigneeId: f.assigneeId ?? null,
          createdBy: actor.label,
        })
        .returning()
    )[0]!;
    await recordAudit(tx, actor, {
      action: 'followup.created',
      entityType: 'followup',
      entityId: inserted.id,
      caseId,
      after: inserted,
    });
    await indexDoc(tx, { kind: 'note', refId: inserted.id, caseId, title: 'Follow-up', body: f.title });
    return inserted;
  });
  if (row.remindAt) {
    await ctx.jobs.scheduleReminder(row.id, row.remindAt);
  }
  return followupDto(row);
}

export async function completeFollowup(ctx: AppContext, actor: Actor, caseId: string, id: string) {
  return ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, caseId);
    const before = (
      await tx
        .select()
        .from(followups)
        .where(and(eq(followups.id, id), eq(followups.caseId, caseId)))
    )[0];
    if (!before) {
      throw notFound('Follow-up');
    }
    const after = (
      await tx.update(followups).set({ doneAt: new Date() }).where(eq(followups.id, id)).returning()
    )[0]!;
    await recordAudit(tx, actor, {
      action: 'followup.done',
      entityType: 'followup',
      entityId: id,
      caseId,
      before,
      after,
    });
    return followupDto(after);
  });
}

/**
 * Marks a due reminder as sent (the job's work). Idempotent: a reminder fires once, and never for a done task.
 * Returns true when it fired.
 */
export async function fireReminder(
  ctx: AppContext,
  actor: Actor,
  followupId: string,
  now: Date,
): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const r = await tx
      .update(followups)
      .set({ remindedAt: now })
      .where(and(eq(followups.id, followupId), isNull(followups.remindedAt), isNull(followups.doneAt)))
      .returning();
    const f = r[0];
    if (!f) {
      return false;
    }
    await recordAudit(tx, actor, {
      action: 'followup.reminded',
      entityType: 'followup',
      entityId: f.id,
      caseId: f.caseId,
      after: { title: f.title, dueAt: f.dueAt, assigneeId: f.assigneeId },
    });
    return true;
  });
}
