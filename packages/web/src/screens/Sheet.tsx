import { useDeferredValue, useMemo, useState } from 'react';
import { AUDIT_AREA_LABELS, type AreaScore, type Finding } from '@praxisready/model';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { casePath } from '../routes.ts';
import { ErrorMessage, formatDateTime, useLoad } from '../ui.tsx';
import type { Sourced } from '../api/types.ts';
import {
  SECTIONS,
  getAtPath,
  inputValue,
  parseInput,
  sectionId,
  withValueAt,
  type FieldSpec,
} from '../sheet/fields.ts';
import { liveEvaluate } from '../sheet/live.ts';
import { TABLES, type TableSpec } from '../sheet/tables.ts';

const STATUS_LABEL: Record<Finding['status'], MessageKey> = {
  fail: 'statusFail',
  warn: 'statusWarn',
  pass: 'statusPass',
  unknown: 'statusUnknown',
  manual: 'statusManual',
  not_applicable: 'statusNotApplicable',
};
/** Findings worth showing while editing: decided problems first, then what is still open. */
const SHOWN: Finding['status'][] = ['fail', 'warn', 'unknown', 'pass'];

function isSourced(x: unknown): x is Sourced {
  return typeof x === 'object' && x !== null && 'source' in x && 'value' in x;
}

function ScoreBadge({ score }: { score: AreaScore | undefined }) {
  const { t } = useI18n();
  const value = score?.score;
  const cls =
    value === null || value === undefined ? 'none' : value >= 80 ? 'good' : value >= 50 ? 'mid' : 'bad';
  return (
    <span className={`score ${cls}`}>
      {value === null || value === undefined ? t('noScore') : `${Math.round(value)} %`}
    </span>
  );
}

/** The probe mark of a value: badge, time and evidence, as the scalar fields show it. */
function ProbeMark({ value }: { value: Sourced }) {
  const { t, lang } = useI18n();
  return (
    <span className="source small">
      <span className="badge probe">{t('sourceProbe')}</span> {formatDateTime(value.at, lang)}
      {value.evidence ? <span className="muted"> · {value.evidence}</span> : null}
    </span>
  );
}

