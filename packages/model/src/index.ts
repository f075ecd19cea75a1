/**
 * @module @praxisready/model
 * The shared vocabulary of Praxisready: the error codes, the validation result shape and the Zod schemas of
 * practice, site, audit sheet, facts document, finding and score.
 */
export { ExitCode, ErrorCodes, httpStatusOf, exitCodeOf } from './errors/codes.ts';
export type { ErrorCode } from './errors/codes.ts';
export { AppError, isAppError, toAppError } from './errors/app-error.ts';
export type { AppErrorOptions } from './errors/app-error.ts';
export { IssueSeverity, ok, fail, formatPath } from './result/result.ts';
export type { Issue, Result } from './result/result.ts';
export { validateWith } from './result/zod.ts';

export {
  ValueSource,
  ValueSourceSchema,
  TimestampSchema,
  DateSchema,
  sourced,
  LocalizedTextSchema,
  TriState,
  TriStateSchema,
} from './common/sourced.ts';
export type { Sourced, LocalizedText } from './common/sourced.ts';
export {
  WorkflowStage,
  WorkflowStageSchema,
  WORKFLOW_STAGES,
  WORKFLOW_STAGE_LABELS,
} from './workflow/stage.ts';
export {
  AddressSchema,
  ContactSchema,
  ContactRole,
  PracticeSchema,
  SiteSchema,
  DeviceKind,
} from './entities/practice.ts';
export type { Address, Contact, Practice, Site } from './entities/practice.ts';

export {
  AuditSheetSchema,
  AUDIT_SHEET_KIND,
  AUDIT_SHEET_SCHEMA_VERSION,
  WorkplaceSchema,
  PracticeProfileSchema,
  ObservationSchema,
  RemovedRowSchema,
} from './sheet/sheet.ts';
export type { AuditSheet, AuditSheetInput, Workplace, RemovedRow } from './sheet/sheet.ts';
export { MachineSchema, MachineRole, OsFamily, CpuArch, DiskSchema } from './sheet/system.ts';
export type { Machine, Disk } from './sheet/system.ts';
export {
  TiSectionSchema,
  TiConnection,
  CardType,
  PinStatus,
  CardSchema,
  CardTerminalSchema,
} from './sheet/ti.ts';
export type { TiSection, Card, CardTerminal } from './sheet/ti.ts';
export {
  GdtCharset,
  GdtDeviceSchema,
  MobileCardTerminalSchema,
  PrinterSchema,
  DocumentType,
  PeripheralSchema,
} from './sheet/devices.ts';
export type { GdtDevice, MobileCardTerminal, Printer, Peripheral } from './sheet/devices.ts';
export { NetworkSectionSchema, PortCheckSchema, SubnetPurpose } from './sheet/network.ts';
export type { NetworkSection, PortCheck } from './sheet/network.ts';
export { PvsSectionSchema, PvsProduct, IniFileSchema } from './sheet/pvs.ts';
export type { PvsSection, IniFile } from './sheet/pvs.ts';
export { BackupSectionSchema, SecuritySectionSchema } from './sheet/security.ts';
export type { BackupSection, SecuritySection } from './sheet/security.ts';
export { ChecklistStatus, ChecklistAnswerSchema, KbvSectionSchema } from './sheet/checklists.ts';
export type { ChecklistAnswer, KbvSection } from './sheet/checklists.ts';

export {
  FactsDocumentSchema,
  FACTS_KIND,
  FACTS_SCHEMA_VERSION,
  CollectorStatus,
  CollectorRunSchema,
  SystemFactsSchema,
  NetworkFactsSchema,
  PrinterFactsSchema,
  ServiceProviderFactsSchema,
  PvsInstallationFactsSchema,
  MobileCardTerminalFactsSchema,
  ScanFactsSchema,
} from './facts/facts-document.ts';
export type { FactsDocument, SystemFacts, PrinterFacts, ScanFacts } from './facts/facts-document.ts';
export { GdtFolderAuditSchema } from './facts/gdt.ts';
export type { GdtFolderAudit } from './facts/gdt.ts';
export { KonnektorFactsSchema } from './facts/konnektor.ts';
export type { KonnektorFacts } from './facts/konnektor.ts';

export {
  AuditArea,
  AuditAreaSchema,
  AUDIT_AREA_LABELS,
  FindingStatus,
  FindingStatusSchema,
  Severity,
  SEVERITY_LABELS,
  SeveritySchema,
  EvidenceSchema,
  OfferItemRefSchema,
  FindingSchema,
} from './finding/finding.ts';
export type { Finding, Evidence, OfferItemRef } from './finding/finding.ts';
export { computeScores, SEVERITY_WEIGHT, AreaScoreSchema, ScoreSummarySchema } from './finding/score.ts';
export type { AreaScore, ScoreSummary, StatusCounts } from './finding/score.ts';
export { PUBLISHED_SCHEMAS, renderJsonSchema } from './json-schema.ts';
export { sheetFromFacts, pvsProductOf } from './sheet/from-facts.ts';
export type { SheetFromFactsOptions } from './sheet/from-facts.ts';
