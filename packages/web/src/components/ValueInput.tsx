import { useI18n } from '../i18n/i18n.tsx';
import { inputValue, parseInput, type Option, type ValueKind } from '../sheet/fields.ts';

export interface ValueInputProps {
  id: string;
  kind: ValueKind;
  value: unknown;
  /** The typed value, or `undefined` when the input was cleared. */
  onChange: (value: unknown) => void;
  options?: Option[] | undefined;
  /** The model requires a value: no empty choice. */
  required?: boolean;
  describedBy?: string | undefined;
  /** Accessible name when no `<label for>` points at the input. */
  ariaLabel?: string;
}

/** One typed input of the sheet (scalar field or table cell): selects for enums and yes/no, else an input. */
export function ValueInput({
  id,
  kind,
  value,
  onChange,
  options,
  required,
  describedBy,
  ariaLabel,
}: ValueInputProps) {
  const { t, l } = useI18n();
  const common = {
    id,
    'aria-describedby': describedBy,
    ...(ariaLabel ? { 'aria-label': ariaLabel } : {}),
    onChange: (e: { target: { value: string } }) => onChange(parseInput(kind, e.target.value)),
  };
  const current = inputValue(value);
  if (kind === 'choice') {
    const opts = options ?? [];
    // A stored value outside the options (older data, a removed printer) stays visible instead of vanishing.
    const unknownValue = current !== '' && !opts.some((o) => o.value === current);
    return (
      <select {...common} value={current}>
        {!required || current === '' ? <option value="">–</option> : null}
        {unknownValue ? <option value={current}>{current}</option> : null}
        {opts.map((opt) => (
          <option key={opt.value} value={opt.value}>
            {l(opt.label)}
          </option>
        ))}
      </select>
    );
  }
  if (kind === 'bool' || kind === 'tri') {
    return (
      <select {...common} value={current}>
        <option value="">–</option>
        {kind === 'bool' ? (
          <>
            <option value="true">{t('yes')}</option>
            <option value="false">{t('no')}</option>
          </>
        ) : (
          <>
            <option value="yes">{t('yes')}</option>
            <option value="no">{t('no')}</option>
            <option value="unknown">{t('unknown')}</option>
          </>
        )}
      </select>
    );
  }
  return (
    <input
      {...common}
      type={kind === 'number' ? 'number' : kind === 'date' ? 'date' : 'text'}
      {...(kind === 'number' ? { step: 'any', inputMode: 'decimal' as const } : {})}
      value={current}
    />
  );
}
