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
  /** Items are positive whole numbers (printer resolutions in dpi): a numeric add box. */
  itemKind?: 'number';
}

/**
 * One part of a structured value the model keeps sourced as a whole: a key of an object (Office's Word
 * version) or a column of a sub-list (a disk's mount).
 */
export interface PartSpec {
  key: string;
  label: Label;
  kind: ValueKind;
  options?: Option[];
  /** The model requires it (an empty text counts as missing): the value is taken over only when it is set. */
  required?: boolean;
  /** A `choice` whose model values are numbers (Office bitness 32/64). */
  numeric?: boolean;
  /** The value a new item of a sub-list starts with. */
  initial?: unknown;
}

/**
 * Structured values inside a row, each sourced as a whole in the model (`disks: {value: [...], source}`), so
 * any edit makes the whole value a person's:
 * - `strings` / `numbers`: a list of plain values (.NET versions, trays; printer resolutions);
 * - `object`: one object with `parts` (Office, antivirus, display);
 * - `items`: a list of objects with `parts` (a machine's disks).
 */
export type StructuredKind = 'strings' | 'numbers' | 'object' | 'items';
export const STRUCTURED_KINDS: readonly string[] = ['strings', 'numbers', 'object', 'items'];

/** One column of a table: a dotted path inside a row and how it is edited. */
export interface ColumnSpec {
  path: string;
  label: Label;
  kind: ValueKind | 'readonly' | StructuredKind;
  /** The parts of an `object` / `items` column. */
  parts?: PartSpec[];
  /** A structured column's one-line summary in the row itself (disks → free GB of the data drive). */
  summary?: { label: Label; format: (value: unknown) => string };
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

/**
 * The observations (free-text notes) a person made for one area: the sheet's `observations` list filtered by
 * `area`; new notes get the area, the author and the time.
 */
export interface ObservationsField {
  kind: 'observations';
  path: 'observations';
  label: Label;
  area: AuditArea;
}

/** Picks the German or the English text of a summary (German first, as the labels). */
export type Say = (de: string, en: string) => string;

/**
 * A value the probe measures that has no editor (the Konnektor's TLS, a GDT folder audit): shown read-only with
 * its source in the section's "Von der Probe gemessen" list. `format` summarises the sourced value in words (a
 * list as one line per item); '' or an empty list leaves the entry out, as does an absent value.
 */
export interface MeasuredField {
  kind: 'measured';
  path: string;
  label: Label;
  format: (value: unknown, say: Say) => string | string[];
  /** A long text behind the summary (a ServiceProvider.ini), shown folded. */
  detail?: (value: unknown) => string | undefined;
}

export type FieldSpec =
  ScalarField | ListField | TableField | ChecklistField | ObservationsField | MeasuredField;

/** Fields that take the whole width of the section, each in its own block (consecutive measured ones share one). */
export const isBlock = (f: FieldSpec): f is TableField | ChecklistField | ObservationsField | MeasuredField =>
  f.kind === 'table' || f.kind === 'checklist' || f.kind === 'observations' || f.kind === 'measured';

export const isScalar = (f: FieldSpec): f is ScalarField => f.kind !== 'list' && !isBlock(f);

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
