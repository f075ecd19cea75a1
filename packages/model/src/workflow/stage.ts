import { z } from 'zod';

/**
 * The eight steps of the tech-audit process (seed 000, "Übersicht des Prozessflusses"), in order.
 * A case moves through them; `follow_up` ends with "PVS booked" (or lost/parked) in the sales pipeline.
 */
export const WorkflowStage = {
  /** 1. Anfrage Tech-Audit kommt rein: request mail in the central mailbox. */
  intake: 'intake',
  /** 2. CK leitet an den Helpdesk weiter: dispatcher forwards, ticket created. */
  dispatch: 'dispatch',
  /** 3. Helpdesk legt Kund*in an & terminiert: customer/site, appointment, pre-information. */
  scheduling: 'scheduling',
  /** 4. Tech-Audit vor Ort / remote. */
  audit: 'audit',
  /** 5. Interne Nachbearbeitung: sheet finalised, central sheet, artifacts filed. */
  post_processing: 'post_processing',
  /** 6. Audit-Bericht & Angebotserstellung. */
  report_offer: 'report_offer',
  /** 7. Vertrieb übernimmt: maintenance contract, "PVS-Ready" follow-up. */
  sales: 'sales',
  /** 8. Ende & Follow-ups: until the practice books the PVS. */
  follow_up: 'follow_up',
} as const;
export type WorkflowStage = keyof typeof WorkflowStage;
export const WorkflowStageSchema = z.enum(WorkflowStage);

/** Stages in process order. */
export const WORKFLOW_STAGES: readonly WorkflowStage[] = Object.keys(WorkflowStage) as WorkflowStage[];

/** German labels of the stages, as in seed 000. */
export const WORKFLOW_STAGE_LABELS: Record<WorkflowStage, { de: string; en: string }> = {
  intake: { de: 'Anfrage eingegangen', en: 'Request received' },
  dispatch: { de: 'Weiterleitung an Helpdesk', en: 'Dispatched to helpdesk' },
  scheduling: { de: 'Kunde angelegt & terminiert', en: 'Customer created & scheduled' },
  audit: { de: 'Tech-Audit vor Ort / remote', en: 'Audit on site / remote' },
  post_processing: { de: 'Interne Nachbearbeitung', en: 'Post-processing' },
  report_offer: { de: 'Bericht & Angebot', en: 'Report & offer' },
  sales: { de: 'Vertrieb', en: 'Sales' },
  follow_up: { de: 'Follow-up bis PVS-Buchung', en: 'Follow-up until PVS booked' },
};
