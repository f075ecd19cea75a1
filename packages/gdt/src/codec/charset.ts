import iconv from 'iconv-lite';

/**
 * The character sets of FK 9206 (gdt.md §5). GDT 3.0 keeps 9206 with the 2.1 values (its draft used 9106,
 * the release went back to 9206), so one table serves both versions.
 * - `7bit`: 9206 = 1, "7-bit". Whether this means DIN 66003 (German ISO 646) is unverified; like Elexis and
 *   GNUmed we decode it as US-ASCII.
 * - `cp437`: 9206 = 2, IBM code page 437, and the spec default when 9206 is missing.
 * - `iso-8859-1`: 9206 = 3, "ISO 8859-1 (ANSI) CP 1252": decoded as Windows-1252 (a superset for printable
 *   characters); written only with characters that are the same in both.
 * - `utf8`: 9206 = 4 in a few tools only; never a GDT charset, but files in the wild are UTF-8.
 * The names are those of `GdtCharset` in @praxisready/model (audit sheet), so folder audit and sheet agree.
 */
export const GdtCharsets = {
  '7bit': { code: '1', iconv: 'ascii', label: '7-Bit ASCII' },
  cp437: { code: '2', iconv: 'cp437', label: 'IBM CP437' },
  'iso-8859-1': { code: '3', iconv: 'windows-1252', label: 'ISO 8859-1 / Windows-1252' },
  utf8: { code: '4', iconv: 'utf8', label: 'UTF-8 (nicht GDT-konform)' },
} as const;
export type GdtCharset = keyof typeof GdtCharsets;

/** The spec default when 9206 is missing (gdt.md §5: Elexis and the OIE plugin agree). */
export const DEFAULT_CHARSET: GdtCharset = 'cp437';

/** Maps a 9206 value to a charset; undefined for unknown values. */
export function charsetOf9206(value: string): GdtCharset | undefined {
  const v = value.trim();
  for (const [name, spec] of Object.entries(GdtCharsets)) {
    if (spec.code === v) {
      return name as GdtCharset;
    }
  }
  return undefined;
}

/** What the bytes themselves look like, independent of any declaration. */
export type DetectedCharset = 'ascii' | 'utf8' | 'cp437' | 'iso-8859-1' | '8bit';

// German letters, the only non-ASCII bytes that occur in practice: ä ö ü Ä Ö Ü ß (é as a bonus).
const CP437_LETTERS = new Set([0x84, 0x94, 0x81, 0x8e, 0x99, 0x9a, 0xe1, 0x82]);
const CP1252_LETTERS = new Set([0xe4, 0xf6, 0xfc, 0xc4, 0xd6, 0xdc, 0xdf, 0xe9]);
// Undefined in Windows-1252: their presence rules it out.
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Classifies bytes: pure ASCII, valid UTF-8 with at least one multi-byte sequence, or single-byte text that
 * looks like CP437 or ISO 8859-1/Windows-1252 German (by which bytes carry the umlauts); `8bit` when undecidable.
 */
export function detectCharset(bytes: Uint8Array, start = 0, end = bytes.length): DetectedCharset {
  let high = -1;
  for (let i = start; i < end; i++) {
    if (bytes[i]! >= 0x80) {
      high = i;
      break;
    }
  }
  if (high < 0) {
    return 'ascii';
  }
  if (isUtf8(bytes, high, end)) {
    return 'utf8';
  }
  let s437 = 0;
  let s1252 = 0;
  for (let i = high; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0x80) {
      continue;
    }
    if (CP437_LETTERS.has(b)) {
      s437++;
    }
    if (CP1252_LETTERS.has(b)) {
      s1252++;
    }
    if (CP1252_UNDEFINED.has(b)) {
      s437 += 2;
    }
  }
  if (s437 > s1252) {
    return 'cp437';
  }
  if (s1252 > s437) {
    return 'iso-8859-1';
  }
  return '8bit';
}

/** True when the bytes from `start` are valid UTF-8 (they contain a multi-byte sequence at `start`). */
function isUtf8(b: Uint8Array, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else {
      return false;
    }
    if (i + n >= end) {
      return false;
    }
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) {
        return false;
      }
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

/** True when every byte in the range is < 0x80. */
export function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (bytes[i]! >= 0x80) {
      return false;
    }
  }
  return true;
}

/** Decodes bytes in a charset (ASCII ranges take a fast path). */
export function decodeBytes(bytes: Buffer, start: number, end: number, charset: GdtCharset): string {
  if (isAscii(bytes, start, end)) {
    return bytes.toString('latin1', start, end);
  }
  if (charset === 'utf8') {
    return bytes.toString('utf8', start, end);
  }
  if (charset === '7bit') {
    // Declared 7-bit but 8-bit bytes present (reported as CHARSET_MISMATCH); show them as Latin-1, not '?'.
    return bytes.toString('latin1', start, end);
  }
  const table = (DECODE_TABLES[charset] ??= singleByteTable(GdtCharsets[charset].iconv));
  let out = '';
  for (let i = start; i < end; i++) {
    out += table[bytes[i]!]!;
  }
  return out;
}

// 256-entry tables built once from iconv-lite: decoding a value is then a loop without Buffer allocations.
const DECODE_TABLES: Partial<Record<GdtCharset, string[]>> = {};

function singleByteTable(encoding: string): string[] {
  const all = Buffer.alloc(256);
  for (let i = 0; i < 256; i++) {
    all[i] = i;
  }
  return [...iconv.decode(all, encoding)];
}

/**
 * Encodes text in a charset; undefined when a character cannot be represented (iconv-lite would silently
 * write `?`, which is exactly the "Mller" bug of sample 08).
 */
export function encodeText(text: string, charset: GdtCharset): Buffer | undefined {
  if (charset === 'utf8') {
    return Buffer.from(text, 'utf8');
  }
  if (charset === '7bit') {
    // eslint-disable-next-line no-control-regex
    return /^[\x00-\x7f]*$/.test(text) ? Buffer.from(text, 'latin1') : undefined;
  }
  const bytes = iconv.encode(text, GdtCharsets[charset].iconv);
  return iconv.decode(bytes, GdtCharsets[charset].iconv) === text ? bytes : undefined;
}
