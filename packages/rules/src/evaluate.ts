import type { AuditSheet } from '@praxisready/model';
import { checks } from './checks/index.ts';
import { runChecks, type Evaluation } from './engine/evaluate.ts';
import type { Check } from './engine/types.ts';

export interface EvaluateOptions {
  /** Evaluation time ("expires within 90 days" is relative to it); inject it for reproducible results. */
  now: Date;
  /** Run a subset or an extended list instead of the full catalog. */
  checks?: readonly Check[];
}

/**
 * Evaluates a parsed audit sheet against every check: findings sorted by area, check id and subject, and the
 * scores of `computeScores`. Total (a throwing check becomes an `unknown` finding) and deterministic.
 *
 * @example
 * const { findings, scores } = evaluate(AuditSheetSchema.parse(json), { now: new Date() });
 */
export function evaluate(sheet: AuditSheet, options: EvaluateOptions): Evaluation {
  return runChecks(options.checks ?? checks, sheet, { now: options.now });
}
