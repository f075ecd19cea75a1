import { AppError } from '@praxisready/model';
import { problem, ProblemList, type GdtProblem } from '../problems.ts';
import {
  DEFAULT_CHARSET,
  GdtCharsets,
  charsetOf9206,
  decodeBytes,
  detectCharset,
  encodeText,
  type DetectedCharset,
  type GdtCharset,
} from './charset.ts';
import { fieldName } from './fields.ts';

/**
 * GDT codec: file → record → field.
 *
 * Numbering convention: a field is addressed by its 4-digit field id (Feldkennung, FK) exactly as it stands
 * in the file, as a string with leading zeros (`'8000'`, `'0102'`, `'3000'`); a record by its Satzart, the value
 * of its `8000` field (`'6310'`). Line numbers are 1-based physical lines of the file, as an editor shows them.
 *
 * Lengths: `LLL` (the first 3 digits of a line) and `8100` (Satzlänge) count bytes in the declared character
 * set, always with 2 bytes for CR LF, even when the file on disk has LF only (gdt.md §1–2).
 *
 * `GdtFile.parse(bytes)` never throws and does no I/O; `serialize()` returns exactly the bytes parsed, for any
 * input. Records built with {@link createRecord} serialise to spec-conformant bytes (CR LF, LLL, 8100).
 */

const CR = 0x0d;
const LF = 0x0a;
const CRLF = Buffer.from('\r\n', 'latin1');
const NO_EOL = Buffer.alloc(0);
const LF_BUF = Buffer.from('\n', 'latin1');
const CR_BUF = Buffer.from('\r', 'latin1');
const BOM = [0xef, 0xbb, 0xbf];

/** The record types of GDT 2.1 and 3.0 (gdt.md §3); 6303 exists from 3.0 on. */
export const GdtSatzarten = {
  '6300': { name: 'Stammdaten anfordern', direction: 'device→PVS', since: '02.10' },
  '6301': { name: 'Stammdaten übermitteln', direction: 'PVS→device', since: '02.10' },
  '6302': { name: 'Neue Untersuchung anfordern', direction: 'PVS→device', since: '02.10' },
  '6303': { name: 'Angeforderte Untersuchung stornieren', direction: 'PVS→device', since: '03.00' },
  '6310': { name: 'Daten einer Untersuchung übermitteln', direction: 'device→PVS', since: '02.10' },
  '6311': { name: 'Daten einer Untersuchung zeigen', direction: 'PVS→device', since: '02.10' },
} as const;
export type GdtSatzart = keyof typeof GdtSatzarten;

/** True for one of the six record types. */
export function isKnownSatzart(value: string | undefined): value is GdtSatzart {
  return value !== undefined && Object.hasOwn(GdtSatzarten, value);
}

/** One field line: `LLL FFFF value`. */
export class GdtField {
  #raw: Buffer | undefined;
  #src: Buffer | undefined;
  #start = 0;
  #end = 0;

  constructor(
    /** 1-based line number in the file (0 for fields built in memory). */
    readonly line: number,
    /** 4-digit field id, e.g. `'3000'`. */
    readonly id: string,
    /** Value decoded from the file's character set. */
    readonly value: string,
    /** The line's bytes without its line end (LLL + FK + value bytes). */
    raw: Buffer | undefined,
    /** The line end as found (`\r\n`, `\n`, `\r` or empty). */
    readonly eol: Buffer,
    /** The length written in the line (LLL), NaN when not a number. */
    readonly declaredLength: number,
    /** Where the value starts in `raw` (7, or 8 for a 4-digit LLL). */
    readonly valueOffset: number = 7,
  ) {
    this.#raw = raw;
  }

  /** @internal Parser fast path: the line is a range of the source buffer, sliced only when asked for. */
  static fromSource(
    src: Buffer,
    start: number,
    end: number,
    line: number,
    id: string,
    value: string,
    eol: Buffer,
    declaredLength: number,
    valueOffset: number,
  ): GdtField {
    const f = new GdtField(line, id, value, undefined, eol, declaredLength, valueOffset);
    f.#src = src;
    f.#start = start;
    f.#end = end;
    return f;
  }

