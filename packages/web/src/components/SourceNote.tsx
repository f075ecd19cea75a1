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

/** A conflict's side: a sourced value, or a whole list without row ids (print profiles). */
function shown(v: unknown, format?: (value: unknown) => string): string {
  if (Array.isArray(v)) {
    return String(v.length);
  }
  const value = (v as Sourced | undefined)?.value;
  if (format && value !== undefined && value !== null) {
    return format(value);
  }
  return Array.isArray(value) ? String(value.length) : inputValue(value);
}

const isList = (v: unknown) => Array.isArray(v) || Array.isArray((v as Sourced | undefined)?.value);

/** The kept side of a conflict about a row a person removed and the probe reports again (server's merge). */
export interface RemovedRowKept {
  removed: true;
  path: string;
  id: string;
  at: string;
  by?: string;
}

export function isRemovedRowConflict(k: SheetConflict): k is SheetConflict & { kept: RemovedRowKept } {
  return (k.kept as unknown as { removed?: unknown }).removed === true;
}

/** A row a person removed that a later probe upload reports again: leave it removed, or take the probe's row. */
export function RemovedRowNote({
  conflict,
  title,
  onResolve,
}: {
  conflict: SheetConflict & { kept: RemovedRowKept };
  title: string;
  onResolve: (conflictId: string, take: 'kept' | 'incoming') => void;
}) {
  const { t, lang } = useI18n();
  return (
    <p className="source small conflict-note" role="note">
      <span className="badge warn">{t('conflicts')}</span> <strong>{title}</strong>: {t('rowRemoved')} (
      {conflict.kept.by ? `${conflict.kept.by}, ` : ''}
      {formatDateTime(conflict.kept.at, lang)}) · {t('probeSeesRowAgain')} (
      {formatDateTime(conflict.incoming.at ?? conflict.createdAt, lang)})
      <span className="actions">
        <button type="button" className="secondary" onClick={() => onResolve(conflict.id, 'kept')}>
          {t('keepRemoved')}
        </button>
        <button type="button" className="secondary" onClick={() => onResolve(conflict.id, 'incoming')}>
          {t('takeProbeRow')}
        </button>
      </span>
    </p>
  );
}

/**
 * A probe value that differs from a person's: both values, and the choice which one the sheet keeps. `format`
 * summarises structured values (a measured TLS object) instead of counting or dumping them.
 */
export function ConflictNote({
  id,
  conflict,
  format,
  onResolve,
}: {
  id?: string;
  conflict: SheetConflict;
  format?: (value: unknown) => string;
  onResolve: (conflictId: string, take: 'kept' | 'incoming') => void;
}) {
  const { t, lang } = useI18n();
  const list = !format && (isList(conflict.kept) || isList(conflict.incoming));
  return (
    <p id={id} className="source small conflict-note" role="note">
      <span className="badge warn">{t('conflicts')}</span> {t('conflictKept')}:{' '}
      <code>{list ? `${shown(conflict.kept)} ${t('rowsCount')}` : shown(conflict.kept, format)}</code> (
      {conflict.kept.by ?? conflict.kept.source ?? t('sourceManual')}) · {t('conflictIncoming')}:{' '}
      <code>{list ? `${shown(conflict.incoming)} ${t('rowsCount')}` : shown(conflict.incoming, format)}</code>{' '}
      ({formatDateTime(conflict.incoming.at ?? conflict.createdAt, lang)})
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
