import type { Sourced } from '../api/types.ts';
import { isSourced, personValue, type Edit } from './edits.ts';
import { getPath, removePath, setPath } from './paths.ts';
import type { ColumnSpec, TableField } from './spec.ts';

type Obj = Record<string, unknown>;

/** The rows of a table in the (edited) sheet; `whole` is the list's own source for `sourced` tables. */
export function tableRows(sheet: unknown, spec: TableField): { rows: Obj[]; whole?: Sourced } {
  const stored = getPath(sheet, spec.path);
  const whole = isSourced(stored) ? stored : undefined;
  const list = whole ? whole.value : stored;
  const rows = Array.isArray(list)
    ? (list as unknown[]).filter((r): r is Obj => typeof r === 'object' && r !== null)
    : [];
  return whole ? { rows, whole } : { rows };
}

/** Cells of `rows`/`plain` tables are sourced one by one, except raw columns; a `sourced` list holds plain rows. */
export const cellIsSourced = (spec: TableField, col: ColumnSpec) => spec.store !== 'sourced' && !col.raw;

export function cellValue(spec: TableField, row: Obj, col: ColumnSpec): unknown {
  const cell = getPath(row, col.path);
  return cellIsSourced(spec, col) && isSourced(cell) ? cell.value : cell;
}

/** The path of a row as the server names it in conflicts (`machines[PC-1]`); the list's path otherwise. */
export function rowPath(spec: TableField, row: Obj): string {
  return spec.store === 'rows' ? `${spec.path}[${String(row.id)}]` : spec.path;
}

function sourcedIn(node: unknown, out: Sourced[]): Sourced[] {
  if (isSourced(node)) {
    out.push(node);
  } else if (Array.isArray(node)) {
    node.forEach((x) => sourcedIn(x, out));
  } else if (typeof node === 'object' && node !== null) {
    Object.values(node).forEach((x) => sourcedIn(x, out));
  }
  return out;
}

/** The latest of a row's values, as the row's mark: without the evidence of that one cell. */
function latest(values: Sourced[]): Sourced | undefined {
  const last = values.reduce<Sourced | undefined>(
    (a, b) => (!a || (b.at ?? '') > (a.at ?? '') ? b : a),
    undefined,
  );
  if (!last) {
    return undefined;
  }
  const { evidence: _cell, ...mark } = last;
  return mark;
}

/**
 * Where a row comes from: once a person entered any value of it, the row is manual (latest person value);
 * otherwise the probe's latest measurement. A `sourced` list has one source for all its rows.
 */
export function rowSource(spec: TableField, row: Obj, whole: Sourced | undefined): Sourced | undefined {
  if (spec.store === 'sourced') {
    return whole;
  }
  const values = sourcedIn(row, []);
  return latest(values.filter((v) => v.source !== 'probe')) ?? latest(values);
}

/** The probe's latest value in a row of a `rows`/`plain` table, if any. */
export function probeSource(spec: TableField, row: Obj): Sourced | undefined {
  return spec.store === 'sourced'
    ? undefined
    : latest(sourcedIn(row, []).filter((v) => v.source === 'probe'));
}

/** The edit for one cell. `rows` tables change one value; the other stores replace their list. */
export function cellEdit(
  sheet: unknown,
  spec: TableField,
  index: number,
  col: ColumnSpec,
  value: unknown,
  at: string,
): Edit {
  const { rows } = tableRows(sheet, spec);
  const row = rows[index]!;
  const stored = value === undefined ? undefined : cellIsSourced(spec, col) ? personValue(value, at) : value;
  if (spec.store === 'rows') {
    const path = `${rowPath(spec, row)}.${col.path}`;
    return stored === undefined ? { op: 'remove', path } : { op: 'set', path, value: stored };
  }
  const nextRow = stored === undefined ? removePath(row, col.path) : setPath(row, col.path, stored);
  return listEdit(
    spec,
    rows.map((r, i) => (i === index ? nextRow : r)),
    at,
  );
}

function listEdit(spec: TableField, rows: Obj[], at: string): Edit {
  return { op: 'set', path: spec.path, value: spec.store === 'sourced' ? personValue(rows, at) : rows };
}

/** A new row with an id (where the model has one) and the values the model requires. */
export function newRow(spec: TableField, id: string, at: string): Obj {
  let row: Obj = spec.idPrefix ? { id } : {};
  for (const col of spec.columns) {
    if (col.initial !== undefined) {
      row = setPath(row, col.path, cellIsSourced(spec, col) ? personValue(col.initial, at) : col.initial);
    }
  }
  return row;
}

export function addRowEdit(sheet: unknown, spec: TableField, id: string, at: string): Edit {
  const row = newRow(spec, id, at);
  if (spec.store === 'rows') {
    return { op: 'set', path: `${spec.path}[${id}]`, value: row };
  }
  return listEdit(spec, [...tableRows(sheet, spec).rows, row], at);
}

export function removeRowEdit(sheet: unknown, spec: TableField, index: number, at: string): Edit {
  const { rows } = tableRows(sheet, spec);
  if (spec.store === 'rows') {
    return { op: 'remove', path: rowPath(spec, rows[index]!) };
  }
  return listEdit(
    spec,
    rows.filter((_, i) => i !== index),
    at,
  );
}

/** A short id for a new row, unique enough within one sheet (no crypto.randomUUID: plain http on a LAN). */
export function newRowId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
