import type { AuditSheet, Finding, ScoreSummary } from '@praxisready/model';
import { computeScores } from '@praxisready/model';
import type { DocLang } from '../common/lang.ts';
import { renderPdf } from '../pdf/engine.ts';
import { DEFAULT_OPERATIONS_CHECKLIST, type ChecklistItemDef } from './checklists.ts';
import { reportDefinition, type Issuer } from './document.ts';
import type { EvidenceImage } from './images.ts';

/** What a report is made of: the sheet and its evaluation, plus evidence images. */
export interface ReportInput {
  sheet: AuditSheet;
  /** Findings of `evaluate(sheet, { now })` from @praxisready/rules. */
  findings: readonly Finding[];
  /** Scores; computed from the findings when left out. */
  scores?: ScoreSummary;
  /** PNG/JPEG evidence for the appendix. */
  images?: readonly EvidenceImage[];
  /** The operations checklist catalog (seed 001 §5); defaults to {@link DEFAULT_OPERATIONS_CHECKLIST}. */
  operationsChecklist?: readonly ChecklistItemDef[];
}

export interface ReportOptions {
  /** Language; German by default. */
  lang?: DocLang;
  /** "Now" for the creation date and the days until the Konnektor expires; injected for reproducible output. */
  now?: Date;
  issuer?: Issuer;
  /** How many findings the summary lists (default 8). */
  topFindings?: number;
}

export const DEFAULT_ISSUER: Issuer = { name: 'Praxisready Systemhaus' };

/**
 * Renders the audit report as PDF bytes (A4, Roboto embedded).
 *
 * @example
 * const { findings } = evaluate(sheet, { now });
 * const pdf = await renderReport({ sheet, findings }, { now, lang: 'de' });
 */
export async function renderReport(input: ReportInput, opts: ReportOptions = {}): Promise<Buffer> {
  return renderPdf(
    reportDefinition({
      sheet: input.sheet,
      findings: input.findings,
      scores: input.scores ?? computeScores(input.findings),
      images: input.images ?? [],
      operationsChecklist: input.operationsChecklist ?? DEFAULT_OPERATIONS_CHECKLIST,
      lang: opts.lang ?? 'de',
      now: opts.now ?? new Date(),
      issuer: opts.issuer ?? DEFAULT_ISSUER,
      topFindings: opts.topFindings ?? 8,
    }),
  );
}
