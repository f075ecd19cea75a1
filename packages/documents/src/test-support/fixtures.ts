import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AuditSheet, Finding } from '@praxisready/model';
import { AuditSheetSchema, FindingSchema } from '@praxisready/model';

const run = promisify(execFile);
const FIXTURES = new URL('../__fixtures__/', import.meta.url);

/** The demo practice of the fixtures (Hausarztpraxis Dr. Jürgen Weiß & Kollegen, Köln). */
export function demoSheet(): AuditSheet {
  return AuditSheetSchema.parse(JSON.parse(readFileSync(new URL('demo-sheet.json', FIXTURES), 'utf8')));
}

/** Hand-written findings for the demo sheet (hermetic: independent of the rules catalog). */
export function demoFindings(): Finding[] {
  return (JSON.parse(readFileSync(new URL('demo-findings.json', FIXTURES), 'utf8')) as unknown[]).map((f) =>
    FindingSchema.parse(f),
  );
}

export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(name, FIXTURES));
}

/** Text of a PDF through Debian's `pdftotext` (poppler-utils). */
export async function pdfText(pdf: Buffer, layout = false): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'praxisready-pdf-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    const { stdout } = await run(
      'pdftotext',
      [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', join(dir, 'in.pdf'), '-'],
      { maxBuffer: 64 << 20 },
    );
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Renders every page to PNG with `pdftoppm`; returns the PNG bytes per page. */
export async function pdfPages(pdf: Buffer, dpi = 40): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'praxisready-png-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await run('pdftoppm', ['-r', String(dpi), '-png', join(dir, 'in.pdf'), join(dir, 'p')]);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.png')).sort();
    return Promise.all(names.map((n) => readFile(join(dir, n))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `pdffonts` output: one line per font with its embedded flag. */
export async function pdfFonts(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'praxisready-fonts-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    return (await run('pdffonts', [join(dir, 'in.pdf')])).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
