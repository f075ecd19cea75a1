import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { AppError } from '@praxisready/model';

/**
 * Where artifact bytes live. Keys look like `cases/<caseId>/03_Audit/<artifactId>-<name>`; a disk store and an
 * S3-compatible store map them to files or object keys.
 */
export interface ArtifactStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

/** Files under a root folder; writes go to a temp file first, so a crash never leaves half a file. */
export class DiskStore implements ArtifactStore {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    const p = resolve(this.root, key);
    if (!p.startsWith(resolve(this.root) + sep)) {
      throw new AppError('BAD_REQUEST', 'Invalid storage key');
    }
    return p;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true });
    const tmp = `${p}.tmp-${process.pid}`;
    await writeFile(tmp, bytes);
    await rename(tmp, p);
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.path(key));
    } catch (e) {
      throw new AppError('NOT_FOUND', 'Artifact file is missing in storage', { cause: e });
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

export function artifactsRootOf(dataDir: string): string {
  return join(dataDir, 'artifacts');
}
