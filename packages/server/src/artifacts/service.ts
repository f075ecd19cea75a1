import { createHash, randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { and, asc, eq } from 'drizzle-orm';
import { AppError } from '@praxisready/model';
import type { Actor, AppContext } from '../context.ts';
import type { DbOrTx } from '../db/connect.ts';
import { artifacts } from '../db/schema.ts';
import { recordAudit } from '../audit/trail.ts';
import { indexDoc } from '../search/index-docs.ts';
import { autoTick, loadCase } from '../cases/service.ts';
import { notFound } from '../errors.ts';
import { sniff } from './sniff.ts';

/** The artifact folders of seed 000 ("Minimal-Artefaktliste"). */
export const ArtifactFolder = {
  '01_Intake': '01_Intake',
  '02_Vorbereitung': '02_Vorbereitung',
  '03_Audit': '03_Audit',
  '04_Nacharbeit': '04_Nacharbeit',
} as const;
export type ArtifactFolder = keyof typeof ArtifactFolder;
export const ARTIFACT_FOLDERS = Object.keys(ArtifactFolder) as ArtifactFolder[];

const FOLDER_EVENT = { '03_Audit': 'artifact_03', '04_Nacharbeit': 'artifact_04' } as const;

const execFileAsync = promisify(execFile);

function dto(a: typeof artifacts.$inferSelect) {
  return {
    id: a.id,
    folder: a.folder,
    filename: a.filename,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    createdBy: a.createdBy,
    createdAt: a.createdAt.toISOString(),
  };
}

/** Text for search, where it is cheap: text files directly, PDFs through `pdftotext` when it is installed. */
async function extractText(bytes: Buffer, detected: string | undefined): Promise<string> {
  if (detected === 'text/plain') {
    return bytes.toString('utf8');
  }
  if (detected === 'application/pdf') {
    const dir = await mkdtemp(join(tmpdir(), 'praxisready-pdf-'));
    try {
      const file = join(dir, 'a.pdf');
      await writeFile(file, bytes);
      const { stdout } = await execFileAsync('pdftotext', ['-q', '-enc', 'UTF-8', file, '-'], {
        timeout: 10_000,
        maxBuffer: 4 * 1024 * 1024,
      });
      return stdout;
    } catch {
      return ''; // pdftotext missing or failed: the file is kept, just not searchable by content
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return '';
}

/** A safe file name: no path parts, no control characters. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'datei';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? 'datei' : clean;
}

/**
 * Stores a file in one of the case folders. Checks size and content type (declared type must match the bytes),
 * writes the bytes to the store, the row and the search text in one transaction.
 */
export async function addArtifact(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  file: { folder: ArtifactFolder; filename: string; contentType: string; bytes: Buffer },
  tx?: DbOrTx,
) {
  if (file.bytes.length > ctx.config.maxUploadBytes) {
    throw new AppError('TOO_LARGE', `File is larger than ${ctx.config.maxUploadBytes} bytes`);
  }
  if (file.bytes.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'File is empty', {
      issues: [{ code: 'empty', path: ['file'], message: 'empty file', severity: 'error' }],
    });
  }
  const s = sniff(file.bytes, file.contentType);
  if (!s.matches) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Content does not match ${file.contentType} (looks like ${s.detected ?? 'an unsupported format'})`,
      { details: { declared: file.contentType, detected: s.detected ?? null } },
    );
  }
  const id = randomUUID();
  const filename = safeName(file.filename);
  const key = `cases/${caseId}/${file.folder}/${id}`;
  const text = await extractText(file.bytes, s.detected);
  const run = async (t: DbOrTx) => {
    const c = await loadCase(t, actor, caseId);
    await ctx.store.put(key, file.bytes);
    const row = (
      await t
        .insert(artifacts)
        .values({
          id,
          caseId,
          folder: file.folder,
          filename,
          contentType: file.contentType.split(';')[0]!.trim().toLowerCase(),
          sizeBytes: file.bytes.length,
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
          storageKey: key,
          createdBy: actor.label,
        })
        .returning()
    )[0]!;
    await recordAudit(t, actor, {
      action: 'artifact.added',
      entityType: 'artifact',
      entityId: id,
      caseId,
      after: dto(row),
    });
    await indexDoc(t, {
      kind: 'artifact',
      refId: id,
      caseId,
      title: `${file.folder}/${filename} (#${c.number})`,
      body: text,
    });
    const event = FOLDER_EVENT[file.folder as keyof typeof FOLDER_EVENT] as
      (typeof FOLDER_EVENT)[keyof typeof FOLDER_EVENT] | undefined;
    if (event) {
      await autoTick(t, actor, caseId, event);
    }
    return dto(row);
  };
  try {
    return tx ? await run(tx) : await ctx.db.transaction(run);
  } catch (e) {
    await ctx.store.delete(key);
    throw e;
  }
}

export async function listArtifacts(ctx: AppContext, actor: Actor, caseId: string) {
  await loadCase(ctx.db, actor, caseId);
  const rows = await ctx.db
    .select()
    .from(artifacts)
    .where(eq(artifacts.caseId, caseId))
    .orderBy(asc(artifacts.folder), asc(artifacts.createdAt));
  return rows.map(dto);
}

export async function readArtifact(ctx: AppContext, actor: Actor, caseId: string, artifactId: string) {
  await loadCase(ctx.db, actor, caseId);
  const row = (
    await ctx.db
      .select()
      .from(artifacts)
      .where(and(eq(artifacts.id, artifactId), eq(artifacts.caseId, caseId)))
  )[0];
  if (!row) {
    throw notFound('Artifact');
  }
  return { meta: dto(row), bytes: await ctx.store.get(row.storageKey) };
}