  /** The line's bytes without its line end (LLL + FK + value bytes). */
  get raw(): Buffer {
    this.#raw ??= this.#src ? this.#src.subarray(this.#start, this.#end) : Buffer.alloc(0);
    return this.#raw;
  }

  /** Byte length of the line without its line end. */
  get byteLength(): number {
    return this.#raw ? this.#raw.length : this.#end - this.#start;
  }

  /** German field name from the spec table, undefined for unknown ids. */
  get name(): string | undefined {
    return fieldName(this.id);
  }

  /** The line's length per spec: its bytes plus 2 for CR LF, whatever the actual line end is. */
  get length(): number {
    return this.byteLength + 2;
  }

  /** The value's bytes as stored. */
  get valueBytes(): Buffer {
    return this.raw.subarray(this.valueOffset);
  }

  serialize(): Buffer {
    return this.eol.length === 0 ? Buffer.from(this.raw) : Buffer.concat([this.raw, this.eol]);
  }
}

/** A line that is not a field: blank, garbage, or a byte order mark; kept so the round trip is exact. */
export class GdtOtherLine {
  constructor(
    readonly line: number,
    readonly kind: 'blank' | 'invalid' | 'bom',
    readonly raw: Buffer,
    readonly eol: Buffer,
  ) {}

  serialize(): Buffer {
    return Buffer.concat([this.raw, this.eol]);
  }
}

export type GdtLine = GdtField | GdtOtherLine;

/** A record (Satz): the fields from one `8000` to the next. */
export class GdtRecord {
  constructor(readonly fields: readonly GdtField[]) {}

  /** The record type (value of 8000); undefined for fields before any 8000. */
  get satzart(): string | undefined {
    return this.fields[0]?.id === '8000' ? this.fields[0].value : undefined;
  }

  /** First field with this id. */
  get(id: string): GdtField | undefined {
    return this.fields.find((f) => f.id === id);
  }

  /** First value with this id. */
  value(id: string): string | undefined {
    return this.get(id)?.value;
  }

  /** All fields with this id, in order. */
  getAll(id: string): GdtField[] {
    return this.fields.filter((f) => f.id === id);
  }

  /** GDT version (9218) as written. */
  get version(): string | undefined {
    return this.value('9218');
  }

  /** Byte length per spec (Σ line lengths with CR LF) – what 8100 should say. */
  get length(): number {
    let n = 0;
    for (const f of this.fields) {
      n += f.byteLength + 2;
    }
    return n;
  }

  /** The 8100 value as a number; undefined when absent, NaN when not numeric. */
  get declaredLength(): number | undefined {
    const v = this.value('8100');
    return v === undefined ? undefined : /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
  }

  /** First line number of the record. */
  get line(): number {
    return this.fields[0]?.line ?? 0;
  }

  serialize(): Buffer {
    return Buffer.concat(this.fields.map((f) => f.serialize()));
  }
}

export interface ParseOptions {
  /** Charset to assume when 9206 is missing (per-partner setting); default CP437 as the spec says. */
  defaultCharset?: GdtCharset;
}

/** A parsed or built GDT file. */
export class GdtFile {
  private constructor(
    /** Every physical line in order (fields and others); serialising them gives the file's bytes. */
    readonly lines: readonly GdtLine[],
    readonly records: readonly GdtRecord[],
    readonly problems: readonly GdtProblem[],
    /** Charset the values were decoded with (declared, default, or detected when they disagree). */
    readonly charset: GdtCharset,
    /** Charset named by 9206 (or 9106); undefined when missing or unknown. */
    readonly declaredCharset: GdtCharset | undefined,
    /** What the bytes look like. */
    readonly detectedCharset: DetectedCharset,
    /** The parsed bytes (a private copy), for an exact and cheap serialize(). */
    private readonly source?: Buffer,
  ) {}

