import type {
  AuditArea,
  AuditSheet,
  Evidence,
  Finding,
  FindingStatus,
  LocalizedText,
  OfferItemRef,
  Severity,
} from '@praxisready/model';

/** What a check sees: the parsed sheet, the injected clock and (for stage-1 checks) the earlier findings. */
export interface CheckContext {
  readonly sheet: AuditSheet;
  /** The evaluation time; every "expires within" rule uses it, never the system clock. */
  readonly now: Date;
  /** `now` as an ISO calendar date (YYYY-MM-DD, UTC). */
  readonly today: string;
  /** Findings of the checks of earlier stages (empty for stage 0). */
  readonly priorFindings: readonly Finding[];
}

/** The result of a check for one subject (machine, printer, card …). */
export interface Outcome {
  status: FindingStatus;
  /** Machine id, printer id, card ICCSN, workplace id …; absent when the check has a single subject. */
  subject?: string;
  explanation: LocalizedText;
  /** Overrides the check's default remediation. */
  remediation?: LocalizedText;
  /** Overrides the check's title (per-item catalogs such as KBV, whose title belongs to the item). */
  title?: LocalizedText;
  evidence?: Evidence[];
  /** Extra KBV ids this outcome gives evidence for, besides the check's own. */
  kbvRefs?: readonly string[];
}

/** `true` when the check applies, otherwise the reason why it does not (shown in the not_applicable finding). */
export type Applicability = true | LocalizedText;

/**
 * A declarative check: identity, classification and one pure `run` function. The engine knows nothing about
 * individual checks; everything a check needs (applicability, stage, remediation) is declared here.
 */
export interface Check {
  /** Stable id, e.g. `sysreq.workstation.ram`; never reused for another meaning. */
  readonly id: string;
  readonly area: AuditArea;
  readonly severity: Severity;
  readonly title: LocalizedText;
  /** Where the rule comes from, e.g. "Seed 004, Systemvoraussetzungen Arbeitsplatz". */
  readonly reference: string;
  /** KBV requirement ids (e.g. "A1-20") that this check gives evidence for. */
  readonly kbvRefs?: readonly string[];
  /** Offer position proposed when the check fails. */
  readonly offerItem?: OfferItemRef;
  /** Default remediation for fail/warn outcomes. */
  readonly remediation?: LocalizedText;
  /** Stage 0 runs first; stage 1 checks (KBV) see the findings of stage 0 in `ctx.priorFindings`. */
  readonly stage?: 0 | 1;
  readonly appliesTo?: (ctx: CheckContext) => Applicability;
  readonly run: (ctx: CheckContext) => Outcome[];
}

export type { Finding, FindingStatus, LocalizedText };
