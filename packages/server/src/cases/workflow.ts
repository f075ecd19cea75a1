import type { WorkflowStage } from '@praxisready/model';
import type { Role } from '../auth/permissions.ts';

/**
 * The case workflow of seed 000 as data: the tasks of each stage and the allowed transitions.
 * A forward transition requires the required tasks of the current stage to be done; going back one step is
 * allowed (e.g. audit → scheduling when the practice cancels) and keeps the tasks.
 */
export interface StageTask {
  key: string;
  stage: WorkflowStage;
  title: { de: string; en: string };
  /** Roles that may tick it off by hand (admin always may). Tasks with `auto` are also ticked by the system. */
  roles: readonly Role[];
  required: boolean;
  /** Ticked automatically when this domain event happens. */
  auto?: AutoEvent;
}

export const AutoEvent = {
  assigned_helpdesk: 'assigned_helpdesk',
  customer_linked: 'customer_linked',
  appointment_proposed: 'appointment_proposed',
  preinfo_requested: 'preinfo_requested',
  sheet_saved: 'sheet_saved',
  probe_uploaded: 'probe_uploaded',
  artifact_03: 'artifact_03',
  artifact_04: 'artifact_04',
  offer_sent: 'offer_sent',
} as const;
export type AutoEvent = keyof typeof AutoEvent;

export const STAGE_TASKS: readonly StageTask[] = [
  {
    key: 'intake.review',
    stage: 'intake',
    title: { de: 'Anfrage gesichtet, Basisinfos geprüft', en: 'Request reviewed, basics checked' },
    roles: ['dispatcher'],
    required: true,
  },
  {
    key: 'dispatch.assign_helpdesk',
    stage: 'dispatch',
    title: { de: 'An Helpdesk weitergeleitet (zugewiesen)', en: 'Forwarded to helpdesk (assigned)' },
    roles: ['dispatcher'],
    required: true,
    auto: 'assigned_helpdesk',
  },
  {
    key: 'scheduling.customer_site',
    stage: 'scheduling',
    title: { de: 'Kund*in und Standort angelegt/zugeordnet', en: 'Customer and site created/matched' },
    roles: ['helpdesk'],
    required: true,
    auto: 'customer_linked',
  },
  {
    key: 'scheduling.appointment',
    stage: 'scheduling',
    title: { de: 'Termin vorgeschlagen', en: 'Appointment proposed' },
    roles: ['helpdesk'],
    required: true,
    auto: 'appointment_proposed',
  },
  {
    key: 'scheduling.preinfo',
    stage: 'scheduling',
    title: { de: 'Technische Vorab-Infos angefordert', en: 'Pre-information requested' },
    roles: ['helpdesk'],
    required: true,
    auto: 'preinfo_requested',
  },
  {
    key: 'audit.sheet',
    stage: 'audit',
    title: { de: 'Audit-Sheet ausgefüllt', en: 'Audit sheet completed' },
    roles: ['technician'],
    required: true,
    auto: 'sheet_saved',
  },
  {
    key: 'audit.probe',
    stage: 'audit',
    title: { de: 'Probe-Lauf hochgeladen', en: 'Probe run uploaded' },
    roles: ['technician'],
    required: false,
    auto: 'probe_uploaded',
  },
  {
    key: 'audit.evidence',
    stage: 'audit',
    title: { de: 'Nachweise in 03_Audit abgelegt', en: 'Evidence filed in 03_Audit' },
    roles: ['technician'],
    required: false,
    auto: 'artifact_03',
  },
  {
    key: 'post.final_sheet',
    stage: 'post_processing',
    title: {
      de: 'Audit-Sheet finalisiert, zentrales Sheet übertragen',
      en: 'Sheet finalised, central sheet',
    },
    roles: ['technician'],
    required: true,
  },
  {
    key: 'report.report',
    stage: 'report_offer',
    title: { de: 'Bericht an Praxis (CC CK, Ranger)', en: 'Report sent (CC dispatcher, ranger)' },
    roles: ['technician'],
    required: true,
    auto: 'artifact_04',
  },
  {
    key: 'report.offer',
    stage: 'report_offer',
    title: { de: 'Angebot „PVS-Ready“ erstellt', en: 'Offer "PVS-Ready" created' },
    roles: ['sales'],
    required: true,
    auto: 'offer_sent',
  },
  {
    key: 'sales.contact',
    stage: 'sales',
    title: { de: 'Kontakt zum Wartungsvertrag aufgenommen', en: 'Maintenance contract contact made' },
    roles: ['sales'],
    required: true,
  },
  {
    key: 'follow_up.logbook',
    stage: 'follow_up',
    title: { de: 'Offene Punkte im Logbuch gepflegt', en: 'Open points kept in the logbook' },
    roles: ['sales', 'technician', 'dispatcher'],
    required: false,
  },
];

export interface Transition {
  from: WorkflowStage;
  to: WorkflowStage;
  roles: readonly Role[];
}

/** Forward steps (RACI: who is Responsible) and one step back for the same roles. */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'intake', to: 'dispatch', roles: ['dispatcher'] },
  { from: 'dispatch', to: 'scheduling', roles: ['dispatcher', 'helpdesk'] },
  { from: 'scheduling', to: 'audit', roles: ['helpdesk'] },
  { from: 'audit', to: 'post_processing', roles: ['technician'] },
  { from: 'post_processing', to: 'report_offer', roles: ['technician'] },
  { from: 'report_offer', to: 'sales', roles: ['technician', 'sales'] },
  { from: 'sales', to: 'follow_up', roles: ['sales'] },
  { from: 'dispatch', to: 'intake', roles: ['dispatcher'] },
  { from: 'scheduling', to: 'dispatch', roles: ['helpdesk', 'dispatcher'] },
  { from: 'audit', to: 'scheduling', roles: ['helpdesk', 'technician'] },
  { from: 'post_processing', to: 'audit', roles: ['technician'] },
  { from: 'report_offer', to: 'post_processing', roles: ['technician'] },
  { from: 'sales', to: 'report_offer', roles: ['sales'] },
  { from: 'follow_up', to: 'sales', roles: ['sales'] },
];

/** The sales pipeline and its end states; `pvs_booked` closes the case as won. */
export const SalesStatus = {
  offer_sent: 'offer_sent',
  negotiating: 'negotiating',
  won: 'won',
  lost: 'lost',
  parked: 'parked',
  pvs_booked: 'pvs_booked',
} as const;
export type SalesStatus = keyof typeof SalesStatus;

/** Allowed sales moves (from null = no offer yet). */
export const SALES_MOVES: Readonly<Record<SalesStatus | 'none', readonly SalesStatus[]>> = {
  none: ['offer_sent', 'parked', 'lost'],
  offer_sent: ['negotiating', 'won', 'lost', 'parked'],
  negotiating: ['won', 'lost', 'parked'],
  parked: ['negotiating', 'offer_sent', 'lost'],
  won: ['pvs_booked', 'lost'],
  lost: [],
  pvs_booked: [],
};

/** Sales status that close the case, and the case status they set. Only reachable in follow_up. */
export const CLOSING_SALES_STATUS: Partial<Record<SalesStatus, 'pvs_booked' | 'lost'>> = {
  pvs_booked: 'pvs_booked',
  lost: 'lost',
};

export function findTransition(from: WorkflowStage, to: WorkflowStage): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function tasksOf(stage: WorkflowStage): readonly StageTask[] {
  return STAGE_TASKS.filter((t) => t.stage === stage);
}

export function taskByKey(key: string): StageTask | undefined {
  return STAGE_TASKS.find((t) => t.key === key);
}
