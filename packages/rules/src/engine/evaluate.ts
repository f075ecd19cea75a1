import { AuditArea, computeScores } from '@praxisready/model';
import type { AuditSheet, Finding, ScoreSummary } from '@praxisready/model';
import type { Check, CheckContext, Outcome } from './types.ts';
import { t } from './helpers.ts';

export interface EvaluateOptions {
  /** Evaluation time; injected so that results are reproducible. */
  now: Date;
  /** The checks to run; defaults to the full catalog (`checks`). */
  checks?: readonly Check[];
}

export interface Evaluation {
  findings: Finding[];
  scores: ScoreSummary;
}

const AREA_ORDER = new Map(Object.keys(AuditArea).map((a, i) => [a, i]));

/** Deterministic order: area (catalog order of AuditArea), check id, subject. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (AREA_ORDER.get(a.area) ?? 99) - (AREA_ORDER.get(b.area) ?? 99) ||
    cmp(a.checkId, b.checkId) ||
    cmp(a.subject ?? '', b.subject ?? '')
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toFinding(check: Check, o: Outcome): Finding {
  const failing = o.status === 'fail' || o.status === 'warn';
  const remediation = failing ? (o.remediation ?? check.remediation) : undefined;
  const kbvRefs = [...new Set([...(check.kbvRefs ?? []), ...(o.kbvRefs ?? [])])];
  return {
    checkId: check.id,
    ...(o.subject === undefined ? {} : { subject: o.subject }),
    area: check.area,
    status: o.status,
    severity: check.severity,
    title: o.title ?? check.title,
    explanation: o.explanation,
    ...(remediation ? { remediation } : {}),
    evidence: o.evidence ?? [],
    ...(failing && check.offerItem ? { offerItem: check.offerItem } : {}),
    kbvRefs,
    reference: check.reference,
  };
}

/** Runs one check; a check that throws or returns nothing yields an `unknown` finding (evaluation is total). */
function runCheck(check: Check, ctx: CheckContext): Finding[] {
  try {
    const applies = check.appliesTo ? check.appliesTo(ctx) : true;
    if (applies !== true) {
      return [toFinding(check, { status: 'not_applicable', explanation: applies, evidence: [] })];
    }
    const outcomes = check.run(ctx);
    if (outcomes.length === 0) {
      return [
        toFinding(check, {
          status: 'unknown',
          explanation: t('Keine Daten für diese Prüfung.', 'No data for this check.'),
        }),
      ];
    }
    return outcomes.map((o) => toFinding(check, o));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return [
      toFinding(check, {
        status: 'unknown',
        explanation: t(
          `Prüfung konnte nicht ausgewertet werden (interner Fehler: ${message}).`,
          `Check could not be evaluated (internal error: ${message}).`,
        ),
      }),
    ];
  }
}

/**
 * Evaluates a parsed audit sheet against every check and scores the result. Total: never throws for a
 * schema-valid sheet; deterministic for a given sheet and `now`.
 */
export function runChecks(checks: readonly Check[], sheet: AuditSheet, options: { now: Date }): Evaluation {
  const now = Number.isNaN(options.now.getTime()) ? new Date(0) : options.now;
  const today = now.toISOString().slice(0, 10);
  const stages = [0, 1] as const;
  const findings: Finding[] = [];
  for (const stage of stages) {
    const ctx: CheckContext = { sheet, now, today, priorFindings: [...findings] };
    for (const check of checks) {
      if ((check.stage ?? 0) === stage) {
        findings.push(...runCheck(check, ctx));
      }
    }
  }
  findings.sort(compareFindings);
  return { findings, scores: computeScores(findings) };
}
