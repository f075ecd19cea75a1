import yazl from 'yazl';
import type { AuditSheet } from '@praxisready/model';
import { AppError } from '@praxisready/model';
import type { DocLang } from '../common/lang.ts';
import { offerFileName, reportFileName, slug } from './names.ts';

/** The artifact folders of seed 000 ("Minimal-Artefaktliste"), in order. */
export const ARTIFACT_FOLDERS = ['01_Intake', '02_Vorbereitung', '03_Audit', '04_Nacharbeit'] as const;
export type ArtifactFolder = (typeof ARTIFACT_FOLDERS)[number];

/** A file filed for the case: ticket, appointment confirmation, TI screenshots, GDT config, follow-up … */
export interface Artifact {
  folder: ArtifactFolder;
  /** File name inside the folder; path separators are not allowed. */
  name: string;
  data: Buffer | string;
}

export interface BundleInput {
  sheet: AuditSheet;
  reportPdf?: Buffer;
  offerPdf?: Buffer;
  artifacts?: readonly Artifact[];
  lang?: DocLang;
  /** Modification time of every entry; fixed for reproducible archives. */
  now?: Date;
}

const SAFE_NAME = /^[^/\\]{1,200}$/;

/**
 * The artifact bundle (seed 000 step 5): a ZIP with the four folders 01_Intake … 04_Nacharbeit under one root
 * named after the case. The final sheet JSON, report and offer PDFs go to 04_Nacharbeit; other artifacts to
 * their folder. Names with path separators or `..` are rejected, so nothing can escape its folder.
 */
export async function buildArtifactBundle(input: BundleInput): Promise<Buffer> {
  const lang = input.lang ?? 'de';
  const mtime = input.now ?? new Date();
  const root = slug(`${input.sheet.caseId ?? input.sheet.id}_${input.sheet.practice.name}`);
  const files: Artifact[] = [...(input.artifacts ?? [])];
  files.push({
    folder: '04_Nacharbeit',
    name: 'Audit-Sheet_final.json',
    data: `${JSON.stringify(input.sheet, null, 2)}\n`,
  });
  if (input.reportPdf) {
    files.push({ folder: '04_Nacharbeit', name: reportFileName(input.sheet, lang), data: input.reportPdf });
  }
  if (input.offerPdf) {
    files.push({ folder: '04_Nacharbeit', name: offerFileName(input.sheet, lang), data: input.offerPdf });
  }
  const seen = new Set<string>();
  const zip = new yazl.ZipFile();
  for (const folder of ARTIFACT_FOLDERS) {
    zip.addEmptyDirectory(`${root}/${folder}/`, { mtime });
  }
  files.forEach((f, i) => {
    if (
      !ARTIFACT_FOLDERS.includes(f.folder) ||
      !SAFE_NAME.test(f.name) ||
      f.name.includes('\u0000') ||
      f.name === '.' ||
      f.name === '..'
    ) {
      throw new AppError('VALIDATION_FAILED', `Artifact name not allowed: ${f.folder}/${f.name}`, {
        issues: [
          {
            code: 'artifact_name',
            path: ['artifacts', i, 'name'],
            message: 'no path separators, 1–200 characters',
            severity: 'error',
          },
        ],
      });
    }
    const path = `${root}/${f.folder}/${f.name}`;
    if (seen.has(path)) {
      throw new AppError('CONFLICT', `Artifact filed twice: ${f.folder}/${f.name}`);
    }
    seen.add(path);
    zip.addBuffer(typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data, path, {
      mtime,
      compress: !f.name.toLowerCase().endsWith('.pdf'),
    });
  });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', (e: Error) =>
      reject(new AppError('INTERNAL', `ZIP failed: ${e.message}`, { cause: e })),
    );
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
