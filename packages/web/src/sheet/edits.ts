import type { Sourced } from '../api/types.ts';
import { getPath, isUnder, removePath, setPath } from './paths.ts';

type Obj = Record<string, unknown>;

/**
 * One pending change of the sheet, by path. `set` carries the value as it will be stored (a person's sourced
 * value, a raw list item, a whole row); `remove` deletes a value or a list item. The editor keeps them apart
 * from the loaded sheet and applies them on top, so the live evaluation and the save see the same sheet.
 */
export type Edit = { op: 'set'; path: string; value: unknown } | { op: 'remove'; path: string };
/** Pending edits keyed by path, in the order they were made. */
export type Edits = Record<string, Edit>;

/** A value entered by a person; the server stamps `by` and its own time when it saves. */
export function personValue(value: unknown, at: string): Sourced & { at: string } {
  return { value, source: 'person', at };
}

export function isSourced(x: unknown): x is Sourced {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'source' in x && 'value' in x;
}

/**
 * Adds an edit: edits below its path are replaced by it. Removing something that only exists as a pending edit
 * (a row added in this session) just forgets those edits.
 */
export function addEdit(edits: Edits, edit: Edit, base: Obj): Edits {
  const next: Edits = {};
  for (const [path, e] of Object.entries(edits)) {
    if (!isUnder(path, edit.path)) {
      next[path] = e;
    }
  }
  if (edit.op === 'remove' && getPath(base, edit.path) === undefined) {
    return next;
  }
  next[edit.path] = edit;
  return next;
}

export function applyEdits(base: Obj, edits: Edits): Obj {
  let sheet = base;
  for (const e of Object.values(edits)) {
    sheet = e.op === 'set' ? setPath(sheet, e.path, e.value) : removePath(sheet, e.path);
  }
  return sheet;
}