  /** GDT version (9218) of the first record that has one. */
  get version(): string | undefined {
    for (const r of this.records) {
      const v = r.version;
      if (v !== undefined) {
        return v;
      }
    }
    return undefined;
  }

  /** All field lines. */
  get fields(): GdtField[] {
    return this.lines.filter((l): l is GdtField => l instanceof GdtField);
  }

  /**
   * True when at least something GDT-like was read: field lines, and either an 8000 or a majority of
   * field lines among the non-blank lines. False for empty, binary or foreign files.
   */
  get isGdtLike(): boolean {
    let fields = 0;
    let others = 0;
    for (const l of this.lines) {
      if (l instanceof GdtField) {
        fields++;
      } else if (l.kind === 'invalid') {
        others++;
      }
    }
    if (fields === 0) {
      return false;
    }
    return this.records.some((r) => r.satzart !== undefined) || fields > others;
  }

  /** The bytes: for a parsed file exactly the input. */
  serialize(): Buffer {
    if (this.source) {
      return Buffer.from(this.source);
    }
    const parts: Buffer[] = [];
    for (const l of this.lines) {
      parts.push(l.raw);
      if (l.eol.length > 0) {
        parts.push(l.eol);
      }
    }
    return Buffer.concat(parts);
  }

  /** Parses bytes leniently: never throws; everything odd becomes a problem with its line number. */
  static parse(bytes: Uint8Array, options: ParseOptions = {}): GdtFile {
    return parseGdt(bytes, options);
  }

  /** A file from records built with {@link createRecord} (no problems, charset of the first record). */
  static fromRecords(records: readonly GdtRecord[], charset: GdtCharset = DEFAULT_CHARSET): GdtFile {
    const declared = records[0] ? charsetOf9206(records[0].value('9206') ?? '') : undefined;
    const eff = declared ?? charset;
    const lines = records.flatMap((r) => r.fields);
    const all = Buffer.concat(lines.map((l) => l.raw));
    return new GdtFile(lines, records, [], eff, declared, detectCharset(all));
  }

  /** @internal used by the parser. */
  static create(
    lines: GdtLine[],
    records: GdtRecord[],
    problems: GdtProblem[],
    charset: GdtCharset,
    declared: GdtCharset | undefined,
    detected: DetectedCharset,
    source?: Buffer,
  ): GdtFile {
    return new GdtFile(lines, records, problems, charset, declared, detected, source);
  }
}

/** Convenience: `GdtFile.parse`. */
export function parseGdt(input: Uint8Array, options: ParseOptions = {}): GdtFile {
  // A private copy: fields slice it lazily, so later changes to the caller's buffer must not show through.
  const bytes = Buffer.from(input);
  const problems = new ProblemList();
  if (bytes.length === 0) {
    problems.push(problem('EMPTY_FILE', 0));
    const cs = options.defaultCharset ?? DEFAULT_CHARSET;
    return GdtFile.create([], [], problems.done(), cs, undefined, 'ascii');
  }
  const scan = scanLines(bytes, problems);
  const { charset, declared, detected } = resolveCharset(bytes, scan, problems, options);
  const lines = scan.lines;
  // Values with bytes ≥ 0x80 were left for now: decode them with the charset just resolved.
  for (const p of scan.pending) {
    const f = lines[p.index] as GdtField;
    lines[p.index] = GdtField.fromSource(
      bytes,
      p.start,
      p.end,
      f.line,
      f.id,
      decodeBytes(bytes, p.start + f.valueOffset, p.end, charset),
      f.eol,
      f.declaredLength,
      f.valueOffset,
    );
  }
  const records: GdtRecord[] = [];
  let current: GdtField[] = [];
  for (const l of lines) {
    if (!(l instanceof GdtField)) {
      continue;
    }
    if (l.id === '8000' && current.length > 0) {
      records.push(new GdtRecord(current));
      current = [];
    }
    current.push(l);
  }
  if (current.length > 0) {
    records.push(new GdtRecord(current));
  }
  checkRecords(records, problems);
  return GdtFile.create(lines, records, problems.done(), charset, declared, detected, bytes);
}

