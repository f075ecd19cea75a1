import { useState } from 'react';
import { AUDIT_AREA_LABELS, SEVERITY_LABELS, type Finding } from '@praxisready/model';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { casePath } from '../routes.ts';
import { ErrorMessage, useLoad } from '../ui.tsx';

const STATUS: { status: Finding['status']; key: MessageKey }[] = [
  { status: 'fail', key: 'statusFail' },
  { status: 'warn', key: 'statusWarn' },
  { status: 'unknown', key: 'statusUnknown' },
  { status: 'manual', key: 'statusManual' },
  { status: 'pass', key: 'statusPass' },
  { status: 'not_applicable', key: 'statusNotApplicable' },
];
const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

export interface FindingFilters {
  area: string;
  status: string;
  severity: string;
  kbvOnly: boolean;
}

export function filterFindings(findings: readonly Finding[], f: FindingFilters): Finding[] {
  return findings.filter(
    (x) =>
      (!f.area || x.area === f.area) &&
      (!f.status || x.status === f.status) &&
      (!f.severity || x.severity === f.severity) &&
      (!f.kbvOnly || x.kbvRefs.length > 0),
  );
}

/** The server's findings of a case (as last saved), filterable, with the KBV requirements each one covers. */
export function FindingsScreen({ caseId }: { caseId: string }) {
  const { api, navigate } = useApp();
  const { t, l } = useI18n();
  const { data, error } = useLoad(() => api.findings(caseId), [api, caseId]);
  const [filters, setFilters] = useState<FindingFilters>({
    area: '',
    status: 'fail',
    severity: '',
    kbvOnly: false,
  });
  const statusLabel = (s: Finding['status']) => t(STATUS.find((x) => x.status === s)!.key);
  const shown = filterFindings(data?.findings ?? [], filters);

  return (
    <article aria-labelledby="findings-title">
      <p>
        <a
          href={casePath(caseId)}
          onClick={(e) => {
            e.preventDefault();
            navigate(casePath(caseId));
          }}
        >
          ← {t('backToCase')}
        </a>
      </p>
      <h1 id="findings-title">{t('findingsTitle')}</h1>
      <ErrorMessage error={error} />
      <fieldset className="filters">
        <legend>{t('filters')}</legend>
        <label>
          {t('filterArea')}
          <select value={filters.area} onChange={(e) => setFilters({ ...filters, area: e.target.value })}>
            <option value="">{t('all')}</option>
            {Object.entries(AUDIT_AREA_LABELS).map(([area, label]) => (
              <option key={area} value={area}>
                {l(label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterStatus')}
          <select value={filters.status} onChange={(e) => setFilters({ ...filters, status: e.target.value })}>
            <option value="">{t('all')}</option>
            {STATUS.map((s) => (
              <option key={s.status} value={s.status}>
                {t(s.key)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterSeverity')}
          <select
            value={filters.severity}
            onChange={(e) => setFilters({ ...filters, severity: e.target.value })}
          >
            <option value="">{t('all')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {l(SEVERITY_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={filters.kbvOnly}
            onChange={(e) => setFilters({ ...filters, kbvOnly: e.target.checked })}
          />
          {t('onlyKbv')}
        </label>
      </fieldset>
      {data ? (
        <>
          <p className="muted" aria-live="polite">
            {shown.length} / {data.findings.length} {t('shown')}
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('filterStatus')}</th>
                  <th scope="col">{t('filterArea')}</th>
                  <th scope="col">{t('findingsTitle')}</th>
                  <th scope="col">{t('filterSeverity')}</th>
                  <th scope="col">{t('kbvRefs')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((f) => (
                  <tr key={f.checkId + (f.subject ?? '')}>
                    <td>
                      <span className={`badge ${f.status}`}>{statusLabel(f.status)}</span>
                    </td>
                    <td>{l(AUDIT_AREA_LABELS[f.area])}</td>
                    <td>
                      <strong>{l(f.title)}</strong>
                      {f.subject ? <span className="muted"> · {f.subject}</span> : null}
                      <div className="small muted">{l(f.explanation)}</div>
                      {f.remediation ? (
                        <div className="small">
                          {t('remediation')}: {l(f.remediation)}
                        </div>
                      ) : null}
                    </td>
                    <td>{l(SEVERITY_LABELS[f.severity])}</td>
                    <td>{f.kbvRefs.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : error ? null : (
        <p>{t('loading')}</p>
      )}
    </article>
  );
}
