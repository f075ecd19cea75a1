import { z } from 'zod';

// Owned by the GDT engine (issue 3): the folder audit of one GDT exchange folder, as `auditGdtFolder` in
// @praxisready/gdt returns it and the probe puts it into the facts document. Structure only: counts, ages,
// versions, charsets, record types, GDT-IDs (8315/8316 are device/PVS ids), examination codes (8402) and problem
// codes with line numbers. By construction it holds no patient names, birth dates, patient numbers, free text or
// file names (file names can carry patient names, e.g. `<AccessionNumber>.gdt`).

const count = z.number().int().min(0);
/** Map of a structural value (record type, version, GDT-ID …) to how many files/records have it. */
const tally = z.record(z.string().max(32), count);

/** One problem code with its line (0 = file level) and severity; never a message with values. */
export const GdtAuditProblemSchema = z.object({
  code: z.string().max(64),
  line: count,
  severity: z.enum(['error', 'warning', 'info']),
});

/** One file of the folder, identified by its position in the listing (sorted oldest first), not by name. */
export const GdtAuditFileSchema = z.object({
  index: count,
  /** `fixed` = *.gdt, `counting` = *.000–*.999, `temp` = leftover temp file. */
  nameKind: z.enum(['fixed', 'counting', 'temp', 'other']),
  /** Name follows `<receiver><sender>` with the ids found inside the file (case-insensitive). */
  nameMatchesIds: z.boolean().nullable(),
  extension: z.string().max(8),
  size: count,
  ageSeconds: z.number().min(0),
  gdtLike: z.boolean(),
  records: count,
  recordTypes: z.array(z.string().max(16)),
  version: z.string().max(16).nullable(),
  /** Charset declared by 9206: `7bit`, `cp437`, `iso-8859-1`, `utf8`, `unknown`, or `none`. */
  declaredCharset: z.string().max(16),
  /** What the bytes look like: `ascii`, `utf8`, `cp437`, `iso-8859-1`, `8bit`. */
  detectedCharset: z.string().max(16),
  lineEnding: z.enum(['crlf', 'lf', 'cr', 'mixed', 'none']),
  receiver: z.string().max(16).nullable(),
  sender: z.string().max(16).nullable(),
  examinationCode: z.string().max(16).nullable(),
  problems: z.array(GdtAuditProblemSchema),
});

export const GdtFolderAuditSchema = z.object({
  /** The folder as given to the audit (a configured path, not patient data). */
  path: z.string(),
  role: z.enum(['import', 'export', 'unknown']).default('unknown'),
  scannedAt: z.iso.datetime(),
  durationMs: z.number().min(0),
  exists: z.boolean(),
  isDirectory: z.boolean(),
  readable: z.boolean(),
  /** null when not checked or not applicable. */
  writable: z.boolean().nullable(),
  /** More files than the audit reads; counts cover the files read. */
  truncated: z.boolean(),
  counts: z.object({
    gdtFiles: count,
    tempFiles: count,
    otherFiles: count,
    subdirectories: count,
    records: count,
    unreadableFiles: count,
    notGdtFiles: count,
    staleFiles: count,
    filesWithErrors: count,
  }),
  totalBytes: count,
  ages: z.object({
    oldestSeconds: z.number().min(0).nullable(),
    newestSeconds: z.number().min(0).nullable(),
    staleAfterSeconds: z.number().min(0),
    buckets: z.object({ under1h: count, under1d: count, under7d: count, older: count }),
  }),
  naming: z.object({ fixed: count, counting: count }),
  versions: tally,
  charsets: z.object({ declared: tally, detected: tally }),
  lineEndings: tally,
  recordTypes: tally,
  receivers: tally,
  senders: tally,
  examinationCodes: tally,
  otherExtensions: tally,
  /** Per problem code: in how many files, how often, and its severity. */
  problems: z.record(
    z.string().max(64),
    z.object({ files: count, occurrences: count, severity: z.enum(['error', 'warning', 'info']) }),
  ),
  /** Folder-level problems (missing, not writable …). */
  folderProblems: z.array(GdtAuditProblemSchema),
  /** Per-file structure, at most `maxListedFiles` entries (oldest first). */
  files: z.array(GdtAuditFileSchema),
});
export type GdtFolderAudit = z.infer<typeof GdtFolderAuditSchema>;
export type GdtAuditFile = z.infer<typeof GdtAuditFileSchema>;
export type GdtAuditProblem = z.infer<typeof GdtAuditProblemSchema>;
