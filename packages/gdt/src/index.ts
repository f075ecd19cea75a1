/**
 * @module @praxisready/gdt
 * GDT 2.1/3.0 codec (file → record → field, byte-exact), validator, exchange folders (atomic writer, watcher)
 * and the PII-free folder audit for the probe.
 *
 * @example
 * ```ts
 * import { parseGdt, validateGdt, createRecord, writeGdtFile, auditGdtFolder } from '@praxisready/gdt';
 * const file = parseGdt(bytes);            // never throws; file.problems lists what is odd, with line numbers
 * file.records[0]?.value('3000');          // fields by their 4-digit id
 * const result = validateGdt(file);        // Result<GdtFile> with issues
 * const rec = createRecord('6302', [['9218', '02.10'], ['3000', '4711']]);
 * await writeGdtFile('/gdt/export', rec, { receiver: 'EKG1', sender: 'PVS1' });
 * const audit = await auditGdtFolder('/gdt/import');
 * ```
 */
export {
  GdtFile,
  GdtRecord,
  GdtField,
  GdtOtherLine,
  GdtSatzarten,
  isKnownSatzart,
  parseGdt,
  createRecord,
} from './codec/gdt-file.ts';
export type { GdtLine, GdtSatzart, ParseOptions, CreateRecordOptions } from './codec/gdt-file.ts';
export { GdtCharsets, DEFAULT_CHARSET, charsetOf9206, detectCharset } from './codec/charset.ts';
export type { GdtCharset, DetectedCharset } from './codec/charset.ts';
export { GdtFields, fieldName, fieldSpec } from './codec/fields.ts';
export type { FieldSpec, GdtFieldId } from './codec/fields.ts';
export { buildOrder } from './codec/order.ts';
export type { OrderInput } from './codec/order.ts';
export { GdtProblemCodes, problemText } from './problems.ts';
export type { GdtProblem, GdtProblemCode } from './problems.ts';
export { validateGdt, validateRecords, recordRules, toIssue } from './validate/validate.ts';
export type { ValidateOptions } from './validate/validate.ts';
export { GdtVersions, ExaminationCodeGroups, rulesFor, isVersion3 } from './validate/tables.ts';
export type { SatzartRule, VersionRules } from './validate/tables.ts';
export {
  GdtNameKind,
  classifyFileName,
  isGdtFileName,
  exchangeFileName,
  attachmentResolver,
} from './exchange/names.ts';
export { writeGdtFile } from './exchange/writer.ts';
export type { WriteGdtOptions, WrittenGdtFile } from './exchange/writer.ts';
export { GdtWatcher } from './exchange/watcher.ts';
export type { GdtWatcherOptions, GdtImport } from './exchange/watcher.ts';
export { auditGdtFolder } from './audit/audit.ts';
export type { AuditOptions } from './audit/audit.ts';
