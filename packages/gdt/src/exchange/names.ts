import { basename, dirname, isAbsolute, resolve, win32 } from 'node:path';
import { existsSync } from 'node:fs';

/**
 * Exchange file names (gdt.md §8.2): `<Empfängerkürzel><Senderkürzel>.GDT` (fixed name) or the same stem with
 * a counter extension `.000`, `.001`, … ("hochzählend", Elexis). Names are matched case-insensitively because
 * `.GDT` and `.gdt` both occur. The start of the counter (`.000` or `.001`) is unverified in the spec; we start
 * at `.000` like Elexis and accept any three digits when reading.
 */
export const GdtNameKind = {
  /** `*.gdt` – one fixed name per direction. */
  fixed: 'fixed',
  /** `*.000` … `*.999` – counting mode. */
  counting: 'counting',
  /** A temporary file of a writer (`*.tmp`, `~*`). */
  temp: 'temp',
  /** Anything else (PDF attachments, logs…). */
  other: 'other',
} as const;
export type GdtNameKind = keyof typeof GdtNameKind;

const FIXED = /\.gdt$/i;
const COUNTING = /\.\d{3}$/;
const TEMP = /(\.tmp$|\.part$|^~)/i;

/** Classifies a file name. */
export function classifyFileName(name: string): GdtNameKind {
  if (TEMP.test(name)) {
    return 'temp';
  }
  if (FIXED.test(name)) {
    return 'fixed';
  }
  if (COUNTING.test(name)) {
    return 'counting';
  }
  return 'other';
}

/** True for names an importer should pick up (`*.gdt`, `*.000`–`*.999`). */
export function isGdtFileName(name: string): boolean {
  const kind = classifyFileName(name);
  return kind === 'fixed' || kind === 'counting';
}

/** `<receiver><sender>.GDT`, or with `index` the counting name `<receiver><sender>.NNN`. */
export function exchangeFileName(receiver: string, sender: string, index?: number): string {
  const stem = `${receiver}${sender}`;
  if (!/^[A-Za-z0-9_-]{1,16}$/.test(stem)) {
    throw new TypeError(
      'GDT file name parts must be letters, digits, _ or - (Kürzel of up to 4–8 characters)',
    );
  }
  if (index === undefined) {
    return `${stem}.GDT`;
  }
  if (!Number.isInteger(index) || index < 0 || index > 999) {
    throw new RangeError('counter must be 0…999');
  }
  return `${stem}.${String(index).padStart(3, '0')}`;
}

/**
 * A resolver for 6305 references: true when the referenced file exists at its path or, by its base name,
 * next to the GDT file (Windows paths like `C:\GDT\x.pdf` are reduced to `x.pdf`).
 */
export function attachmentResolver(gdtFilePath: string): (reference: string) => boolean {
  const dir = dirname(gdtFilePath);
  return (reference) => {
    if (reference === '') {
      return false;
    }
    if (isAbsolute(reference) && existsSync(reference)) {
      return true;
    }
    const base = win32.basename(reference).split('/').pop() ?? '';
    if (base !== '' && existsSync(resolve(dir, basename(base)))) {
      return true;
    }
    return !isAbsolute(reference) && !win32.isAbsolute(reference) && existsSync(resolve(dir, reference));
  };
}
