import { useState, type FormEvent } from 'react';
import type { CaseDetail } from '../../api/types.ts';
import { useApp } from '../../app-context.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime, useLoad } from '../../ui.tsx';

/** The sales pipeline of the server (`SalesStatus`); which moves are allowed is the server's call (409). */
export const SALES_STATUS_LABELS = {
  offer_sent: { de: 'Angebot versendet', en: 'Offer sent' },
  negotiating: { de: 'In Verhandlung', en: 'Negotiating' },
  won: { de: 'Gewonnen', en: 'Won' },
  lost: { de: 'Verloren', en: 'Lost' },
  parked: { de: 'Geparkt', en: 'Parked' },
  pvs_booked: { de: 'PVS gebucht', en: 'PVS booked' },
} as const;
type SalesKey = keyof typeof SALES_STATUS_LABELS;
/** Case status beyond "open": the closing sales states close the case. */
const CASE_STATUS_LABELS: Record<string, { de: string; en: string }> = {
  pvs_booked: { de: 'Fall abgeschlossen: PVS gebucht', en: 'Case closed: PVS booked' },
  lost: { de: 'Fall abgeschlossen: verloren', en: 'Case closed: lost' },
};
const SALES_KEYS = Object.keys(SALES_STATUS_LABELS) as SalesKey[];

function isSalesKey(s: string | null): s is SalesKey {
  return s !== null && s in SALES_STATUS_LABELS;
}

/** What a case panel gets from the case page: the case, and `act` (run, reload the case, show errors). */
export interface CasePanelProps {
  detail: CaseDetail;
  act: (f: () => Promise<unknown>) => Promise<void>;
}

export function SalesPanel({ detail, act }: CasePanelProps) {
  const { api } = useApp();
  const { t, l } = useI18n();
  const [status, setStatus] = useState<SalesKey>('offer_sent');
  const [note, setNote] = useState('');
  const current = detail.salesStatus;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await api.setSales(detail.id, status, note.trim() || undefined);
      setNote('');
    });
  };
  return (
    <section className="card" aria-labelledby="sales-h">
      <h2 id="sales-h">{t('sales')}</h2>
      <p>
        {t('salesStatus')}:{' '}
        <strong data-testid="sales-status">
          {isSalesKey(current) ? l(SALES_STATUS_LABELS[current]) : t('salesNone')}
        </strong>
        {detail.status !== 'open' ? (
          <span className="badge good">
            {CASE_STATUS_LABELS[detail.status] ? l(CASE_STATUS_LABELS[detail.status]) : detail.status}
          </span>
        ) : null}
      </p>
      <form onSubmit={submit}>
        <label>
          {t('salesMove')}
          <select value={status} onChange={(e) => setStatus(e.target.value as SalesKey)}>
            {SALES_KEYS.map((k) => (
              <option key={k} value={k} disabled={k === current}>
                {l(SALES_STATUS_LABELS[k])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('salesNote')}
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit">{t('salesSet')}</button>
      </form>
    </section>
  );
}

export function FollowupsPanel({ caseId, act }: { caseId: string; act: CasePanelProps['act'] }) {
  const { api } = useApp();
  const { t, lang } = useI18n();
  const list = useLoad(() => api.followups(caseId), [api, caseId]);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await api.addFollowup(caseId, { title, dueAt: new Date(due).toISOString() });
      setTitle('');
      setDue('');
      list.reload();
    });
  };
  return (
    <section className="card" aria-labelledby="followups-h">
      <h2 id="followups-h">{t('followups')}</h2>
      {(list.data ?? []).length === 0 ? <p className="muted small">{t('noFollowups')}</p> : null}
      <ul className="plain">
        {(list.data ?? []).map((f) => (
          <li key={f.id}>
            {f.doneAt ? <s>{f.title}</s> : f.title}{' '}
            <span className="muted small">
              {t('dueAt')} {formatDateTime(f.dueAt, lang)}
            </span>{' '}
            {f.doneAt ? (
              <span className="badge">{t('markDone')}</span>
            ) : (
              <button
                type="button"
                className="secondary"
                aria-label={`${t('markDone')}: ${f.title}`}
                onClick={() =>
                  void act(async () => {
                    await api.doneFollowup(caseId, f.id);
                    list.reload();
                  })
                }
              >
                {t('markDone')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={add}>
        <label>
          {t('followupTitle')}
          <input value={title} required onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t('dueAt')}
          <input type="datetime-local" value={due} required onChange={(e) => setDue(e.target.value)} />
        </label>
        <button type="submit">{t('followupAdd')}</button>
      </form>
    </section>
  );
}
