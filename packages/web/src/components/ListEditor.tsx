import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { ListField } from '../sheet/fields.ts';
import { parseCount } from '../sheet/structured.ts';

export interface ListEditorProps {
  spec: ListField;
  values: string[];
  /** The new list; an empty list means "not recorded". */
  onChange: (values: string[]) => void;
  describedBy?: string | undefined;
  /** Accessible name of the group when the visible label is not enough (a row's disks: "… – SERVER"). */
  groupLabel?: string | undefined;
}

/**
 * A list of strings: chips with a remove button and an add box (Enter or the button adds), or, when the field
 * has options, a toggle group (weekdays, document types) kept in the options' order.
 */
export function ListEditor({ spec, values, onChange, describedBy, groupLabel }: ListEditorProps) {
  const { t, l } = useI18n();
  const labelId = useId();
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const numeric = spec.itemKind === 'number';
  const naming = groupLabel ? { 'aria-label': groupLabel } : { 'aria-labelledby': labelId };

  if (spec.options) {
    const options = spec.options;
    return (
      <div role="group" {...naming} aria-describedby={describedBy} className="list-field">
        <span id={labelId} className="field-label">
          {l(spec.label)}
        </span>
        <div className="toggles">
          {options.map((opt) => {
            const on = values.includes(opt.value);
            return (
              <button
                key={opt.value}
                type="button"
                className={on ? 'toggle on' : 'toggle'}
                aria-pressed={on}
                onClick={() =>
                  onChange(
                    options.map((x) => x.value).filter((v) => (v === opt.value ? !on : values.includes(v))),
                  )
                }
              >
                {l(opt.label)}
              </button>
            );
          })}
        </div>
      </div>
    );
  }

  // resolutions are positive whole numbers: anything else is not added
  const entry = numeric ? String(parseCount(draft) ?? '') : draft.trim();
  const add = () => {
    const v = entry;
    if (v !== '' && !values.includes(v)) {
      onChange([...values, v]);
    }
    setDraft('');
  };
  return (
    <div role="group" {...naming} aria-describedby={describedBy} className="list-field">
      <span id={labelId} className="field-label">
        {l(spec.label)}
      </span>
      {values.length > 0 ? (
        <ul className="chips" aria-label={l(spec.label)}>
          {values.map((v) => (
            <li key={v} className="chip">
              <span className="chip-text">{v}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`${v} ${t('listRemove')}`}
                onClick={() => onChange(values.filter((x) => x !== v))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('listEmpty')}</p>
      )}
      <div className="list-add">
        <label htmlFor={inputId} className="visually-hidden">
          {`${l(spec.label)}: ${t('listNew')}`}
        </label>
        <input
          id={inputId}
          type={numeric ? 'number' : 'text'}
          {...(numeric ? { inputMode: 'numeric' as const, min: 1, step: 1 } : {})}
          value={draft}
          placeholder={spec.placeholder ? l(spec.placeholder) : ''}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="secondary" onClick={add} disabled={entry === ''}>
          {t('listAdd')}
        </button>
      </div>
    </div>
  );
}
