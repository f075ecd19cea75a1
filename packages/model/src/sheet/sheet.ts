import { z } from 'zod';
import { DateSchema, TimestampSchema, TriStateSchema, sourced as s } from '../common/sourced.ts';
import { PracticeSchema, SiteSchema } from '../entities/practice.ts';
import { WorkflowStageSchema } from '../workflow/stage.ts';
import { MachineSchema } from './system.ts';
import { TiSectionSchema } from './ti.ts';
import {
  GdtSectionSchema,
  MobileCardTerminalSchema,
  PeripheralSchema,
  PrintSectionSchema,
} from './devices.ts';
import { NetworkSectionSchema } from './network.ts';
import { PvsSectionSchema } from './pvs.ts';
import { BackupSectionSchema, SecuritySectionSchema } from './security.ts';
import { DiagnosticsSectionSchema, KbvSectionSchema, OperationsSectionSchema } from './checklists.ts';

export const AUDIT_SHEET_KIND = 'praxisready.audit-sheet';
export const AUDIT_SHEET_SCHEMA_VERSION = 1;

/** A workplace (Arbeitsplatz) as the TI and the PVS know it. */
export const WorkplaceSchema = z.object({
  id: z.string().min(1).max(64),
  name: s(z.string().max(200)),
  /** Machine id (system.machines) this workplace runs on. */
  machineId: z.string().max(64).optional(),
  /** Arbeitsplatz-ID as configured in the Konnektor Infomodell. */
  tiWorkplaceId: s(z.string().max(100)).optional(),
  /** Reception and consultation rooms read eGKs and need a stationary card terminal. */
  needsCardTerminal: s(z.boolean()).optional(),
  room: s(z.string().max(100)).optional(),
});
export type Workplace = z.infer<typeof WorkplaceSchema>;

/** Facts about the practice that decide which requirements apply (KBV size class, Anlagen 4 and 5). */
export const PracticeProfileSchema = z.object({
  /** Persons permanently doing data processing ("ständig mit der Datenverarbeitung betraut"). */
  staffInDataProcessing: s(z.number().int().nonnegative()).optional(),
  /** Data processing beyond the normal scope (large MVZ, laboratory): Großpraxis regardless of size. */
  extensiveDataProcessing: s(TriStateSchema).optional(),
  /** Medical large devices (CT, MRT, PET …) in use: KBV Anlage 4. */
  largeMedicalDevices: s(TriStateSchema).optional(),
  /** Decentral TI components (Konnektor, TI-Gateway, …): KBV Anlage 5. */
  decentralTiComponents: s(TriStateSchema).optional(),
  doctors: s(z.number().int().nonnegative()).optional(),
  workplaceCount: s(z.number().int().nonnegative()).optional(),
  /** Practice uses Doctolib and wants a TI-connected PVS ("PVS-Ready"). */
  doctolib: s(z.boolean()).optional(),
});

/** A note a person made during the audit, tied to an area. */
export const ObservationSchema = z.object({
  area: z.string().max(50),
  text: z.string().min(1).max(5000),
  at: TimestampSchema,
  by: z.string().max(200).optional(),
  evidence: z.array(z.string().max(500)).default([]),
});

/**
 * A row a person removed from a list of the sheet (a machine, a card terminal …). A later probe upload that
 * still sees the row does not bring it back silently: it becomes a conflict the technician resolves.
 * `path` is the list's path in merge-conflict syntax (`machines`, `ti.terminals`, `machines[PC-1].disks`).
 */
export const RemovedRowSchema = z.object({
  path: z.string().min(1).max(300),
  id: z.string().min(1).max(200),
  at: TimestampSchema,
  by: z.string().max(200).optional(),
});
export type RemovedRow = z.output<typeof RemovedRowSchema>;

/**
 * The audit sheet: everything the audit records about one practice site, typed and versioned.
 * Every value carries its source (probe, person, import), time and optional evidence reference.
 */
export const AuditSheetSchema = z.object({
  kind: z.literal(AUDIT_SHEET_KIND),
  schemaVersion: z.literal(AUDIT_SHEET_SCHEMA_VERSION),
  id: z.string().min(1).max(64),
  caseId: z.string().max(64).optional(),
  /** Revision counter, increased on every saved change. */
  revision: z.number().int().nonnegative().default(0),
  stage: WorkflowStageSchema.default('audit'),
  practice: PracticeSchema,
  site: SiteSchema.optional(),
  technician: z.string().max(200).optional(),
  auditDate: DateSchema.optional(),
  mode: z.enum(['on_site', 'remote']).optional(),
  profile: PracticeProfileSchema.default({}),
  workplaces: z.array(WorkplaceSchema).default([]),
  machines: z.array(MachineSchema).default([]),
  ti: TiSectionSchema.prefault({}),
  gdt: GdtSectionSchema.prefault({}),
  mobileCardTerminals: z.array(MobileCardTerminalSchema).default([]),
  print: PrintSectionSchema.prefault({}),
  network: NetworkSectionSchema.default({}),
  pvs: PvsSectionSchema.prefault({}),
  peripherals: z.array(PeripheralSchema).default([]),
  security: SecuritySectionSchema.default({}),
  backup: BackupSectionSchema.prefault({}),
  kbv: KbvSectionSchema.prefault({}),
  operations: OperationsSectionSchema.prefault({}),
  diagnostics: DiagnosticsSectionSchema.default({}),
  observations: z.array(ObservationSchema).default([]),
  /** Rows people removed, so that the probe does not re-add them unnoticed. */
  removedRows: z.array(RemovedRowSchema).max(2000).default([]),
});
/** The audit sheet after parsing (defaults applied). */
export type AuditSheet = z.output<typeof AuditSheetSchema>;
/** The audit sheet as written in a file (sections may be left out). */
export type AuditSheetInput = z.input<typeof AuditSheetSchema>;