/** One device list, read-only; each sourced cell carries its probe mark, a sourced list one mark in the caption. */
function SheetTable({ spec, sheet }: { spec: TableSpec; sheet: unknown }) {
  const { t, l } = useI18n();
  const stored = getAtPath(sheet, spec.path);
  const whole = isSourced(stored) ? stored : undefined;
  const rows: unknown[] = Array.isArray(whole ? whole.value : stored)
    ? ((whole ? whole.value : stored) as unknown[])
    : [];
  const text = (v: unknown, format?: (x: unknown) => string) =>
    format ? format(v) : typeof v === 'boolean' ? t(v ? 'yes' : 'no') : inputValue(v);
  return (
    <div className="table-wrap">
      <table>
        <caption>
          {l(spec.label)} <span className="muted small">({t('readOnly')})</span>
          {whole?.source === 'probe' ? (
            <>
              {' '}
              <ProbeMark value={whole} />
            </>
          ) : null}
        </caption>
        <thead>
          <tr>
            {spec.columns.map((col) => (
              <th key={col.path} scope="col">
                {l(col.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={spec.columns.length} className="muted">
                {t('tableEmpty')}
              </td>
            </tr>
          ) : (
            rows.map((row, i) => (
              <tr key={i}>
                {spec.columns.map((col) => {
                  const cell = getAtPath(row, col.path);
                  const sourced = isSourced(cell) ? cell : undefined;
                  return (
                    <td key={col.path} className={sourced?.source === 'probe' ? 'probe' : undefined}>
                      {text(sourced ? sourced.value : cell, col.format)}
                      {sourced?.source === 'probe' ? (
                        <>
                          <br />
                          <ProbeMark value={sourced} />
                        </>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function SheetScreen({ caseId, now }: { caseId: string; now?: Date }) {
  const { api, navigate } = useApp();
  const { t, l, lang } = useI18n();
  const loaded = useLoad(() => api.sheet(caseId), [api, caseId]);
  const [edits, setEdits] = useState<Record<string, unknown>>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [evidenceNote, setEvidenceNote] = useState<string | null>(null);
  const [section, setSection] = useState<string>(sectionId(SECTIONS[0]!));
  const evalTime = useMemo(() => now ?? new Date(), [now]);

  // The edited sheet: each pending edit as a person value, the way the server will store it.
  const edited = useMemo(() => {
    let sheet = loaded.data?.sheet ?? {};
    for (const [path, value] of Object.entries(edits)) {
      sheet = withValueAt(sheet, path, { value, source: 'person', at: evalTime.toISOString() });
    }
    return sheet;
  }, [loaded.data, edits, evalTime]);
  const deferred = useDeferredValue(edited);
  const live = useMemo(
    () => (loaded.data ? liveEvaluate(deferred, evalTime) : null),
    [deferred, evalTime, loaded.data],
  );

  if (!loaded.data) {
    return loaded.error ? <ErrorMessage error={loaded.error} /> : <p>{t('loading')}</p>;
  }
  const { conflicts, revision } = loaded.data;
  const pending = Object.keys(edits).length;
  const scoreOf = (area: string) => live?.scores.areas.find((a) => a.area === area);
  const current = SECTIONS.find((s) => sectionId(s) === section) ?? SECTIONS[0]!;
  const findings = (live?.findings ?? []).filter((f) => f.area === current.area && SHOWN.includes(f.status));
  findings.sort((a, b) => SHOWN.indexOf(a.status) - SHOWN.indexOf(b.status));

  const save = async () => {
    setSaveError(null);
    const set = Object.entries(edits)
      .filter(([, v]) => v !== undefined)
      .map(([path, value]) => ({ path, value }));
    try {
      await api.patchSheet(caseId, revision, set);
      setEdits({});
      setSavedAt(new Date().toISOString());
      loaded.reload();
    } catch (e) {
      setSaveError(e);
    }
  };

  const resolve = (conflictId: string, take: 'kept' | 'incoming') => {
    setSaveError(null);
    api.resolveConflict(caseId, conflictId, take).then(
      () => loaded.reload(),
      (e: unknown) => setSaveError(e),
    );
  };

  const field = (spec: FieldSpec) => {
    const stored = getAtPath(loaded.data?.sheet, spec.path);
    const sourced = isSourced(stored) ? stored : undefined;
    const value = spec.path in edits ? edits[spec.path] : sourced?.value;
    const id = `f-${spec.path.replace(/\./g, '-')}`;
    const fromProbe = sourced?.source === 'probe' && !(spec.path in edits);
    const conflict = conflicts.find((c) => c.path === spec.path);
    const onChange = (raw: string) => setEdits({ ...edits, [spec.path]: parseInput(spec.kind, raw) });
    const common = { id, 'aria-describedby': fromProbe || conflict ? `${id}-src` : undefined };
    return (
      <div key={spec.path} className={`field${fromProbe ? ' probe' : ''}${conflict ? ' conflict' : ''}`}>
        <label htmlFor={id}>{l(spec.label)}</label>
        {spec.kind === 'choice' ? (
          <select {...common} value={inputValue(value)} onChange={(e) => onChange(e.target.value)}>
            <option value="">–</option>
            {(spec.options ?? []).map((opt) => (
              <option key={opt.value} value={opt.value}>
                {l(opt.label)}
              </option>
            ))}
          </select>
        ) : spec.kind === 'bool' || spec.kind === 'tri' ? (
          <select {...common} value={inputValue(value)} onChange={(e) => onChange(e.target.value)}>
            <option value="">–</option>
            {spec.kind === 'bool' ? (
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
        ) : (
          <input
            {...common}
            type={spec.kind === 'number' ? 'number' : spec.kind === 'date' ? 'date' : 'text'}
            value={inputValue(value)}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
        {fromProbe ? (
          <p id={`${id}-src`} className="source small">
            <span className="badge probe">{t('sourceProbe')}</span> {t('filledByProbe')},{' '}
            {formatDateTime(sourced.at, lang)}
            {sourced.evidence ? <span className="muted"> · {sourced.evidence}</span> : null}
          </p>
        ) : null}
        {conflict ? (
          <p id={`${id}-src`} className="source small" role="note">
            <span className="badge warn">{t('conflicts')}</span> {t('conflictKept')}:{' '}
            <code>{inputValue(conflict.kept.value)}</code> ({conflict.kept.by ?? conflict.kept.source}) ·{' '}
            {t('conflictIncoming')}: <code>{inputValue(conflict.incoming.value)}</code> (
            {formatDateTime(conflict.incoming.at, lang)})
            <span className="actions">
              <button type="button" className="secondary" onClick={() => resolve(conflict.id, 'kept')}>
                {t('keepValue')}
              </button>
              <button type="button" className="secondary" onClick={() => resolve(conflict.id, 'incoming')}>
                {t('takeProbe')}
              </button>
            </span>
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <article aria-labelledby="sheet-title" className="sheet">
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
      <h1 id="sheet-title">{t('sheetTitle')}</h1>
      <div className="sheet-status" aria-live="polite">
        {t('scoreOverall')}: <ScoreBadge score={live?.scores.overall} />{' '}
        {pending > 0 ? (
          <span className="badge warn">
            {t('unsaved')} ({pending})
          </span>
        ) : savedAt ? (
          <span className="badge good">{t('saved')}</span>
        ) : null}{' '}
        <button type="button" onClick={() => void save()} disabled={pending === 0}>
          {t('save')}
        </button>
      </div>
      <ErrorMessage error={saveError} />
      <label className="evidence">
        {t('evidence')}
        <input
          type="file"
          accept="image/*,application/pdf"
          capture="environment"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) {
              setSaveError(null);
              api.uploadArtifact(caseId, '03_Audit', file).then(
                () => setEvidenceNote(file.name),
                (err: unknown) => setSaveError(err),
              );
            }
          }}
        />
      </label>
      {evidenceNote ? (
        <p role="status" className="small">
          {t('evidenceUploaded')}: {evidenceNote}
        </p>
      ) : null}
      {conflicts.length > 0 ? (
        <p className="badge warn">
          {t('conflicts')}: {conflicts.length}
        </p>
      ) : null}
      <div className="sheet-layout">
        <nav aria-label={t('sections')} className="sections">
          <ul className="plain">
            {SECTIONS.map((s) => (
              <li key={sectionId(s)}>
                <button
                  type="button"
                  className={s === current ? 'tab active' : 'tab'}
                  aria-current={s === current ? 'true' : undefined}
                  onClick={() => setSection(sectionId(s))}
                >
                  {l(s.title ?? AUDIT_AREA_LABELS[s.area])} <ScoreBadge score={scoreOf(s.area)} />
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <section aria-labelledby="section-h" className="card">
          <h2 id="section-h">{l(current.title ?? AUDIT_AREA_LABELS[current.area])}</h2>
          <div className="fields">{current.fields.map(field)}</div>
          {current.id
            ? null
            : (TABLES[current.area] ?? []).map((spec) => (
                <SheetTable key={spec.path} spec={spec} sheet={loaded.data?.sheet} />
              ))}
        </section>
        <section aria-labelledby="findings-h" className="card findings">
          <h2 id="findings-h">
            {t('findings')} <ScoreBadge score={scoreOf(current.area)} />
          </h2>
          <ul className="plain" aria-label={t('findings')}>
            {findings.map((f) => (
              <li key={f.checkId + (f.subject ?? '')} className={`finding ${f.status}`}>
                <span className={`badge ${f.status}`}>{t(STATUS_LABEL[f.status])}</span> {l(f.title)}
                {f.explanation ? <p className="small muted">{l(f.explanation)}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </article>
  );
}