const ID_CACHE: string[] = [];

/** Field ids as 4-digit strings, one string per id for the whole process (ids repeat in every file). */
function fieldId(n: number): string {
  return (ID_CACHE[n] ??= String(n).padStart(4, '0'));
}

/** Decodes an ASCII value without a Buffer call; undefined when a byte ≥ 0x80 needs the charset. */
function asciiValue(b: Buffer, start: number, end: number): string | undefined {
  if (end - start > 12) {
    for (let i = start; i < end; i++) {
      if (b[i]! >= 0x80) {
        return undefined;
      }
    }
    return b.toString('latin1', start, end);
  }
  let s = '';
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (c >= 0x80) {
      return undefined;
    }
    s += String.fromCharCode(c);
  }
  return s;
}

function digits(b: Buffer, start: number, n: number): number {
  let v = 0;
  for (let i = start; i < start + n; i++) {
    const c = b[i];
    if (c === undefined || c < 0x30 || c > 0x39) {
      return NaN;
    }
    v = v * 10 + (c - 0x30);
  }
  return v;
}

function isEol(c: number | undefined): boolean {
  return c === CR || c === LF;
}

function eolLenAt(b: Buffer, i: number): number {
  if (i >= b.length) {
    return 0;
  }
  return b[i] === CR && b[i + 1] === LF ? 2 : 1;
}

/** A line start that looks like `LLL FFFF` (7 digits). */
function looksLikeFieldStart(b: Buffer, i: number): boolean {
  return !Number.isNaN(digits(b, i, 7));
}

interface Scan {
  lines: GdtLine[];
  /** Fields whose value has bytes ≥ 0x80 (decoded once the charset is known). */
  pending: { index: number; start: number; end: number }[];
  /** 9206 / 9106 lines: line number, field id, value. */
  charsetFields: { line: number; id: string; value: string }[];
  /** First line with a byte ≥ 0x80 (0 = none). */
  firstHighLine: number;
}

/**
 * One pass over the bytes: splits into physical lines on CR LF, LF or CR, except where the line's own LLL says
 * that a value continues over an embedded line break (gdt.md §12: "let a plausible LLL win"), builds the line
 * objects and reports line-level problems. No intermediate objects per line: this is the hot loop.
 */
