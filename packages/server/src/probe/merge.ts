import { isDeepStrictEqual } from 'node:util';
import { childPath, isKeyedList, isObj, isSourced, rowPath, type Obj } from '../sheets/tree.ts';

/**
 * Merges a probe-made sheet (every value `source: 'probe'`) into the case's sheet. Probe values fill gaps and
 * replace older probe values; a value a person entered (or the practice imported) is never overwritten: when
 * the probe measured something else, the person's value stays and a conflict is returned. A row a person
 * removed (the sheet's `removedRows`) is not re-added: it becomes a conflict. Lists without row ids (print
 * profiles) are replaced only when nothing in them came from a person, and never by an empty list: the
 * probe sends `[]` for "not measured".
 */
export interface MergeConflict {
  /** Dotted path into the sheet, e.g. `machines[PC-EMPFANG].ramGb`. */
  path: string;
  kept: unknown;
  incoming: unknown;
}

export interface MergeResult {
  sheet: Record<string, unknown>;
  conflicts: MergeConflict[];
  /** Number of values taken from the incoming sheet. */
  applied: number;
}

/** Top-level keys that describe the sheet itself, not measured values. */
const IDENTITY_KEYS = new Set([
  'kind',
  'schemaVersion',
  'id',
  'caseId',
  'revision',
  'stage',
  'practice',
  'site',
  'removedRows',
]);
const PROTECTED_SOURCES = new Set(['person', 'import']);

/** Whether anything inside came from a person or an import. */
function hasProtected(v: unknown): boolean {
  if (isSourced(v)) {
    return PROTECTED_SOURCES.has(v.source);
  }
  if (Array.isArray(v)) {
    return v.some(hasProtected);
  }
  return isObj(v) && Object.values(v).some(hasProtected);
}

export function mergeSheets(existing: Obj, incoming: Obj): MergeResult {
  const conflicts: MergeConflict[] = [];
  let applied = 0;
  // kept side of such a conflict: the removal itself (who, when), so the UI can say "entfernt von …"
  const removed = new Map(
    (Array.isArray(existing.removedRows) ? (existing.removedRows as Obj[]) : []).map((r) => [
      rowPath(String(r.path), String(r.id)),
      { removed: true, ...r },
    ]),
  );

  const node = (a: unknown, b: unknown, path: string): unknown => {
    if (b === undefined) {
      return a;
    }
    if (isSourced(b)) {
      if (a === undefined || a === null) {
        applied++;
        return b;
      }
      if (isSourced(a)) {
        if (isDeepStrictEqual(a.value, b.value)) {
          return a;
        }
        if (PROTECTED_SOURCES.has(a.source)) {
          conflicts.push({ path, kept: a, incoming: b });
          return a;
        }
      }
      applied++;
      return b;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (b.length === 0 || isDeepStrictEqual(a, b)) {
        return a;
      }
      const both = [...(a as unknown[]), ...(b as unknown[])];
      if (!isKeyedList(both)) {
        if (hasProtected(a)) {
          conflicts.push({ path, kept: a, incoming: b });
          return a;
        }
        applied++;
        return b;
      }
      const out = a.map((x) => x as Obj);
      for (const item of b as Obj[]) {
        const at = rowPath(path, String(item.id));
        const i = out.findIndex((x) => x.id === item.id);
        if (i !== -1) {
          out[i] = node(out[i], item, at) as Obj;
        } else if (removed.has(at)) {
          conflicts.push({ path: at, kept: removed.get(at), incoming: item });
        } else {
          applied++;
          out.push(item);
        }
      }
      return out;
    }
    if (isObj(a) && isObj(b)) {
      const out: Obj = { ...a };
      for (const [k, v] of Object.entries(b)) {
        const merged = node(a[k], v, childPath(path, k));
        if (merged !== undefined) {
          out[k] = merged;
        }
      }
      return out;
    }
    if (a === undefined) {
      applied++;
    }
    return a === undefined ? b : a;
  };

  const sheet: Obj = { ...existing };
  for (const [k, v] of Object.entries(incoming)) {
    if (IDENTITY_KEYS.has(k)) {
      continue;
    }
    const merged = node(existing[k], v, k);
    if (merged !== undefined) {
      sheet[k] = merged;
    }
  }
  return { sheet, conflicts, applied };
}
