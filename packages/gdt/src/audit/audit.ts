import { constants } from 'node:fs';
import { access, open, readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, win32 } from 'node:path';
import type { GdtFolderAudit } from '@praxisready/model';
import { GdtFile, type GdtLine, type ParseOptions } from '../codec/gdt-file.ts';
import { problem, type GdtProblem } from '../problems.ts';
import { validateRecords, type ValidateOptions } from '../validate/validate.ts';
import { GdtVersions } from '../validate/tables.ts';
import { classifyFileName, type GdtNameKind } from '../exchange/names.ts';

export interface AuditOptions {
  /** Reference time for ages (tests); default now. */
  now?: Date;
  /** A GDT file older than this is "stale" (nobody picked it up). Default 3600 s. */
  staleAfterSeconds?: number;
  /** Read at most this many files (oldest first); default 20,000. */
  maxFiles?: number;
  /** Per-file list length in the output; default 200. */
  maxListedFiles?: number;
  /** Bytes read per file; larger files are checked on their beginning only. Default 1 MiB. */
  maxBytesPerFile?: number;
  /** Files read in parallel. Default 32. */
  concurrency?: number;
  /** Check write permission (access(W_OK), writes nothing). Default true. */
  checkWritable?: boolean;
  role?: 'import' | 'export' | 'unknown';
  /** Device configuration to check 8315/8316/8402 against (no attachment check: paths are PVS-side). */
  expected?: Pick<ValidateOptions, 'expectedReceiver' | 'expectedSender' | 'expectedExamination'>;
  parse?: ParseOptions;
}

// Values taken from files are whitelisted by shape; anything else becomes a placeholder, so free text or
// patient data in a wrong field can never reach the report.
const SAFE = {
  satzart: /^\d{4}$/,
  /** Only the known 9218 values: a date or number in the wrong field must not pass. */
  version: new RegExp(
    `^(${[...GdtVersions.v21, ...GdtVersions.v30].map((v) => v.replace('.', '\\.')).join('|')})$`,
  ),
  gdtId: /^[A-Za-z0-9_.-]{1,8}$/,
  /** Examination codes carry a digit (EKG01, ALLG0, KR800); a bare word could be a name. */
  examination: /^(?=.*\d)[A-Za-z0-9ÄÖÜäöü_-]{2,8}$/,
  extension: /^[a-z0-9]{1,5}$/,
} as const;
const INVALID = '(ungültig)';

/** Fields whose values are structure (ids, versions, codes, software), not patient data. */
const STRUCTURAL = new Set([
  '8000',
  '8100',
  '8315',
  '8316',
  '9206',
  '9106',
  '9218',
  '8402',
  '0102',
  '0103',
  '0132',
]);

/**
 * Defence in depth: a whitelisted value is dropped when it overlaps any other value of the file (a patient
 * name typed into 8315, a name slice in 8402).
 */
function leakGuard(file: GdtFile): (value: string | null) => string | null {
  const others: string[] = [];
  const tokens = new Set<string>();
  for (const f of file.fields) {
    const v = f.value.trim().toLowerCase();
    if (!STRUCTURAL.has(f.id) && v.length >= 3) {
      others.push(v);
      for (const t of v.split(/[^\p{L}\p{N}_-]+/u)) {
        tokens.add(t);
      }
    }
  }
  return (value) => {
    if (value === null || value === INVALID) {
      return value;
    }
    const v = value.toLowerCase();
    // Short ids (RED, EKG) only as whole words, so free text like "reduziert" does not hide them.
    const inOther = tokens.has(v) || (v.length >= 5 && others.some((o) => o.includes(v)));
    return inOther || others.some((o) => v.includes(o)) ? INVALID : value;
  };
}

function safe(value: string | undefined, shape: RegExp): string | null {
  if (value === undefined) {
    return null;
  }
  const v = value.trim();
  return shape.test(v) ? v : INVALID;
}

function bump(tally: Record<string, number>, key: string, by = 1): void {
  tally[key] = (tally[key] ?? 0) + by;
}