function scanLines(b: Buffer, problems: ProblemList): Scan {
  const lines: GdtLine[] = [];
  const scan: Scan = { lines, pending: [], charsetFields: [], firstHighLine: 0 };
  const n = b.length;
  let pos = 0;
  let lineNo = 1;
  let crlf = 0;
  let lfOnly = 0;
  let crOnly = 0;
  let firstLf = 0;
  let firstCr = 0;
  if (n >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2]) {
    lines.push(new GdtOtherLine(1, 'bom', b.subarray(0, 3), NO_EOL));
    problems.push(problem('UTF8_BOM', 1));
    pos = 3;
  }
  while (pos < n) {
    const startLine = lineNo;
    let e = pos;
    let high = false;
    while (e < n) {
      const c = b[e]!;
      if (c === LF || c === CR) {
        break;
      }
      if (c >= 0x80) {
        high = true;
      }
      e++;
    }
    let len = e - pos;
    const lll = digits(b, pos, 3);
    let valueOffset = 7;
    let declared = lll;
    const isField = len >= 7 && looksLikeFieldStart(b, pos);
    if (isField && lll - 2 !== len) {
      // 4-digit LLL for values > 990 bytes.
      const lll4 = digits(b, pos, 4);
      if (len >= 8 && lll4 > 999 && lll4 - 2 === len && !Number.isNaN(digits(b, pos + 4, 4))) {
        valueOffset = 8;
        declared = lll4;
        problems.push(problem('LLL_FOUR_DIGITS', lineNo));
      } else if (lll - 2 > len && pos + lll - 2 <= n) {
        // Embedded line break: accept if LLL ends exactly at a line end followed by a field line (or EOF).
        const ce = pos + lll - 2;
        const next = ce + eolLenAt(b, ce);
        if ((ce === n || isEol(b[ce])) && (next >= n || looksLikeFieldStart(b, next)) && hasEol(b, e, ce)) {
          problems.push(problem('EMBEDDED_LINE_BREAK', lineNo));
          for (let i = e; i < ce; i++) {
            high ||= b[i]! >= 0x80;
          }
          lineNo += countBreaks(b, e, ce);
          e = ce;
          len = e - pos;
        }
      }
    }
    if (high && scan.firstHighLine === 0) {
      scan.firstHighLine = startLine;
    }
    const eolLen = eolLenAt(b, e);
    let eol = NO_EOL;
    if (eolLen === 2) {
      crlf++;
      eol = CRLF;
    } else if (eolLen === 1) {
      if (b[e] === LF) {
        lfOnly++;
        firstLf ||= startLine;
        eol = LF_BUF;
      } else {
        crOnly++;
        firstCr ||= startLine;
        eol = CR_BUF;
      }
    }
    if (isField) {
      if (declared - 2 !== len) {
        if (eolLen === 0 && declared - 2 > len) {
          problems.push(problem('TRUNCATED_LINE', startLine, `${len + 2}/${declared} bytes`));
        } else {
          problems.push(problem('LENGTH_MISMATCH', startLine, `LLL ${declared}, actual ${len + 2}`));
        }
      }
      if (eolLen === 0 && declared - 2 <= len) {
        problems.push(problem('NO_FINAL_LINE_BREAK', startLine));
      }
      const id = fieldId(digits(b, pos + valueOffset - 4, 4));
      const value = high ? undefined : asciiValue(b, pos + valueOffset, e);
      if (value === undefined) {
        scan.pending.push({ index: lines.length, start: pos, end: e });
      }
      if ((id === '9206' || id === '9106') && !high) {
        scan.charsetFields.push({ line: startLine, id, value: value ?? '' });
      }
      lines.push(GdtField.fromSource(b, pos, e, startLine, id, value ?? '', eol, declared, valueOffset));
    } else if (len === 0) {
      lines.push(new GdtOtherLine(startLine, 'blank', NO_EOL, eol));
      if (eolLen > 0 || e < n) {
        problems.push(problem('BLANK_LINE', startLine));
      }
    } else {
      lines.push(new GdtOtherLine(startLine, 'invalid', b.subarray(pos, e), eol));
      const cut = eolLen === 0 && len < 7 && digitsOnly(b, pos, e);
      problems.push(problem(cut ? 'TRUNCATED_LINE' : 'INVALID_LINE', startLine));
    }
    pos = e + eolLen;
    lineNo++;
  }
  const kinds = (crlf > 0 ? 1 : 0) + (lfOnly > 0 ? 1 : 0) + (crOnly > 0 ? 1 : 0);
  if (kinds > 1) {
    problems.push(
      problem('MIXED_LINE_ENDINGS', firstLf || firstCr, `CRLF ${crlf}, LF ${lfOnly}, CR ${crOnly}`),
    );
  } else if (lfOnly > 0) {
    problems.push(problem('LF_ONLY', firstLf));
  } else if (crOnly > 0) {
    problems.push(problem('CR_ONLY', firstCr));
  }
  return scan;
}

function digitsOnly(b: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (c < 0x30 || c > 0x39) {
      return false;
    }
  }
  return true;
}

/**
 * True when [start, end) contains line breaks and no continuation line looks like a field line of its own:
 * a value with embedded breaks has continuation lines without LLL/FK (gdt.md §9.5); a wrong LLL that happens
 * to end at a later line end must stay a LENGTH_MISMATCH.
 */
