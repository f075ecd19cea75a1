import { AuditSheetSchema } from '@praxisready/model';
import { evaluate, type Evaluation } from '@praxisready/rules';

export interface LiveResult {
  evaluation: Evaluation | null;
  /** Why the edited sheet does not parse (the server would reject it the same way): path and message. */
  issues: { path: string; message: string }[];
}

/**
 * Findings and scores of the sheet as edited, computed in the browser by the same rule engine the server runs.
 * When the edited sheet does not parse, `evaluation` is null and `issues` name the values at fault.
 */
export function liveEvaluate(sheet: unknown, now: Date): LiveResult {
  const parsed = AuditSheetSchema.safeParse(sheet);
  if (!parsed.success) {
    return {
      evaluation: null,
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    };
  }
  return { evaluation: evaluate(parsed.data, { now }), issues: [] };
}