type GdtAuditFile = GdtFolderAudit['files'][number];
type GdtAuditProblem = GdtFolderAudit['folderProblems'][number];

function lineEnding(lines: readonly GdtLine[]): GdtAuditFile['lineEnding'] {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (const l of lines) {
    if (l.eol.length === 2) {
      crlf++;
    } else if (l.eol.length === 1) {
      if (l.eol[0] === 0x0a) {
        lf++;
      } else {
        cr++;
      }
    }
  }
  const kinds = [crlf, lf, cr].filter((n) => n > 0).length;
  return kinds === 0 ? 'none' : kinds > 1 ? 'mixed' : crlf > 0 ? 'crlf' : lf > 0 ? 'lf' : 'cr';
}

function slim(p: GdtProblem): GdtAuditProblem {
  return { code: p.code, line: p.line, severity: p.severity };
}

interface Entry {
  name: string;
  kind: GdtNameKind;
  size: number;
  mtimeMs: number;
}

async function readHead(path: string, max: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(max);
    let total = 0;
    while (total < max) {
      const { bytesRead } = await handle.read(buf, total, max - total, total);
      if (bytesRead === 0) {
        break;
      }
      total += bytesRead;
    }
    return buf.subarray(0, total);
  } finally {
    await handle.close();
  }
}

/**
 * Audits one GDT exchange folder for the probe: structure only (counts, ages, versions, charsets, record types,
 * GDT-IDs, examination codes, problem codes with line numbers). It never returns patient names, birth dates,
 * patient numbers, free text or file names – values leave only through the whitelisted shapes above. Read-only;
 * never throws for a missing or unreadable folder (that is a finding).
 */
