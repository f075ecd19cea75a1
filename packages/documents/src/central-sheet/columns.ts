import type { AuditSheet, Finding, ScoreSummary } from '@praxisready/model';
import { computeScores } from '@praxisready/model';

/** One case in the central sheet ("Mail-Sheet"/zentrales Sheet of seed 000 step 5): the overview columns. */
export interface CentralSheetRow {
  caseId: string;
  sheetId: string;
  practice: string;
  customerNumber?: string;
  site?: string;
  postalCode?: string;
  city?: string;
  /** ISO date. */
  auditDate?: string;
  technician?: string;
  mode?: 'on_site' | 'remote';
  stage: string;
  workplaces?: number;
  tiConnection?: string;
  konnektor?: string;
  konnektorFirmware?: string;
  /** ISO date. */
  gsmcKExpiry?: string;
  pvs?: string;
  pvsVersion?: string;
  pvsServer?: string;
  sqlServer?: string;
  /** Overall score 0–100 (one decimal). */
  score?: number;
  fails?: number;
  warnings?: number;
}

export type ColumnType = 'text' | 'int' | 'decimal' | 'date' | 'enum';

export interface ColumnSpec {
  key: keyof CentralSheetRow;
  header: string;
  type: ColumnType;
  width: number;
  required?: boolean;
  values?: readonly string[];
  max?: number;
}

const STAGES = [
  'intake',
  'dispatch',
  'scheduling',
  'audit',
  'post_processing',
  'report_offer',
  'sales',
  'follow_up',
] as const;

/** The columns, in sheet order; headers are German as the team reads the sheet. */
export const CENTRAL_SHEET_COLUMNS: readonly ColumnSpec[] = [
  { key: 'caseId', header: 'Vorgang', type: 'text', width: 16, required: true, max: 64 },
  { key: 'sheetId', header: 'Audit-Sheet', type: 'text', width: 18, required: true, max: 64 },
  { key: 'practice', header: 'Praxis', type: 'text', width: 36, required: true, max: 200 },
  { key: 'customerNumber', header: 'Kundennummer', type: 'text', width: 14, max: 50 },
  { key: 'site', header: 'Standort', type: 'text', width: 24, max: 200 },
  { key: 'postalCode', header: 'PLZ', type: 'text', width: 7, max: 5 },
  { key: 'city', header: 'Ort', type: 'text', width: 16, max: 100 },
  { key: 'auditDate', header: 'Audit-Datum', type: 'date', width: 12 },
  { key: 'technician', header: 'Techniker:in', type: 'text', width: 18, max: 200 },
  { key: 'mode', header: 'Art', type: 'enum', width: 9, values: ['on_site', 'remote'] },
  { key: 'stage', header: 'Status', type: 'enum', width: 15, required: true, values: STAGES },
  { key: 'workplaces', header: 'Arbeitsplätze', type: 'int', width: 12 },
  {
    key: 'tiConnection',
    header: 'TI-Anbindung',
    type: 'enum',
    width: 15,
    values: ['konnektor', 'ti_gateway', 'hosted_konnektor', 'none'],
  },
  { key: 'konnektor', header: 'Konnektor', type: 'text', width: 22, max: 200 },
  { key: 'konnektorFirmware', header: 'Konnektor-FW', type: 'text', width: 12, max: 50 },
  { key: 'gsmcKExpiry', header: 'gSMC-K Ablauf', type: 'date', width: 13 },
  { key: 'pvs', header: 'PVS', type: 'text', width: 14, max: 100 },
  { key: 'pvsVersion', header: 'PVS-Version', type: 'text', width: 11, max: 50 },
  { key: 'pvsServer', header: 'PVS-Server', type: 'text', width: 16, max: 255 },
  { key: 'sqlServer', header: 'SQL Server', type: 'text', width: 12, max: 20 },
  { key: 'score', header: 'Punkte gesamt', type: 'decimal', width: 12 },
  { key: 'fails', header: 'Mängel', type: 'int', width: 8 },
  { key: 'warnings', header: 'Hinweise', type: 'int', width: 9 },
];

/** The central-sheet row of a case, from its sheet and (optionally) its evaluation. */
export function centralRowOf(
  sheet: AuditSheet,
  evaluation?: { findings: readonly Finding[]; scores?: ScoreSummary },
): CentralSheetRow {
  const k = sheet.ti.konnektor;
  const scores = evaluation ? (evaluation.scores ?? computeScores(evaluation.findings)) : undefined;
  const addr = sheet.site?.address ?? sheet.practice.address;
  const row: CentralSheetRow = {
    caseId: sheet.caseId ?? sheet.id,
    sheetId: sheet.id,
    practice: sheet.practice.name,
    customerNumber: sheet.practice.customerNumber,
    site: sheet.site?.name,
    postalCode: addr?.postalCode,
    city: addr?.city,
    auditDate: sheet.auditDate,
    technician: sheet.technician,
    mode: sheet.mode,
    stage: sheet.stage,
    workplaces: sheet.workplaces.length > 0 ? sheet.workplaces.length : sheet.profile.workplaceCount?.value,
    tiConnection: sheet.ti.connection?.value,
    konnektor: [k.product?.value.vendor, k.product?.value.productName].filter(Boolean).join(' ') || undefined,
    konnektorFirmware: k.product?.value.firmwareVersion,
    gsmcKExpiry: k.gsmcKExpiry?.value,
    pvs: sheet.pvs.productName?.value ?? sheet.pvs.product?.value,
    pvsVersion: sheet.pvs.version?.value,
    pvsServer: sheet.pvs.serverName?.value,
    sqlServer: sheet.pvs.sqlServer.version?.value,
    score: scores?.overall.score ?? undefined,
    fails: scores?.overall.counts.fail,
    warnings: scores?.overall.counts.warn,
  };
  // Drop undefined keys so that an exported and re-imported row compares equal.
  return Object.fromEntries(
    Object.entries(row).filter(([, v]) => v !== undefined),
  ) as unknown as CentralSheetRow;
}
