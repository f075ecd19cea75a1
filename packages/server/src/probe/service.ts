import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError, FactsDocumentSchema, sheetFromFacts, validateWith } from '@praxisready/model';
import type { Actor, AppContext } from '../context.ts';
import { probeEnrollments, probeUploads } from '../db/schema.ts';
import { recordAudit } from '../audit/trail.ts';
import { newToken, tokenHash } from '../auth/secrets-hash.ts';
import { conflict } from '../errors.ts';
import { autoTick, loadCase } from '../cases/service.ts';
import { conflictDto, readSheet, saveSheet } from '../sheets/service.ts';
import { mergeSheets } from './merge.ts';
import { sheetConflicts } from '../db/schema.ts';

export const PROBE_TOKEN_PREFIX = 'pre';

/** Creates a per-case enrollment token for the probe; the token is shown once, only its hash is stored. */
export async function createEnrollment(ctx: AppContext, actor: Actor, caseId: string) {
  const token = newToken(PROBE_TOKEN_PREFIX);
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.enrollmentTtlMs);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, caseId);
    await tx
      .insert(probeEnrollments)
      .values({ id, caseId, tokenHash: tokenHash(token), createdBy: actor.label, expiresAt });
    await recordAudit(tx, actor, {
      action: 'probe.enrolled',
      entityType: 'probe_enrollment',
      entityId: id,
      caseId,
      after: { expiresAt },
    });
  });
  return {
    id,
    token,
    expiresAt: expiresAt.toISOString(),
    uploadUrl: `${ctx.config.publicUrl}/api/probe/uploads`,
  };
}

/**
 * Takes a facts document from the probe. Idempotent by `documentId`: the same document again returns the first
 * result; a different document under the same id is a conflict. Facts are merged into the sheet with their
 * source; person values are kept and conflicts returned; findings are recomputed in the same transaction.
 */
export async function uploadFacts(ctx: AppContext, actor: Actor, body: unknown) {
  const caseId = actor.caseId;
  if (actor.kind !== 'probe_token' || !caseId) {
    throw new AppError('FORBIDDEN', 'Uploads need a probe enrollment token');
  }
  const parsed = validateWith(FactsDocumentSchema, body);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'Not a valid facts document', { issues: parsed.issues });
  }
  const facts = parsed.data;
  if (facts.caseId && facts.caseId !== caseId) {
    throw conflict('The facts document names another case than the enrollment token');
  }
  const sha = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  return ctx.db.transaction(async (tx) => {
    const c = await loadCase(tx, actor, caseId);
    const existing = (
      await tx.select().from(probeUploads).where(eq(probeUploads.documentId, facts.documentId))
    )[0];
    if (existing) {
      if (existing.caseId !== caseId || existing.contentSha256 !== sha) {
        throw conflict(`Document ${facts.documentId} was already uploaded with other content`);
      }
      return { ...(existing.result as UploadResult), duplicate: true };
    }
    const { sheet } = await readSheet(tx, c);
    const practice = sheet.practice as Parameters<typeof sheetFromFacts>[1] extends infer O
      ? O extends { practice?: infer P }
        ? P
        : never
      : never;
    const incoming = sheetFromFacts(facts, { practice }) as Record<string, unknown>;
    const merged = mergeSheets(sheet, incoming);
    const sourceRef = `probe:${facts.documentId}`;
    const saved = await saveSheet(ctx, tx, actor, c, merged.sheet, {
      conflicts: merged.conflicts,
      sourceRef,
      action: 'sheet.probe_merged',
    });
    const openConflicts = await tx
      .select()
      .from(sheetConflicts)
      .where(eq(sheetConflicts.sourceRef, sourceRef));
    const result: UploadResult = {
      documentId: facts.documentId,
      caseId,
      revision: saved.revision,
      applied: merged.applied,
      conflicts: openConflicts.map(conflictDto),
      findings: saved.findings,
      overallScore: saved.scores.overall.score,
      duplicate: false,
    };
    await tx.insert(probeUploads).values({
      documentId: facts.documentId,
      caseId,
      enrollmentId: actor.id ?? 'unknown',
      contentSha256: sha,
      facts: body,
      result,
    });
    await recordAudit(tx, actor, {
      action: 'probe.uploaded',
      entityType: 'probe_upload',
      entityId: facts.documentId,
      caseId,
      after: { applied: merged.applied, conflicts: merged.conflicts.length, findings: saved.findings },
    });
    await autoTick(tx, actor, caseId, 'probe_uploaded');
    return result;
  });
}

export interface UploadResult {
  documentId: string;
  caseId: string;
  revision: number;
  applied: number;
  conflicts: ReturnType<typeof conflictDto>[];
  findings: number;
  overallScore: number | null;
  duplicate: boolean;
}