export async function auditGdtFolder(dir: string, options: AuditOptions = {}): Promise<GdtFolderAudit> {
  const started = performance.now();
  const now = (options.now ?? new Date()).getTime();
  const staleAfter = options.staleAfterSeconds ?? 3600;
  const maxFiles = options.maxFiles ?? 20_000;
  const maxListed = options.maxListedFiles ?? 200;
  const maxBytes = options.maxBytesPerFile ?? 1024 * 1024;
  const audit: GdtFolderAudit = {
    path: dir,
    role: options.role ?? 'unknown',
    scannedAt: new Date(now).toISOString(),
    durationMs: 0,
    exists: false,
    isDirectory: false,
    readable: false,
    writable: null,
    truncated: false,
    counts: {
      gdtFiles: 0,
      tempFiles: 0,
      otherFiles: 0,
      subdirectories: 0,
      records: 0,
      unreadableFiles: 0,
      notGdtFiles: 0,
      staleFiles: 0,
      filesWithErrors: 0,
    },
    totalBytes: 0,
    ages: {
      oldestSeconds: null,
      newestSeconds: null,
      staleAfterSeconds: staleAfter,
      buckets: { under1h: 0, under1d: 0, under7d: 0, older: 0 },
    },
    naming: { fixed: 0, counting: 0 },
    versions: {},
    charsets: { declared: {}, detected: {} },
    lineEndings: {},
    recordTypes: {},
    receivers: {},
    senders: {},
    examinationCodes: {},
    otherExtensions: {},
    problems: {},
    folderProblems: [],
    files: [],
  };
  const finish = () => {
    audit.durationMs = Math.round((performance.now() - started) * 10) / 10;
    return audit;
  };

  try {
    const st = await stat(dir);
    audit.exists = true;
    audit.isDirectory = st.isDirectory();
  } catch {
    audit.folderProblems.push(slim(problem('FOLDER_MISSING', 0)));
    return finish();
  }
  if (!audit.isDirectory) {
    audit.folderProblems.push(slim(problem('FOLDER_UNREADABLE', 0)));
    return finish();
  }
  let dirents;
  try {
    dirents = await readdir(dir, { withFileTypes: true });
    audit.readable = true;
  } catch {
    audit.folderProblems.push(slim(problem('FOLDER_UNREADABLE', 0)));
    return finish();
  }
  if (options.checkWritable !== false) {
    audit.writable = await access(dir, constants.W_OK).then(
      () => true,
      () => false,
    );
    if (!audit.writable) {
      audit.folderProblems.push(slim(problem('FOLDER_NOT_WRITABLE', 0)));
    }
  }

  const entries: Entry[] = [];
  await mapLimit(dirents, options.concurrency ?? 32, async (d) => {
    if (d.isDirectory()) {
      audit.counts.subdirectories++;
      return;
    }
    try {
      const s = await stat(join(dir, d.name));
      if (s.isDirectory()) {
        audit.counts.subdirectories++;
        return;
      }
      entries.push({ name: d.name, kind: classifyFileName(d.name), size: s.size, mtimeMs: s.mtimeMs });
    } catch {
      audit.counts.unreadableFiles++;
    }
  });
  entries.sort((a, b) => a.mtimeMs - b.mtimeMs || (a.name < b.name ? -1 : 1));

  const gdtEntries = entries.filter((e) => e.kind === 'fixed' || e.kind === 'counting' || e.kind === 'temp');
  for (const e of entries) {
    if (e.kind === 'other') {
      audit.counts.otherFiles++;
      const ext = extname(e.name).slice(1).toLowerCase();
      bump(audit.otherExtensions, SAFE.extension.test(ext) ? ext : ext === '' ? '(keine)' : '(andere)');
    }
  }
  if (gdtEntries.length > maxFiles) {
    audit.truncated = true;
    gdtEntries.splice(maxFiles);
  }

  const files: GdtAuditFile[] = new Array<GdtAuditFile>(gdtEntries.length);
  await mapLimit(
    gdtEntries.map((e, i) => [e, i] as const),
    options.concurrency ?? 32,
    async ([e, i]) => {
      files[i] = await auditFile(dir, e, i, now, staleAfter, maxBytes, options);
    },
  );

  const stats = audit.counts;
  for (const f of files) {
    const ageS = f.ageSeconds;
    audit.totalBytes += f.size;
    if (f.nameKind === 'temp') {
      stats.tempFiles++;
    } else {
      stats.gdtFiles++;
      audit.naming[f.nameKind === 'counting' ? 'counting' : 'fixed']++;
    }
    audit.ages.oldestSeconds = Math.max(audit.ages.oldestSeconds ?? 0, ageS);
    audit.ages.newestSeconds = Math.min(audit.ages.newestSeconds ?? Infinity, ageS);
    const b = audit.ages.buckets;
    if (ageS < 3600) {
      b.under1h++;
    } else if (ageS < 86_400) {
      b.under1d++;
    } else if (ageS < 7 * 86_400) {
      b.under7d++;
    } else {
      b.older++;
    }
    if (f.problems.some((p) => p.code === 'STALE_FILE')) {
      stats.staleFiles++;
    }
    if (f.problems.some((p) => p.code === 'FILE_UNREADABLE')) {
      stats.unreadableFiles++;
      continue;
    }
    if (f.nameKind === 'temp') {
      bumpProblems(audit, f);
      continue;
    }
    if (!f.gdtLike) {
      stats.notGdtFiles++;
    }
    stats.records += f.records;
    if (f.problems.some((p) => p.severity === 'error')) {
      stats.filesWithErrors++;
    }
    bump(audit.versions, f.version ?? 'none');
    bump(audit.charsets.declared, f.declaredCharset);
    bump(audit.charsets.detected, f.detectedCharset);
    bump(audit.lineEndings, f.lineEnding);
    for (const t of f.recordTypes) {
      bump(audit.recordTypes, t);
    }
    if (f.receiver !== null) {
      bump(audit.receivers, f.receiver);
    }
    if (f.sender !== null) {
      bump(audit.senders, f.sender);
    }
    if (f.examinationCode !== null) {
      bump(audit.examinationCodes, f.examinationCode);
    }
    bumpProblems(audit, f);
  }
  audit.files = files.slice(0, maxListed);
  return finish();
}

