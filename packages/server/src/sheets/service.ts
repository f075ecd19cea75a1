import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import {
  AUDIT_SHEET_KIND,
  AUDIT_SHEET_SCHEMA_VERSION,
  AppError,
  AuditSheetSchema,
  computeScores,
  validateWith,
  type AuditSheet,
} from '@praxisready/model';
import type { Actor, AppContext } from '../context.ts';
import type { DbOrTx } from '../db/connect.ts';
import { cases, customers, findings, sheetConflicts, sheets } from '../db/schema.ts';
import { recordAudit } from '../audit/trail.ts';
import { indexDoc, textOf } from '../search/index-docs.ts';
import { conflict, notFound } from '../errors.ts';
import { autoTick, loadCase, type CaseRow, type IntakeData } from '../cases/service.ts';
import type { MergeConflict } from '../probe/merge.ts';
import { stampSheet } from './stamp.ts';
import { reconcileRemovedRows } from './removed-rows.ts';

/** A new, empty sheet for a case: practice from the linked customer, or from what intake extracted. */
async function emptySheet(tx: DbOrTx, c: CaseRow): Promise<Record<string, unknown>> {
  const cust = c.customerId
    ? (await tx.select().from(customers).where(eq(customers.id, c.customerId)))[0]
    : undefined;
  return {
    kind: AUDIT_SHEET_KIND,
    schemaVersion: AUDIT_SHEET_SCHEMA_VERSION,
    id: `sheet-${c.id}`,
    caseId: c.id,
    stage: c.stage,
    practice: {
      id: cust?.id ?? 'unknown',
      name: cust?.name ?? (c.intake as IntakeData).practiceName ?? c.title,
      contacts: [],
    },
  };
}

/** The case's sheet as stored (parsed with defaults) and its revision. */
export async function readSheet(
  tx: DbOrTx,
  c: CaseRow,
): Promise<{ sheet: Record<string, unknown>; revision: number }> {
  const row = (await tx.select().from(sheets).where(eq(sheets.caseId, c.id)))[0];
  if (!row) {
    return { sheet: await emptySheet(tx, c), revision: 0 };
  }
  return { sheet: row.data as Record<string, unknown>, revision: row.revision };
}

export async function getSheet(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await loadCase(ctx.db, actor, caseId);
  const { sheet, revision } = await readSheet(ctx.db, c);
  const open = await ctx.db
    .select()
    .from(sheetConflicts)
    .where(and(eq(sheetConflicts.caseId, caseId), isNull(sheetConflicts.resolvedAt)))
    .orderBy(asc(sheetConflicts.createdAt));
  return { revision, sheet, conflicts: open.map(conflictDto) };
}

export function conflictDto(k: typeof sheetConflicts.$inferSelect) {
  return {
    id: k.id,
    path: k.path,
    kept: k.kept,
    incoming: k.incoming,
    sourceRef: k.sourceRef,
    createdAt: k.createdAt.toISOString(),
  };
}

/** Validates and stores a sheet, records conflicts, recomputes findings; all in the caller's transaction. */
export async function saveSheet(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  c: CaseRow,
  data: unknown,
  opts: {
    expectedRevision?: number | undefined;
    conflicts?: MergeConflict[];
    sourceRef?: string;
    action: string;
  },
) {
  const parsed = validateWith(AuditSheetSchema, data);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'The audit sheet does not match its schema', {
      issues: parsed.issues,
    });
  }
  const sheet = { ...parsed.data, caseId: c.id };
  const current = (await tx.select().from(sheets).where(eq(sheets.caseId, c.id)).for('update'))[0];
  const revision = current?.revision ?? 0;
  if (opts.expectedRevision !== undefined && opts.expectedRevision !== revision) {
    throw conflict(`Sheet revision is ${revision}, not ${opts.expectedRevision}: reload and apply again`, {
      revision,
    });
  }
  const next = revision + 1;
  sheet.revision = next;
  sheet.removedRows = reconcileRemovedRows(current?.data, sheet, {
    at: ctx.now().toISOString(),
    by: actor.label,
  });
  if (current) {
    await tx
      .update(sheets)
      .set({ data: sheet, revision: next, updatedAt: new Date(), updatedBy: actor.label })
      .where(eq(sheets.caseId, c.id));
  } else {
    await tx.insert(sheets).values({ caseId: c.id, data: sheet, revision: next, updatedBy: actor.label });
  }
  for (const k of opts.conflicts ?? []) {
    await tx.insert(sheetConflicts).values({
      id: randomUUID(),
      caseId: c.id,
      path: k.path,
      kept: k.kept,
      incoming: k.incoming,
      sourceRef: opts.sourceRef ?? actor.label,
    });
  }
  await recordAudit(tx, actor, {
    action: opts.action,
    entityType: 'sheet',
    entityId: c.id,
    caseId: c.id,
    before: current ? { revision, data: current.data } : null,
    after: { revision: next, data: sheet, conflicts: opts.conflicts?.length ?? 0 },
  });
  await indexDoc(tx, {
    kind: 'sheet',
    refId: c.id,
    caseId: c.id,
    title: `Audit-Sheet #${c.number}`,
    body: textOf(sheet).join(' '),
  });
  const result = await recomputeFindings(ctx, tx, actor, c, sheet);
  return { revision: next, ...result };
}

