import { useI18n } from '../i18n/i18n.tsx';
import type { TrailEntry } from '../api/types.ts';
import { AUDIT_ACTION_LABELS } from '../audit-actions.ts';
import { formatDateTime } from '../ui.tsx';

/** An audit trail as a timeline: time, the action's German (English) name with its key as title, who. */
export function TrailList({
  entries,
  details,
}: {
  entries: readonly TrailEntry[];
  /** Extra lines under an entry (e.g. the changed fields of master data). */
  details?: (e: TrailEntry) => string[];
}) {
  const { l, lang } = useI18n();
  return (
    <ol className="timeline">
      {entries.map((e) => {
        const extra = details?.(e) ?? [];
        const label = AUDIT_ACTION_LABELS[e.action];
        return (
          <li key={e.id}>
            <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>{' '}
            <span title={e.action}>{label ? l(label) : e.action}</span>{' '}
            <span className="muted">{e.actor}</span>
            {extra.length > 0 ? <div className="small">{extra.join(' · ')}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
