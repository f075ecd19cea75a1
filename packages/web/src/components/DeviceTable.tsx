import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { SheetConflict } from '../api/types.ts';
import type { Edit } from '../sheet/edits.ts';
import { inputValue, type TableField } from '../sheet/fields.ts';
import { isSourced } from '../sheet/edits.ts';
import { getPath, isUnder } from '../sheet/paths.ts';
import { isFlat, isStructured } from '../sheet/structured.ts';
import {
  addRowEdit,
  cellEdit,
  cellValue,
  newRowId,
  probeSource,
  removeRowEdit,
  rowPath,
  rowSource,
  tableRows,
} from '../sheet/rows.ts';
import { ConflictNote, RemovedRowNote, SourceMark, isRemovedRowConflict } from './SourceNote.tsx';
import { StructuredValue } from './StructuredValue.tsx';
import { ValueInput } from './ValueInput.tsx';

/**
 * A row's structured values (disks, Office …): open when the row has any of them or a conflict on one, else
 * folded to one line naming them, so rows nobody measured stay short. Opened or closed, it stays so while the
 * row is edited (the state is the person's, not derived from the values).
 */
function RowDetails({
  initiallyOpen,
  summary,
  children,
}: {
  initiallyOpen: boolean;
  summary: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="row-more" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

export interface DeviceTableProps {
  spec: TableField;
  /** The sheet as edited (pending edits applied). */
  sheet: unknown;
  conflicts: SheetConflict[];
  /** Time stamped on the person values this table creates. */
  at: string;
  onEdit: (edit: Edit) => void;
  onResolve: (conflictId: string, take: 'kept' | 'incoming') => void;
}

/**
 * An editable device list: one row per device, a typed input per column, the row's source (probe with time, or
 * manual once a person entered a value) and its conflicts. A table where there is room; below ≈ 760 px of its
 * own width every row becomes a card (CSS container query), so the page never scrolls sideways.
 */
export function DeviceTable({ spec, sheet, conflicts, at, onEdit, onResolve }: DeviceTableProps) {
  const { t, l } = useI18n();
  const uid = useId();
  const { rows, whole } = tableRows(sheet, spec);
  const label = l(spec.label);
  const listConflicts = spec.store === 'rows' ? [] : conflicts.filter((k) => isUnder(k.path, spec.path));
  // rows a person removed that the probe reports again: not in `rows`, so shown below the table
  const removedRows =
    spec.store === 'rows'
      ? conflicts
          .filter(isRemovedRowConflict)
          .filter((k) => k.path.slice(0, k.path.lastIndexOf('[')) === spec.path)
      : [];
  const titleCol = spec.columns.find((c) => c.path === spec.titleColumn);
  const titleOf = (row: Record<string, unknown>) =>
    titleCol ? inputValue(cellValue(spec, row, titleCol)) : '';
  const rowTitle = (row: Record<string, unknown>, i: number) => titleOf(row) || `${label} ${i + 1}`;
  // Structured values (disks, Office …) are edited below their row; a summary may stay in the row itself.
  const flat = spec.columns.filter(isFlat);
  const structured = spec.columns.filter(isStructured);
  const summaries = structured.filter((col) => col.summary);
  const width = flat.length + summaries.length + 1;

  return (
    <div className="dtable-wrap">
      <div className="dtable-scroll">
        <table className="dtable">
          <caption>
            {label} <span className="count">({rows.length})</span>
            {whole ? (
              <>
                {' '}
                <SourceMark value={whole} />
              </>
            ) : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('tableRow')}</th>
              {flat.map((col) => (
                <th key={col.path} scope="col">
                  {l(col.label)}
                </th>
              ))}
              {summaries.map((col) => (
                <th key={col.path} scope="col">
                  {l(col.summary!.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={width} className="muted">
                  {t('tableEmpty')}
                </td>
              </tr>
            ) : (
              rows.map((row, i) => {
                const key = spec.store === 'rows' ? String(row.id) : String(i);
                const headId = `${uid}-${key}`;
                const source = rowSource(spec, row, whole);
                // A manual row whose other values the probe measured says so too.
                const probed = source?.source === 'probe' ? undefined : probeSource(spec, row);
                const structPath = (col: { path: string }) => `${rowPath(spec, row)}.${col.path}`;
                const rowConflicts =
                  spec.store === 'rows'
                    ? conflicts.filter(
                        (k) =>
                          isUnder(k.path, rowPath(spec, row)) &&
                          !structured.some((col) => k.path === structPath(col)),
                      )
                    : [];
                const title = rowTitle(row, i);
                return [
                  <tr
                    key={key}
                    className={`${source?.source === 'probe' ? 'probe' : source ? 'manual' : ''}${rowConflicts.length > 0 ? ' conflict' : ''}`}
                  >
                    <td className="row-head">
                      <strong id={headId}>{title}</strong>
                      {source ? <SourceMark value={source} /> : null}
                      {probed ? <SourceMark value={probed} prefix={t('otherValues')} /> : null}
                      {rowConflicts.map((k) => (
                        <ConflictNote key={k.id} conflict={k} onResolve={onResolve} />
                      ))}
                      <button
                        type="button"
                        className="secondary remove-row"
                        aria-label={`${title} ${t('rowRemove')}`}
                        onClick={() => onEdit(removeRowEdit(sheet, spec, i, at))}
                      >
                        {t('rowRemove')}
                      </button>
                    </td>
                    {flat.map((col) => {
                      const id = `${uid}-${key}-${col.path.replace(/\./g, '-')}`;
                      const value = cellValue(spec, row, col);
                      return (
                        <td key={col.path}>
                          {col.kind === 'readonly' ? (
                            <>
                              <span className="visually-hidden cell-label">{l(col.label)}</span>
                              <span className="readonly-value">
                                {col.format ? col.format(value) : inputValue(value)}
                              </span>
                            </>
                          ) : (
                            <>
                              <label className="visually-hidden cell-label" htmlFor={id}>
                                {l(col.label)}
                              </label>
                              <ValueInput
                                id={id}
                                kind={col.kind}
                                value={value}
                                options={typeof col.options === 'function' ? col.options(sheet) : col.options}
                                required={col.initial !== undefined}
                                describedBy={headId}
                                // A required value is never removed (the model would reject the row): an
                                // emptied name becomes the initial '' instead.
                                onChange={(v) =>
                                  onEdit(cellEdit(sheet, spec, i, col, v === undefined ? col.initial : v, at))
                                }
                              />
                            </>
                          )}
                        </td>
                      );
                    })}
                    {summaries.map((col) => (
                      <td key={col.path}>
                        <span className="visually-hidden cell-label">{l(col.summary!.label)}</span>
                        <span className="readonly-value">
                          {col.summary!.format(cellValue(spec, row, col))}
                        </span>
                      </td>
                    ))}
                  </tr>,
                  structured.length > 0 ? (
                    <tr key={`${key}-details`} className="row-details">
                      <td colSpan={width}>
                        <RowDetails
                          initiallyOpen={structured.some(
                            (col) =>
                              cellValue(spec, row, col) !== undefined ||
                              conflicts.some((k) => k.path === structPath(col)),
                          )}
                          summary={`${t('moreValues')}: ${structured.map((col) => l(col.label)).join(', ')} (${structured.filter((col) => cellValue(spec, row, col) !== undefined).length} ${t('recordedCount')})`}
                        >
                          <div className="struct-grid">
                            {structured.map((col) => {
                              const stored = getPath(row, col.path);
                              const mark = spec.store !== 'sourced' && isSourced(stored) ? stored : undefined;
                              const own = conflicts.filter((k) => k.path === structPath(col));
                              return (
                                <div
                                  key={col.path}
                                  className={`struct-field${mark?.source === 'probe' ? ' probe' : mark ? ' manual' : ''}${own.length > 0 ? ' conflict' : ''}`}
                                >
                                  <StructuredValue
                                    col={col}
                                    value={cellValue(spec, row, col)}
                                    idBase={`${uid}-${key}-${col.path}`}
                                    groupLabel={`${l(col.label)} – ${title}`}
                                    describedBy={headId}
                                    onChange={(v) => onEdit(cellEdit(sheet, spec, i, col, v, at))}
                                  />
                                  {mark ? <SourceMark value={mark} /> : null}
                                  {own.map((k) => (
                                    <ConflictNote key={k.id} conflict={k} onResolve={onResolve} />
                                  ))}
                                </div>
                              );
                            })}
                          </div>
                        </RowDetails>
                      </td>
                    </tr>
                  ) : null,
                ];
              })
            )}
          </tbody>
        </table>
      </div>
      {listConflicts.map((k) => (
        <ConflictNote key={k.id} conflict={k} onResolve={onResolve} />
      ))}
      {removedRows.map((k) => (
        <RemovedRowNote
          key={k.id}
          conflict={k}
          title={titleOf(k.incoming as unknown as Record<string, unknown>) || k.kept.id}
          onResolve={onResolve}
        />
      ))}
      <button
        type="button"
        className="secondary add-row"
        onClick={() => onEdit(addRowEdit(sheet, spec, newRowId(spec.idPrefix ?? 'row'), at))}
      >
        + {label}: {t('rowAdd')}
      </button>
    </div>
  );
}
