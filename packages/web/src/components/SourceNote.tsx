import { useI18n } from '../i18n/i18n.tsx';
import type { SheetConflict, Sourced } from '../api/types.ts';
import { inputValue } from '../sheet/fields.ts';
import { formatDateTime } from '../ui.tsx';

/** Where a value or row comes from: the probe (with time and evidence) or a person (manual, with who and when). */
export function SourceMark({ value, prefix }: { value: Sourced; prefix?: string }) {
  const { t, lang } = useI18n();
  if (value.source === 'probe') {
    return (
      <span className="source small">
        {prefix ? `${prefix} ` : null}
        <span className="badge probe">{t('sourceProbe')}</span> {t('filledByProbe')},{' '}
        {formatDateTime(value.at, lang)}
        {value.evidence ? <span className="muted"> · {value.evidence}</span> : null}
      </span>
    );
  }
  return (
    <span className="source small">
      <span className="badge manual-entry">{t('sourceManual')}</span> {value.by ? `${value.by}, ` : ''}
      {formatDateTime(value.at, lang)}
    </span>
  );
}

function shown(v: unknown): string {
  const value = (v as Sourced | undefined)?.value;
  return Array.isArray(value) ? String(value.length) : inputValue(value);
}

/** A probe value that differs from a person's: both values, and the choice which one the sheet keeps. */
export function ConflictNote({
  id,
  conflict,
  onResolve,
}: {
  id?: string;
  conflict: SheetConflict;
  onResolve: (conflictId: string, take: 'kept' | 'incoming') => void;
}) {
  const { t, lang } = useI18n();
  const list = Array.isArray(conflict.kept.value) || Array.isArray(conflict.incoming.value);
  return (
    <p id={id} className="source small conflict-note" role="note">
      <span className="badge warn">{t('conflicts')}</span> {t('conflictKept')}:{' '}
      <code>{list ? `${shown(conflict.kept)} ${t('rowsCount')}` : shown(conflict.kept)}</code> (
      {conflict.kept.by ?? conflict.kept.source}) · {t('conflictIncoming')}:{' '}
      <code>{list ? `${shown(conflict.incoming)} ${t('rowsCount')}` : shown(conflict.incoming)}</code> (
      {formatDateTime(conflict.incoming.at, lang)})
      <span className="actions">
        <button type="button" className="secondary" onClick={() => onResolve(conflict.id, 'kept')}>
          {t('keepValue')}
        </button>
        <button type="button" className="secondary" onClick={() => onResolve(conflict.id, 'incoming')}>
          {t('takeProbe')}
        </button>
      </span>
    </p>
  );
}
