import type { AuditArea } from '@praxisready/model';

/** The editor's declarative vocabulary: what a field of the audit sheet is and how it is edited. */
export type Label = { de: string; en: string };
export type Option = { value: string; label: Label };

/** How a single value is edited: the input of a field or of a table cell. */
export type ValueKind = 'text' | 'number' | 'bool' | 'tri' | 'date' | 'choice';

/** One value of the audit sheet at its dotted path (the server's path syntax), edited as a person's value. */
export interface ScalarField {
  kind: ValueKind;
  path: string;
  label: Label;
  /** The allowed values of a `choice` field (the model's enum), with their labels. */
  options?: Option[];
}

/**
 * A sourced list of strings (instructed persons, backup paths): chips with add/remove, or — with `options` —
 * a toggle group over a fixed set (weekdays, document types). An emptied list is removed (not recorded).
 */
export interface ListField {
  kind: 'list';
  path: string;
  label: Label;
  options?: Option[];
  /** Hint shown in the add box, e.g. an example path. */
  placeholder?: Label;
}

/** One column of a table: a dotted path inside a row and how it is edited. */
export interface ColumnSpec {
  path: string;
  label: Label;
  kind: ValueKind | 'readonly';
  /** Fixed options, or options from the edited sheet (a printer picked from the printers). */
  options?: Option[] | ((sheet: unknown) => Option[]);
  /** Stored as a plain value, not `{value, source, at}` (e.g. a peripheral's kind). */
  raw?: boolean;
  /** The model requires it: a new row starts with this value and the input offers no empty choice. */
  initial?: unknown;
  /** Display of a `readonly` column (e.g. disks → free GB). */
  format?: (value: unknown) => string;
}

/**
 * A device list. `store` says how the model keeps it:
 * - `rows`: a plain list of rows with `id`, each value sourced (machines, printers): a cell edit is one person
 *   value at `path[id].column`, so the probe keeps filling the other cells of that row;
 * - `sourced`: one sourced list of plain rows (Konnektor terminals, cards): any edit makes the list a person's;
 * - `plain`: a plain list without ids (print profiles): any edit replaces the list.
 */
export interface TableField {
  kind: 'table';
  path: string;
  label: Label;
  store: 'rows' | 'sourced' | 'plain';
  /** Rows carry an `id` (required for `rows`); new rows get one with this prefix. */
  idPrefix?: string;
  /** The column whose value titles a row (card heading on narrow screens). */
  titleColumn: string;
  columns: ColumnSpec[];
}

/** The answers to a rules catalog (KBV requirements, operations checklist), keyed by item id under `path`. */
export interface ChecklistField {
  kind: 'checklist';
  path: 'kbv.requirements' | 'operations.items';
  label: Label;
  catalog: 'kbv' | 'operations';
}

export type FieldSpec = ScalarField | ListField | TableField | ChecklistField;

export const isScalar = (f: FieldSpec): f is ScalarField =>
  f.kind !== 'list' && f.kind !== 'table' && f.kind !== 'checklist';

export interface SectionSpec {
  /** Tab key; the area when a section has no own id. */
  id?: string;
  /** Heading when the section is not a whole area (e.g. the practice profile); else the area's label. */
  title?: Label;
  /** The findings area whose score is shown beside the section. */
  area: AuditArea;
  fields: FieldSpec[];
}

export const sectionId = (s: SectionSpec): string => s.id ?? s.area;

export const o = (value: string, de: string, en: string): Option => ({ value, label: { de, en } });
