import { z } from 'zod';
import type { Severity } from './finding.ts';
import { AuditArea, AuditAreaSchema, FindingStatus, type Finding } from './finding.ts';

/**
 * Weight of a decided finding by severity. A critical failure costs 8× an info-level one.
 */
export const SEVERITY_WEIGHT: Record<Severity, number> = {
  critical: 8,
  high: 4,
  medium: 2,
  low: 1,
  info: 0.5,
};

/** Credit a status earns, as a fraction of its weight. Only pass, warn and fail are decided. */
const CREDIT = { pass: 1, warn: 0.5, fail: 0 } as const;

export const StatusCountsSchema = z.object(
  Object.fromEntries(Object.keys(FindingStatus).map((k) => [k, z.number().int().nonnegative()])) as Record<
    FindingStatus,
    z.ZodNumber
  >,
);
export type StatusCounts = Record<FindingStatus, number>;

export const AreaScoreSchema = z.object({
  area: AuditAreaSchema.or(z.literal('overall')),
  /** 0–100, or null when no finding of the area was decided (all n/a, manual or unknown). */
  score: z.number().min(0).max(100).nullable(),
  counts: StatusCountsSchema,
  /** Share of applicable findings that are decided (pass/warn/fail), 0–1; null when nothing is applicable. */
  coverage: z.number().min(0).max(1).nullable(),
});
export type AreaScore = z.infer<typeof AreaScoreSchema>;

export const ScoreSummarySchema = z.object({ overall: AreaScoreSchema, areas: z.array(AreaScoreSchema) });
export type ScoreSummary = z.infer<typeof ScoreSummarySchema>;

function emptyCounts(): StatusCounts {
  return { pass: 0, fail: 0, warn: 0, not_applicable: 0, manual: 0, unknown: 0 };
}

function scoreOf(area: AuditArea | 'overall', findings: readonly Finding[]): AreaScore {
  const counts = emptyCounts();
  let weight = 0;
  let credit = 0;
  for (const f of findings) {
    counts[f.status]++;
    if (f.status === 'pass' || f.status === 'warn' || f.status === 'fail') {
      const w = SEVERITY_WEIGHT[f.severity];
      weight += w;
      credit += w * CREDIT[f.status];
    }
  }
  const decided = counts.pass + counts.warn + counts.fail;
  const applicable = findings.length - counts.not_applicable;
  return {
    area,
    score: weight === 0 ? null : Math.round((1000 * credit) / weight) / 10,
    counts,
    coverage: applicable === 0 ? null : Math.round((1000 * decided) / applicable) / 1000,
  };
}

/**
 * Scores per area and overall.
 *
 * Formula: score = 100 × Σ(weight × credit) / Σ(weight) over the decided findings (pass, warn, fail),
 * with weight by severity ({@link SEVERITY_WEIGHT}) and credit pass = 1, warn = 0.5, fail = 0.
 * not_applicable, manual and unknown findings are kept apart: they do not count as failures and do not enter
 * the score; `coverage` = decided / (all − not_applicable) says how much of the area could be judged.
 * Overall uses the same formula over all findings, so an area with many heavy checks weighs more.
 */
export function computeScores(findings: readonly Finding[]): ScoreSummary {
  const byArea = new Map<AuditArea, Finding[]>();
  for (const f of findings) {
    const list = byArea.get(f.area) ?? [];
    list.push(f);
    byArea.set(f.area, list);
  }
  const areas = (Object.keys(AuditArea) as AuditArea[])
    .filter((a) => byArea.has(a))
    .map((a) => scoreOf(a, byArea.get(a) ?? []));
  return { overall: scoreOf('overall', findings), areas };
}
