import { STRUCTURED_KINDS, type ColumnSpec, type ListField, type PartSpec, type ValueKind } from './spec.ts';

type Obj = Record<string, unknown>;

/**
 * Structured values (a machine's disks, Office, antivirus, display; a printer's resolutions and trays) are
 * sourced as a whole in the model, so the editor changes them as a whole: any edit makes the whole value a
 * person's. An object or item that lacks a part the model requires is held back as a draft in the editor
 * (`settle`) instead of making the whole sheet invalid.
 */
export const isStructured = (col: ColumnSpec): boolean => STRUCTURED_KINDS.includes(col.kind);

/** A column edited in the row itself: one input (or a read-only display). */
export type FlatColumn = ColumnSpec & { kind: ValueKind | 'readonly' };
export const isFlat = (col: ColumnSpec): col is FlatColumn => !isStructured(col);

const isSet = (v: unknown) => v !== undefined && v !== null && v !== '';

/** The required parts `obj` lacks; an empty text counts as missing (a disk without mount says nothing). */
export function missingParts(parts: readonly PartSpec[], obj: Obj): PartSpec[] {
  return parts.filter((p) => p.required === true && !isSet(obj[p.key]));
}

/** Sets one part; a cleared part is removed (the model's optional keys are absent, not empty). */
export function setPart(obj: Obj, part: PartSpec, value: unknown): Obj {
  const next = { ...obj };
  if (value === undefined) {
    delete next[part.key];
  } else {
    next[part.key] = part.numeric === true ? Number(value) : value;
  }
  return next;
}

/** A new item of an `items` column with the parts' initial values. */
export function newItem(parts: readonly PartSpec[]): Obj {
  const item: Obj = {};
  for (const p of parts) {
    if (p.initial !== undefined) {
      item[p.key] = p.initial;
    }
  }
  return item;
}

/** Either the value to store (`undefined`: nothing left, the value is removed) or the parts still missing. */
export type Settled = { complete: true; value: unknown } | { complete: false; missing: PartSpec[] };

export function settle(col: ColumnSpec, next: Obj | Obj[]): Settled {
  const parts = col.parts ?? [];
  if (Array.isArray(next)) {
    const missing = [...new Set(next.flatMap((item) => missingParts(parts, item)))];
    if (missing.length > 0) {
      return { complete: false, missing };
    }
    return { complete: true, value: next.length > 0 ? next : undefined };
  }
  if (parts.every((p) => !isSet(next[p.key]))) {
    return { complete: true, value: undefined };
  }
  const missing = missingParts(parts, next);
  return missing.length > 0 ? { complete: false, missing } : { complete: true, value: next };
}

/** The list field a `strings` / `numbers` column is edited with (chips). */
export function listSpecOf(col: ColumnSpec): ListField {
  return {
    kind: 'list',
    path: col.path,
    label: col.label,
    ...(col.kind === 'numbers' ? { itemKind: 'number' as const } : {}),
  };
}

/** The chips' strings as the model's list: numbers for `numbers`; an emptied list is removed. */
export function listValue(col: ColumnSpec, items: string[]): unknown {
  if (items.length === 0) {
    return undefined;
  }
  return col.kind === 'numbers' ? items.map(Number) : items;
}

/** A positive whole number, as the model's resolutions are; `undefined` for anything else. */
export function parseCount(raw: string): number | undefined {
  const n = Number(raw.trim());
  return raw.trim() !== '' && Number.isInteger(n) && n > 0 ? n : undefined;
}
