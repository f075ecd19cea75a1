import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { inputValue, type ColumnSpec, type PartSpec } from '../sheet/fields.ts';
import { listSpecOf, listValue, newItem, setPart, settle } from '../sheet/structured.ts';
import { ListEditor } from './ListEditor.tsx';
import { ValueInput } from './ValueInput.tsx';

type Obj = Record<string, unknown>;

export interface StructuredValueProps {
  col: ColumnSpec;
  /** The stored value (the sourced value's `value`). */
  value: unknown;
  /** Unique id prefix of the inputs. */
  idBase: string;
  /** Accessible name of the whole value, e.g. "Festplatten – PRAXIS-SRV". */
  groupLabel: string;
  describedBy?: string | undefined;
  /** The whole new value (`undefined`: removed); only called with values the model accepts. */
  onChange: (value: unknown) => void;
}

const asObj = (v: unknown): Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {};
const asItems = (v: unknown): Obj[] => (Array.isArray(v) ? (v as unknown[]).map(asObj) : []);

function Part({
  part,
  id,
  value,
  onChange,
}: {
  part: PartSpec;
  id: string;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const { l } = useI18n();
  return (
    <div className="part">
      <label htmlFor={id}>
        {l(part.label)}
        {part.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <ValueInput
        id={id}
        kind={part.kind}
        value={value}
        options={part.options}
        required={part.required === true && part.initial !== undefined}
        onChange={onChange}
      />
    </div>
  );
}

/**
 * The editor of a structured value the model keeps sourced as a whole (a machine's disks, Office, antivirus,
 * display; a printer's resolutions and trays). Every change hands the whole value up, so it becomes a person's
 * value as a whole. An object or item still missing a required part stays a draft here, with a note, until it
 * is complete: the sheet never holds a value the model would reject.
 */
export function StructuredValue({
  col,
  value,
  idBase,
  groupLabel,
  describedBy,
  onChange,
}: StructuredValueProps) {
  const { t, l } = useI18n();
  const [draft, setDraft] = useState<Obj | Obj[] | null>(null);
  const [missing, setMissing] = useState<PartSpec[]>([]);
  const parts = col.parts ?? [];

  if (col.kind === 'strings' || col.kind === 'numbers') {
    const items = Array.isArray(value) ? (value as unknown[]).map(String) : [];
    return (
      <ListEditor
        spec={listSpecOf(col)}
        values={items}
        groupLabel={groupLabel}
        describedBy={describedBy}
        onChange={(next) => onChange(listValue(col, next))}
      />
    );
  }

  const update = (next: Obj | Obj[]) => {
    const s = settle(col, next);
    if (s.complete) {
      setDraft(null);
      setMissing([]);
      onChange(s.value);
    } else {
      setDraft(next);
      setMissing(s.missing);
    }
  };
  const missingNote =
    missing.length > 0 ? (
      <p className="small draft-note" role="status">
        {t('structuredIncomplete')}: {missing.map((p) => l(p.label)).join(', ')}
      </p>
    ) : null;

  if (col.kind === 'object') {
    const obj = draft && !Array.isArray(draft) ? draft : asObj(value);
    return (
      <fieldset className="struct" aria-label={groupLabel} aria-describedby={describedBy}>
        <legend>{l(col.label)}</legend>
        <div className="parts">
          {parts.map((p) => (
            <Part
              key={p.key}
              part={p}
              id={`${idBase}-${p.key}`}
              value={obj[p.key]}
              onChange={(v) => update(setPart(obj, p, v))}
            />
          ))}
        </div>
        {missingNote}
      </fieldset>
    );
  }

  const items = Array.isArray(draft) ? draft : asItems(value);
  const itemTitle = (item: Obj, i: number) => {
    const first = parts[0] ? inputValue(item[parts[0].key]) : '';
    return `${l(col.label)} ${i + 1}${first ? `: ${first}` : ''}`;
  };
  return (
    <fieldset className="struct" aria-label={groupLabel} aria-describedby={describedBy}>
      <legend>
        {l(col.label)} <span className="count">({items.length})</span>
      </legend>
      {items.length === 0 ? <p className="muted small">{t('listEmpty')}</p> : null}
      {items.map((item, i) => (
        // Items have no id in the model: the position is their identity while editing.
        <div key={i} role="group" aria-label={itemTitle(item, i)} className="struct-item">
          <div className="parts">
            {parts.map((p) => (
              <Part
                key={p.key}
                part={p}
                id={`${idBase}-${i}-${p.key}`}
                value={item[p.key]}
                onChange={(v) => update(items.map((x, j) => (j === i ? setPart(x, p, v) : x)))}
              />
            ))}
          </div>
          <button
            type="button"
            className="secondary remove-row"
            aria-label={`${itemTitle(item, i)} ${t('rowRemove')}`}
            onClick={() => update(items.filter((_, j) => j !== i))}
          >
            {t('rowRemove')}
          </button>
        </div>
      ))}
      {missingNote}
      <button type="button" className="secondary add-row" onClick={() => update([...items, newItem(parts)])}>
        + {l(col.label)}: {t('rowAdd')}
      </button>
    </fieldset>
  );
}