function hasEol(b: Buffer, start: number, end: number): boolean {
  let found = false;
  for (let i = start; i < end; i++) {
    if (isEol(b[i])) {
      found = true;
      const next = b[i] === CR && b[i + 1] === LF ? i + 2 : i + 1;
      if (next < end && looksLikeFieldStart(b, next)) {
        return false;
      }
    }
  }
  return found;
}

/** Physical line breaks in a range (CR LF counts once). */
function countBreaks(b: Buffer, start: number, end: number): number {
  let k = 0;
  for (let i = start; i < end; i++) {
    if (b[i] === LF || (b[i] === CR && b[i + 1] !== LF)) {
      k++;
    }
  }
  return k;
}

function resolveCharset(
  bytes: Buffer,
  scan: Scan,
  problems: ProblemList,
  options: ParseOptions,
): { charset: GdtCharset; declared: GdtCharset | undefined; detected: DetectedCharset } {
  let declared: GdtCharset | undefined;
  let declaredLine = 0;
  let declaredAny = false;
  let fallback9106: { line: number; value: string } | undefined;
  for (const f of scan.charsetFields) {
    if (f.id === '9106') {
      fallback9106 ??= f;
      continue;
    }
    const cs = charsetOf9206(f.value);
    if (!declaredAny) {
      declaredAny = true;
      declared = cs;
      declaredLine = f.line;
      if (cs === undefined) {
        problems.push(problem('UNKNOWN_CHARSET', f.line));
      } else if (cs === 'utf8') {
        problems.push(problem('NONSTANDARD_CHARSET', f.line));
      }
    } else if (cs !== declared) {
      problems.push(problem('CHARSET_CONFLICT', f.line));
    }
  }
  if (!declaredAny && fallback9106) {
    declared = charsetOf9206(fallback9106.value);
    declaredLine = fallback9106.line;
    declaredAny = true;
    problems.push(problem('CHARSET_FIELD_9106', fallback9106.line));
  }
  const detected = scan.firstHighLine === 0 ? 'ascii' : detectCharset(bytes);
  const assumed = declared ?? options.defaultCharset ?? DEFAULT_CHARSET;
  let charset: GdtCharset = assumed;
  if (detected === 'utf8') {
    charset = 'utf8';
    if (declared === undefined) {
      problems.push(problem('UNDECLARED_UTF8', scan.firstHighLine));
    } else if (declared !== 'utf8') {
      problems.push(
        problem('CHARSET_MISMATCH', declaredLine, `declared ${GdtCharsets[declared].label}, bytes are UTF-8`),
      );
    }
  } else if (detected !== 'ascii') {
    if (declared === undefined && declaredAny === false && detected !== 'iso-8859-1') {
      problems.push(problem('MISSING_CHARSET', scan.firstHighLine));
    }
    const conflict =
      assumed === '7bit' ||
      assumed === 'utf8' ||
      (detected === 'iso-8859-1' && assumed === 'cp437') ||
      (detected === 'cp437' && assumed === 'iso-8859-1');
    if (conflict) {
      const looks = detected === '8bit' ? 'cp437' : detected;
      charset = looks;
      problems.push(
        problem(
          'CHARSET_MISMATCH',
          declaredAny ? declaredLine : scan.firstHighLine,
          `${declared === undefined ? 'assumed' : 'declared'} ${GdtCharsets[assumed].label}, bytes look like ${GdtCharsets[looks].label}`,
        ),
      );
    }
  }
  return { charset, declared, detected };
}

