import { z } from 'zod';
import { TriStateSchema, sourced as s } from '../common/sourced.ts';

/** A person's answer to one checklist item (operations checklist, KBV requirement). */
export const ChecklistStatus = {
  done: 'done',
  partial: 'partial',
  open: 'open',
  not_applicable: 'not_applicable',
} as const;
export type ChecklistStatus = keyof typeof ChecklistStatus;

export const ChecklistAnswerSchema = s(
  z.object({ status: z.enum(ChecklistStatus), note: z.string().max(2000).optional() }),
);
export type ChecklistAnswer = z.infer<typeof ChecklistAnswerSchema>;

/** KBV IT-Sicherheitsrichtlinie: which Zielobjekte the practice uses and the assessment per requirement. */
export const KbvSectionSchema = z.object({
  /** Zielobjekt name (as in the catalog, e.g. "Smartphone und Tablet") → used in the practice? */
  zielobjekte: z.record(z.string().max(200), s(TriStateSchema)).default({}),
  /** Requirement id (e.g. "A1-05") → the technician's assessment. */
  requirements: z.record(z.string().max(20), ChecklistAnswerSchema).default({}),
});
export type KbvSection = z.infer<typeof KbvSectionSchema>;

/** Operations checklist (seed 001 §5) and emergency paths: item id → answer. */
export const OperationsSectionSchema = z.object({
  items: z.record(z.string().max(80), ChecklistAnswerSchema).default({}),
});

/** Quick checks (end of seed 000): symptoms the practice reports, by symptom id of the rules catalog. */
export const DiagnosticsSectionSchema = z.object({
  reportedSymptoms: s(z.array(z.string().max(80))).optional(),
});
