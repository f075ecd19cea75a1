import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { ListField } from '../sheet/fields.ts';

export interface ListEditorProps {
  spec: ListField;
  values: string[];
  /** The new list; an empty list means "not recorded". */
  onChange: (values: string[]) => void;
  describedBy?: string | undefined;
}

/**
 * A list of strings: chips with a remove button and an add box (Enter or the button adds), or, when the field
 * has options, a toggle group (weekdays, document types) kept in the options' order.
 */
export function ListEditor({ spec, values, onChange, describedBy }: ListEditorProps) {
  const { t, l } = useI18n();
  const labelId = useId();
  const inputId = useId();
  const [draft, setDraft] = useState('');

  if (spec.options) {
    const options = spec.options;
    return (
      <div role="group" aria-labelledby={labelId} aria-describedby={describedBy} className="list-field">
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

  const add = () => {
    const v = draft.trim();
    if (v !== '' && !values.includes(v)) {
      onChange([...values, v]);
    }
    setDraft('');
  };
  return (
    <div role="group" aria-labelledby={labelId} aria-describedby={describedBy} className="list-field">
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
          type="text"
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
        <button type="button" className="secondary" onClick={add} disabled={draft.trim() === ''}>
          {t('listAdd')}
        </button>
      </div>
    </div>
  );
}
