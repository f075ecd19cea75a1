import { z } from 'zod';
import { LocalizedTextSchema, ValueSourceSchema } from '../common/sourced.ts';

/** Audit areas: the sections of the audit sheet that findings and scores are grouped by. */
export const AuditArea = {
  ti: 'ti',
  ti_gateway: 'ti_gateway',
  gdt: 'gdt',
  mobile_card_terminals: 'mobile_card_terminals',
  direct_print: 'direct_print',
  network: 'network',
  pvs: 'pvs',
  system_requirements: 'system_requirements',
  peripherals: 'peripherals',
  it_security: 'it_security',
  backup: 'backup',
  kbv: 'kbv',
  operations: 'operations',
  quick_checks: 'quick_checks',
} as const;
export type AuditArea = keyof typeof AuditArea;
export const AuditAreaSchema = z.enum(AuditArea);

/** Area names for people. */
export const AUDIT_AREA_LABELS: Record<AuditArea, { de: string; en: string }> = {
  ti: { de: 'TI-Konformität', en: 'TI conformity' },
  ti_gateway: { de: 'TI-Gateway-Migration', en: 'TI-Gateway migration' },
  gdt: { de: 'GDT-Geräteanbindung', en: 'GDT device integration' },
  mobile_card_terminals: { de: 'Mobile Kartenterminals', en: 'Mobile card terminals' },
  direct_print: { de: 'Direktdruck', en: 'Direct print' },
  network: { de: 'Netzwerk', en: 'Network' },
  pvs: { de: 'PVS / DB-Server', en: 'PVS / DB server' },
  system_requirements: { de: 'Systemvoraussetzungen', en: 'System requirements' },
  peripherals: { de: 'Peripherie', en: 'Peripherals' },
  it_security: { de: 'IT-Sicherheit', en: 'IT security' },
  backup: { de: 'Datensicherung', en: 'Backup' },
  kbv: { de: 'KBV IT-Sicherheitsrichtlinie', en: 'KBV IT security directive' },
  operations: { de: 'Betriebs-Checkliste', en: 'Operations checklist' },
  quick_checks: { de: 'Schnelle Checks', en: 'Quick checks' },
};

/**
 * Outcome of one check.
 * - pass / fail / warn: decided from data.
 * - not_applicable: the check does not apply to this practice (e.g. no GDT devices).
 * - manual: needs a person's judgement or an on-site look; not decidable from data.
 * - unknown: the data needed is missing; it is not a failure, but lowers coverage.
 */
export const FindingStatus = {
  pass: 'pass',
  fail: 'fail',
  warn: 'warn',
  not_applicable: 'not_applicable',
  manual: 'manual',
  unknown: 'unknown',
} as const;
export type FindingStatus = keyof typeof FindingStatus;
export const FindingStatusSchema = z.enum(FindingStatus);

/** How much a failure matters; drives the score weight and the report order. */
export const Severity = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  low: 'low',
  info: 'info',
} as const;
export type Severity = keyof typeof Severity;
export const SeveritySchema = z.enum(Severity);

/** Severity in words, one vocabulary for the UI and the documents. */
export const SEVERITY_LABELS: Record<Severity, { de: string; en: string }> = {
  critical: { de: 'kritisch', en: 'critical' },
  high: { de: 'hoch', en: 'high' },
  medium: { de: 'mittel', en: 'medium' },
  low: { de: 'niedrig', en: 'low' },
  info: { de: 'Info', en: 'info' },
};

/** One piece of evidence: a sheet path and the value the check looked at. */
export const EvidenceSchema = z.object({
  path: z.string().max(300),
  value: z.unknown().optional(),
  source: ValueSourceSchema.optional(),
  at: z.string().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** An offer position a failing finding proposes (catalog item id of the price catalog, quantity). */
export const OfferItemRefSchema = z.object({
  itemId: z.string().max(64),
  quantity: z.number().positive().default(1),
});
export type OfferItemRef = z.infer<typeof OfferItemRefSchema>;

/** The result of one check on one sheet. */
export const FindingSchema = z.object({
  /** Stable check id, e.g. `sysreq.workstation.ram`; never reused for another meaning. */
  checkId: z.string().regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/),
  /** Sub-subject when a check runs per item (machine id, printer id, card ICCSN …). */
  subject: z.string().max(200).optional(),
  area: AuditAreaSchema,
  status: FindingStatusSchema,
  severity: SeveritySchema,
  title: LocalizedTextSchema,
  explanation: LocalizedTextSchema,
  remediation: LocalizedTextSchema.optional(),
  evidence: z.array(EvidenceSchema).default([]),
  offerItem: OfferItemRefSchema.optional(),
  /** KBV requirement ids this finding gives evidence for, e.g. ["A1-20"]. */
  kbvRefs: z.array(z.string()).default([]),
  /** Where the rule comes from, e.g. "Seed 004, Systemvoraussetzungen Arbeitsplatz". */
  reference: z.string().max(300).optional(),
});
export type Finding = z.output<typeof FindingSchema>;
