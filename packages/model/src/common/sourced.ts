import { z } from 'zod';

/**
 * Where a value of the audit sheet comes from: measured by the probe, entered by a person, or imported
 * (central sheet, pre-information form). Rules treat all three alike; the UI and the report show the source.
 */
export const ValueSource = {
  /** Measured by `praxisready probe` on a practice PC. */
  probe: 'probe',
  /** Entered or confirmed by a person (technician, helpdesk, the practice itself). */
  person: 'person',
  /** Imported from a file or form (central XLSX sheet, pre-information form). */
  import: 'import',
} as const;
export type ValueSource = keyof typeof ValueSource;
export const ValueSourceSchema = z.enum(ValueSource);

/** An ISO 8601 timestamp with offset, e.g. `2026-11-23T09:30:00Z`. */
export const TimestampSchema = z.iso.datetime({ offset: true });
/** An ISO 8601 calendar date, e.g. `2026-11-23`. */
export const DateSchema = z.iso.date();

/**
 * A value with its provenance. Every value of the audit sheet is one of these: the value, who or what
 * produced it, when, and optionally a reference to evidence (a screenshot artifact, a facts document path).
 */
export function sourced<T extends z.ZodType>(value: T) {
  return z.object({
    value,
    source: ValueSourceSchema,
    at: TimestampSchema,
    /** Evidence reference: an artifact id or a path into a facts document (e.g. `facts:system.ramGb`). */
    evidence: z.string().max(1000).optional(),
    /** Who entered it (user name) or which collector measured it. */
    by: z.string().max(200).optional(),
  });
}

/** The TypeScript shape of a sourced value. */
export interface Sourced<T> {
  value: T;
  source: ValueSource;
  at: string;
  evidence?: string | undefined;
  by?: string | undefined;
}

/** German and English text; German is the primary language of the UI and the documents. */
export const LocalizedTextSchema = z.object({ de: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** A tri-state answer where "unknown" must never be read as "no". */
export const TriState = { yes: 'yes', no: 'no', unknown: 'unknown' } as const;
export type TriState = keyof typeof TriState;
export const TriStateSchema = z.enum(TriState);
