import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Splits `C:\Program Files (x86)\x` into drive and segments. */
export function splitWindowsPath(path: string): { drive: string; segments: string[] } | null {
  const m = /^([A-Za-z]):[\\/]*(.*)$/.exec(path.trim());
  if (!m) {
    return null;
  }
  return { drive: (m[1] ?? 'C').toUpperCase(), segments: (m[2] ?? '').split(/[\\/]+/).filter(Boolean) };
}

/**
 * Where a Windows path lives on this machine: on Windows the path itself; elsewhere `<root>/<drive>/…` when a
 * Windows root was given (a mounted share, the lab), else nowhere. Segments match case-insensitively and `*`
 * matches within a segment, as on NTFS; returns every match.
 */
export async function resolveWindowsPath(
  path: string,
  platform: NodeJS.Platform,
  root: string | undefined,
): Promise<string[]> {
  const parts = splitWindowsPath(path);
  if (!parts) {
    return [];
  }
  let bases: string[];
  if (root !== undefined) {
    const drives = await readdir(root).catch(() => [] as string[]);
    bases = drives.filter((d) => d.toUpperCase() === parts.drive).map((d) => join(root, d));
  } else if (platform === 'win32') {
    bases = [`${parts.drive}:\\`];
  } else {
    return [];
  }
  for (const segment of parts.segments) {
    const pattern = new RegExp(
      `^${segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`,
      'i',
    );
    const next: string[] = [];
    for (const base of bases) {
      const names = await readdir(base).catch(() => [] as string[]);
      next.push(
        ...names
          .filter((n) => pattern.test(n))
          .sort()
          .map((n) => join(base, n)),
      );
    }
    bases = next;
    if (bases.length === 0) {
      return [];
    }
  }
  return bases;
}

/** Whether Windows paths can be looked at here at all. */
export function windowsPathsAvailable(platform: NodeJS.Platform, root: string | undefined): boolean {
  return platform === 'win32' || root !== undefined;
}