/** Replaces the case's findings with a fresh evaluation and stores the scores on the case. */
export async function recomputeFindings(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  c: CaseRow,
  sheet: AuditSheet,
) {
  const now = ctx.now();
  const list = await ctx.evaluate(sheet, now);
  await tx.delete(findings).where(eq(findings.caseId, c.id));
  const BATCH = 500;
  for (let i = 0; i < list.length; i += BATCH) {
    await tx.insert(findings).values(
      list.slice(i, i + BATCH).map((f) => ({
        caseId: c.id,
        checkId: f.checkId,
        subject: f.subject ?? null,
        area: f.area,
        status: f.status,
        severity: f.severity,
        data: f,
        computedAt: now,
      })),
    );
  }
  const scores = computeScores(list);
  await tx.update(cases).set({ scores, updatedAt: now }).where(eq(cases.id, c.id));
  const failing = list.filter((f) => f.status === 'fail' || f.status === 'warn');
  await indexDoc(tx, {
    kind: 'findings',
    refId: c.id,
    caseId: c.id,
    title: `Befunde #${c.number}`,
    body: failing.map((f) => `${f.title.de}. ${f.explanation.de} ${f.remediation?.de ?? ''}`).join('\n'),
  });
  await recordAudit(tx, actor, {
    action: 'findings.recomputed',
    entityType: 'findings',
    entityId: c.id,
    caseId: c.id,
    after: { count: list.length, overall: scores.overall.score },
  });
  return { findings: list.length, scores };
}

/** Person edits: a whole sheet (values must carry their source), with optimistic revision check. */
export async function putSheet(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  data: unknown,
  expectedRevision: number,
) {
  return ctx.db.transaction(async (tx) => {
    const c = await loadCase(tx, actor, caseId);
    const { sheet: before } = await readSheet(tx, c);
    const stamped = stampSheet(before, data, { at: ctx.now().toISOString(), by: actor.label });
    const r = await saveSheet(ctx, tx, actor, c, stamped, { expectedRevision, action: 'sheet.saved' });
    await autoTick(tx, actor, caseId, 'sheet_saved');
    return r;
  });
}

/** Sets single values as person-entered: `{ path: 'network.gateway', value: '192.168.1.1' }`. */
export async function patchSheet(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  set: { path: string; value: unknown }[],
  expectedRevision: number,
) {
  return ctx.db.transaction(async (tx) => {
    const c = await loadCase(tx, actor, caseId);
    const { sheet } = await readSheet(tx, c);
    const at = ctx.now().toISOString();
    for (const s of set) {
      setAtPath(sheet, s.path, { value: s.value, source: 'person', at, by: actor.label });
    }
    const r = await saveSheet(ctx, tx, actor, c, sheet, { expectedRevision, action: 'sheet.patched' });
    await autoTick(tx, actor, caseId, 'sheet_saved');
    return r;
  });
}

/** Resolves a conflict: keep the person's value, or take the incoming (probe) value. */
export async function resolveConflict(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  conflictId: string,
  take: 'kept' | 'incoming',
) {
  return ctx.db.transaction(async (tx) => {
    const c = await loadCase(tx, actor, caseId);
    const k = (
      await tx
        .select()
        .from(sheetConflicts)
        .where(and(eq(sheetConflicts.id, conflictId), eq(sheetConflicts.caseId, caseId)))
    )[0];
    if (!k) {
      throw notFound('Conflict');
    }
    if (k.resolvedAt) {
      throw conflict('Conflict already resolved');
    }
    await tx
      .update(sheetConflicts)
      .set({ resolvedAt: new Date(), resolvedBy: actor.label, resolution: take })
      .where(eq(sheetConflicts.id, conflictId));
    if (take === 'incoming') {
      const { sheet } = await readSheet(tx, c);
      setAtPath(sheet, k.path, k.incoming);
      await saveSheet(ctx, tx, actor, c, sheet, { action: 'sheet.conflict_resolved' });
    } else {
      await recordAudit(tx, actor, {
        action: 'sheet.conflict_resolved',
        entityType: 'sheet_conflict',
        entityId: conflictId,
        caseId,
        after: { path: k.path, take },
      });
    }
    return { id: conflictId, resolution: take };
  });
}

/** Path syntax of merge conflicts: `a.b`, array items by id `machines[PC-1].ramGb`. */
export function setAtPath(target: Record<string, unknown>, path: string, value: unknown): void {
  type Seg = { key: string } | { id: string };
  const segs: Seg[] = [...path.matchAll(/\[([^\]]+)\]|([^.[\]]+)/g)].map((m) =>
    m[1] !== undefined ? { id: m[1] } : { key: m[2]! },
  );
  if (segs.length === 0) {
    throw new AppError('VALIDATION_FAILED', `Invalid path ${path}`);
  }
  let node: unknown = target;
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if ('key' in seg) {
      const obj = node as Record<string, unknown>;
      if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
        throw new AppError('VALIDATION_FAILED', `Path ${path} does not lead to an object`);
      }
      if (last) {
        obj[seg.key] = value;
      } else {
        const nextIsId = segs[i + 1] && 'id' in segs[i + 1]!;
        obj[seg.key] ??= nextIsId ? [] : {};
        node = obj[seg.key];
      }
    } else {
      const arr = node as { id?: unknown }[];
      if (!Array.isArray(arr)) {
        throw new AppError('VALIDATION_FAILED', `Path ${path} does not lead to a list`);
      }
      let item = arr.find((x) => x.id === seg.id);
      if (!item) {
        item = { id: seg.id };
        arr.push(item);
      }
      if (last) {
        Object.assign(item, value);
      } else {
        node = item;
      }
    }
  });
}

export async function listFindings(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await loadCase(ctx.db, actor, caseId);
  const rows = await ctx.db
    .select()
    .from(findings)
    .where(eq(findings.caseId, caseId))
    .orderBy(asc(findings.id));
  return { scores: c.scores, findings: rows.map((r) => r.data) };
}