function checkRecords(records: GdtRecord[], problems: ProblemList): void {
  if (records.length > 1) {
    problems.push(problem('MULTIPLE_RECORDS', records[1]!.line, `${records.length} records`));
  }
  for (const r of records) {
    const satzart = r.satzart;
    if (satzart === undefined) {
      problems.push(problem('MISSING_SATZART', r.line));
      continue;
    }
    if (!isKnownSatzart(satzart)) {
      problems.push(problem('UNKNOWN_SATZART', r.line));
    }
    const len = r.declaredLength;
    const v3 = (r.version ?? '').trim().startsWith('03') || (r.version ?? '').trim().startsWith('3');
    if (len === undefined) {
      if (!v3) {
        problems.push(problem('MISSING_SATZLAENGE', r.line));
      }
    } else if (len !== r.length) {
      problems.push(
        problem(
          'SATZLAENGE_MISMATCH',
          r.get('8100')!.line,
          `8100 = ${Number.isNaN(len) ? 'not a number' : len}, actual ${r.length}`,
        ),
      );
    }
  }
}

// ----- building records ------------------------------------------------------------------------------------

export interface CreateRecordOptions {
  /** Charset the values are encoded in. Default CP437 (the spec default). Write the matching 9206 yourself. */
  charset?: GdtCharset;
}

const MAX_VALUE_BYTES = 990;

/**
 * Builds a record: `8000` first, `8100` (computed) second, then exactly the given fields in order – header
 * fields (8315, 8316, 9206, 9218) are the caller's, so deliberately incomplete or mis-declared records (lab,
 * tests) are possible; {@link buildOrder} adds the usual header. Values are encoded first, LLL = bytes + 9,
 * 8100 = Σ LLL with CR LF (5 digits; 7 digits when 9218 says 3.x, per S3 [S]). Throws VALIDATION_FAILED for
 * values that cannot be represented (line breaks, > 990 bytes, characters outside the charset) instead of
 * writing a broken file. `fields` are `[id, value]` pairs with 4-digit ids (repeat an id for repeated fields).
 */
export function createRecord(
  satzart: string,
  fields: ReadonlyArray<readonly [string, string]>,
  options: CreateRecordOptions = {},
): GdtRecord {
  const charset = options.charset ?? DEFAULT_CHARSET;
  const body = fields.filter(([id]) => id !== '8000' && id !== '8100');
  const version = body.find(([id]) => id === '9218')?.[1] ?? '';
  const width = version.startsWith('03') || version.startsWith('3.') ? 7 : 5;
  const encoded = body.map(([id, value]) => encodeLine(id, value, charset));
  const satzLine = encodeLine('8000', satzart, charset);
  const total = encoded.reduce((s, l) => s + l.length + 2, satzLine.length + 2) + 9 + width;
  const lenLine = encodeLine('8100', String(total).padStart(width, '0'), charset);
  const all = [satzLine, lenLine, ...encoded];
  const values = [satzart, String(total).padStart(width, '0'), ...body.map(([, v]) => v)];
  return new GdtRecord(
    all.map((raw, i) => new GdtField(0, raw.toString('latin1', 3, 7), values[i]!, raw, CRLF, raw.length + 2)),
  );
}

function encodeLine(id: string, value: string, charset: GdtCharset): Buffer {
  if (!/^\d{4}$/.test(id)) {
    throw new AppError('VALIDATION_FAILED', `GDT field id must have 4 digits: ${JSON.stringify(id)}`);
  }
  if (/[\r\n]/.test(value)) {
    throw new AppError('VALIDATION_FAILED', `GDT field ${id}: value contains a line break`, {
      hint: 'Mehrzeilige Texte als wiederholte Felder (z. B. 6220/6228) schreiben.',
    });
  }
  const bytes = encodeText(value, charset);
  if (bytes === undefined) {
    throw new AppError(
      'VALIDATION_FAILED',
      `GDT field ${id}: value contains characters that ${GdtCharsets[charset].label} cannot represent`,
    );
  }
  if (bytes.length > MAX_VALUE_BYTES) {
    throw new AppError('VALIDATION_FAILED', `GDT field ${id}: value longer than ${MAX_VALUE_BYTES} bytes`);
  }
  const lll = String(bytes.length + 9).padStart(3, '0');
  return Buffer.concat([Buffer.from(`${lll}${id}`, 'latin1'), bytes]);
}
