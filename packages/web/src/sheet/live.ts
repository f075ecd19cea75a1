import { AuditSheetSchema } from '@praxisready/model';
import { evaluate, type Evaluation } from '@praxisready/rules';

/**
 * Findings and scores of the sheet as edited, computed in the browser by the same rule engine the server runs.
 * Returns null when the edited sheet does not parse (the editor then shows the server's last findings).
 */
export function liveEvaluate(sheet: unknown, now: Date): Evaluation | null {
  const parsed = AuditSheetSchema.safeParse(sheet);
  return parsed.success ? evaluate(parsed.data, { now }) : null;
}
