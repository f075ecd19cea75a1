import { link, open, readdir, rename, unlink, utimes, lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '@praxisready/model';
import { GdtFile, GdtRecord } from '../codec/gdt-file.ts';
import { exchangeFileName } from './names.ts';

export interface WriteGdtOptions {
  /** Kürzel of the receiver for the file name (4 characters by convention). */
  receiver?: string;
  /** Kürzel of the sender for the file name. */
  sender?: string;
  /** `fixed` = `<receiver><sender>.GDT` (default); `counting` = `.000`, `.001`, … */
  mode?: 'fixed' | 'counting';
  /** An explicit file name instead of the convention (e.g. Medical Office `export.gdt`). */
  fileName?: string;
  /** Set the file's modification time (the lab uses it to create "stale" files). */
  mtime?: Date;
}

export interface WrittenGdtFile {
  path: string;
  name: string;
  bytes: number;
}

type Content = GdtFile | GdtRecord | readonly GdtRecord[] | Uint8Array;

function toBytes(content: Content): Buffer {
  if (content instanceof GdtFile || content instanceof GdtRecord) {
    return content.serialize();
  }
  if (content instanceof Uint8Array) {
    return Buffer.from(content);
  }
  return Buffer.concat(content.map((r) => r.serialize()));
}

// Link errors that mean "this file system cannot hard-link" (SMB, FAT, some FUSE): fall back to rename.
const NO_LINK = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

function unreadConflict(dir: string, name: string, cause?: unknown): AppError {
  return new AppError('CONFLICT', `An unread GDT file is still waiting in ${dir}: ${name}`, {
    cause,
    details: { dir, name },
    hint: 'Der Empfänger hat die letzte Datei noch nicht gelesen. Gerät/PVS prüfen, nicht überschreiben.',
  });
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new AppError(code === 'ENOENT' ? 'NOT_FOUND' : 'UNREACHABLE', `GDT folder not usable: ${dir}`, {
      cause: e,
      hint: 'Pfad des GDT-Austauschverzeichnisses prüfen (Netzlaufwerk verbunden? Rechte?).',
    });
  }
}

/** Moves `tmp` to `target` without ever replacing an existing file (hard link is atomic and no-clobber). */
async function placeNoClobber(tmp: string, target: string): Promise<'placed' | 'exists'> {
  try {
    await link(tmp, target);
    await unlink(tmp);
    return 'placed';
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'EEXIST') {
      return 'exists';
    }
    if (!NO_LINK.has(code)) {
      throw e;
    }
  }
  // No hard links here: check, then rename (a small race window, as every GDT tool has on such shares).
  try {
    await lstat(target);
    return 'exists';
  } catch {
    await rename(tmp, target);
    return 'placed';
  }
}

/**
 * Writes a GDT file into an exchange folder atomically: the bytes go to a temporary file (fsync'd), which is
 * then put in place under its final name, so a watching receiver never reads half a file. Never overwrites a
 * file the receiver has not consumed yet: fixed names throw CONFLICT, counting mode takes the next free number.
 */
export async function writeGdtFile(
  dir: string,
  content: Content,
  options: WriteGdtOptions = {},
): Promise<WrittenGdtFile> {
  const bytes = toBytes(content);
  const mode = options.mode ?? 'fixed';
  const stemName = (i?: number) => {
    if (options.fileName !== undefined) {
      return options.fileName;
    }
    if (options.receiver === undefined || options.sender === undefined) {
      throw new AppError('BAD_REQUEST', 'writeGdtFile needs receiver and sender (Kürzel) or a fileName');
    }
    return exchangeFileName(options.receiver, options.sender, i);
  };
  const existing = new Set((await namesIn(dir)).map((n) => n.toLowerCase()));
  const tmpName = `.${stemName(mode === 'counting' ? 0 : undefined)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const tmp = join(dir, tmpName);
  const handle = await open(tmp, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (options.mtime) {
    await utimes(tmp, options.mtime, options.mtime);
  }
  try {
    if (mode === 'fixed' || options.fileName !== undefined) {
      const name = stemName();
      if (existing.has(name.toLowerCase())) {
        throw unreadConflict(dir, name);
      }
      if ((await placeNoClobber(tmp, join(dir, name))) === 'exists') {
        throw unreadConflict(dir, name);
      }
      return { path: join(dir, name), name, bytes: bytes.length };
    }
    for (let i = 0; i <= 999; i++) {
      const name = stemName(i);
      if (existing.has(name.toLowerCase())) {
        continue;
      }
      if ((await placeNoClobber(tmp, join(dir, name))) === 'placed') {
        return { path: join(dir, name), name, bytes: bytes.length };
      }
    }
    throw new AppError('CONFLICT', `No free counter name left in ${dir} (.000 … .999 all taken)`, {
      hint: 'Der Empfänger holt die Dateien nicht ab: Importverzeichnis des Geräts/PVS prüfen.',
    });
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
