import type { RemovedRow } from '@praxisready/model';

import { childPath, isKeyedList, isObj, rowPath } from './tree.ts';

/** Every keyed list of the sheet with the ids of its rows, by path (the sheet's own bookkeeping excluded). */
export function keyedRows(sheet: unknown): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (node: unknown, path: string): void => {
    if (isKeyedList(node)) {
      out.set(path, new Set(node.map((r) => r.id as string)));
      for (const r of node) {
        walk(r, rowPath(path, r.id as string));
      }
    } else if (isObj(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (!(path === '' && k === 'removedRows')) {
          walk(v, childPath(path, k));
        }
      }
    }
  };
  walk(sheet, '');
  return out;
}

/**
 * The sheet's removed-row list after a save: rows of `before` missing from `after` are added (who, when),
 * rows present again in `after` (re-added by a person, or taken from a probe conflict) are dropped. The list
 * is the server's: what a client sends in `removedRows` is ignored, so a stale browser cannot erase it.
 */
export function reconcileRemovedRows(
  before: unknown,
  after: unknown,
  stamp: { at: string; by: string },
): RemovedRow[] {
  const kept = isObj(before) && Array.isArray(before.removedRows) ? (before.removedRows as RemovedRow[]) : [];
  const was = keyedRows(before);
  const now = keyedRows(after);
  const present = (path: string, id: string) => now.get(path)?.has(id) === true;
  // rows inside a removed row (a removed machine's disks) go with it: one entry, for the outer row
  const insideRemoved = (path: string) =>
    [...path.matchAll(/\]/g)].some((m) => {
      const prefix = path.slice(0, m.index);
      const open = prefix.lastIndexOf('[');
      return open > 0 && !present(prefix.slice(0, open), prefix.slice(open + 1));
    });
  const out = kept.filter((r) => !present(r.path, r.id));
  for (const [path, ids] of was) {
    for (const id of ids) {
      if (!present(path, id) && !insideRemoved(path) && !out.some((r) => r.path === path && r.id === id)) {
        out.push({ path, id, at: stamp.at, by: stamp.by });
      }
    }
  }
  return out;
}