function bumpProblems(audit: GdtFolderAudit, f: GdtAuditFile): void {
  const seen = new Set<string>();
  for (const p of f.problems) {
    const entry = (audit.problems[p.code] ??= { files: 0, occurrences: 0, severity: p.severity });
    entry.occurrences++;
    if (!seen.has(p.code)) {
      entry.files++;
      seen.add(p.code);
    }
  }
}

async function auditFile(
  dir: string,
  e: Entry,
  index: number,
  now: number,
  staleAfter: number,
  maxBytes: number,
  options: AuditOptions,
): Promise<GdtAuditFile> {
  const ageSeconds = Math.max(0, Math.round((now - e.mtimeMs) / 1000));
  const ext = extname(e.name).slice(1).toLowerCase();
  const result: GdtAuditFile = {
    index,
    nameKind: e.kind,
    nameMatchesIds: null,
    extension: SAFE.extension.test(ext) ? ext : '(andere)',
    size: e.size,
    ageSeconds,
    gdtLike: false,
    records: 0,
    recordTypes: [],
    version: null,
    declaredCharset: 'none',
    detectedCharset: 'ascii',
    lineEnding: 'none',
    receiver: null,
    sender: null,
    examinationCode: null,
    problems: [],
  };
  if (e.kind === 'temp') {
    result.problems.push(slim(problem('TEMP_FILE_LEFT', 0)));
    return result;
  }
  if (ageSeconds > staleAfter) {
    result.problems.push(slim(problem('STALE_FILE', 0)));
  }
  let bytes: Buffer;
  try {
    // Small files (all real GDT files) in one call; only oversized ones are read partially.
    const path = join(dir, e.name);
    bytes = e.size < maxBytes ? await readFile(path) : await readHead(path, maxBytes);
  } catch {
    result.problems.push(slim(problem('FILE_UNREADABLE', 0)));
    return result;
  }
  if (e.size > maxBytes) {
    result.problems.push(slim(problem('FILE_TOO_LARGE', 0)));
  }
  const file = GdtFile.parse(bytes, options.parse);
  result.gdtLike = file.isGdtLike;
  result.records = file.records.length;
  const guard = leakGuard(file);
  result.recordTypes = [...new Set(file.records.map((r) => guard(safe(r.satzart, SAFE.satzart)) ?? 'none'))];
  result.version = guard(safe(file.version, SAFE.version));
  result.declaredCharset = file.declaredCharset ?? (hasField(file, '9206') ? 'unknown' : 'none');
  result.detectedCharset = file.detectedCharset;
  result.lineEnding = lineEnding(file.lines);
  const first = file.records.find((r) => r.satzart !== undefined) ?? file.records[0];
  result.receiver = guard(safe(first?.value('8315'), SAFE.gdtId));
  result.sender = guard(safe(first?.value('8316'), SAFE.gdtId));
  result.examinationCode = guard(safe(first?.value('8402'), SAFE.examination));
  if (result.receiver !== null && result.sender !== null && e.kind !== 'other') {
    const stem = win32.basename(e.name, extname(e.name)).toLowerCase();
    // Names use 4-character Kürzel or the full GDT-IDs; both count as matching.
    const ids = [result.receiver, result.sender].map((s) => s.toLowerCase());
    result.nameMatchesIds = stem === ids.join('') || stem === ids.map((s) => s.slice(0, 4)).join('');
  }
  if (!file.isGdtLike) {
    result.problems.push(slim(problem('NOT_GDT', 0)));
  }
  const problems = [...file.problems, ...validateRecords(file, { ...options.expected })];
  problems.sort((a, b) => a.line - b.line);
  result.problems.push(...problems.map(slim));
  return result;
}

function hasField(file: GdtFile, id: string): boolean {
  return file.records.some((r) => r.get(id) !== undefined);
}

async function mapLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  });
  await Promise.all(workers);
}
