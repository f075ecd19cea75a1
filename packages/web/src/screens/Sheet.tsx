import { useDeferredValue, useMemo, useState } from 'react';
import { AUDIT_AREA_LABELS, type AreaScore, type Finding } from '@praxisready/model';
import { isApiError } from '../api/client.ts';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { casePath } from '../routes.ts';
import { ErrorMessage, useLoad } from '../ui.tsx';
import { Checklist } from '../components/Checklist.tsx';
import { DeviceTable } from '../components/DeviceTable.tsx';
import { EvidenceInput } from '../components/EvidenceInput.tsx';
import { ListEditor } from '../components/ListEditor.tsx';
import { MeasuredFacts } from '../components/MeasuredFacts.tsx';
import { Observations, asObservations } from '../components/Observations.tsx';
import { ConflictNote, SourceMark } from '../components/SourceNote.tsx';
import { ValueInput } from '../components/ValueInput.tsx';
import { addEdit, applyEdits, isSourced, personValue, type Edit, type Edits } from '../sheet/edits.ts';
import {
  SECTIONS,
  isBlock,
  sectionId,
  type FieldSpec,
  type ListField,
  type MeasuredField,
  type ScalarField,
} from '../sheet/fields.ts';
import { liveEvaluate } from '../sheet/live.ts';
import { getPath } from '../sheet/paths.ts';
import { STATUS_LABEL } from '../sheet/status.ts';

/**
 * Findings worth showing while editing: decided problems first, then what a person must check on site (a
 * reported quick-check symptom), then what is still open. Sections with a checklist show its answers instead
 * of one "check by hand" finding per item.
 */
const SHOWN: Finding['status'][] = ['fail', 'warn', 'manual', 'unknown', 'pass'];
const SHOWN_WITH_CHECKLIST: Finding['status'][] = ['fail', 'warn', 'unknown', 'pass'];

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

const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function SheetScreen({ caseId, now }: { caseId: string; now?: Date }) {
  const { api, navigate } = useApp();
  const { t, l } = useI18n();
  const loaded = useLoad(() => api.sheet(caseId), [api, caseId]);
  // who writes the observations, and the files they may point at (both optional: the editor works without)
  const me = useLoad(() => api.me(), [api]);
  const files = useLoad(() => api.artifacts(caseId), [api, caseId]);
  const [edits, setEdits] = useState<Edits>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [evidenceNote, setEvidenceNote] = useState<string | null>(null);
  const [section, setSection] = useState<string>(sectionId(SECTIONS[0]!));
  const evalTime = useMemo(() => now ?? new Date(), [now]);
  const at = evalTime.toISOString();

  // The edited sheet: the pending edits on top of the loaded one, the way the server will store it.
  const base = useMemo(() => loaded.data?.sheet ?? {}, [loaded.data]);
  const edited = useMemo(() => applyEdits(base, edits), [base, edits]);
  const deferred = useDeferredValue(edited);
  const live = useMemo(
    () => (loaded.data ? liveEvaluate(deferred, evalTime) : null),
    [deferred, evalTime, loaded.data],
  );

  if (!loaded.data) {
    return loaded.error ? <ErrorMessage error={loaded.error} /> : <p>{t('loading')}</p>;
  }
  const { conflicts, revision } = loaded.data;
  const evaluation = live?.evaluation ?? null;
  const issues = live?.issues ?? [];
  const pending = Object.keys(edits).length;
  const scoreOf = (area: string) => evaluation?.scores.areas.find((a) => a.area === area);
  const current = SECTIONS.find((s) => sectionId(s) === section) ?? SECTIONS[0]!;
  const allFindings = evaluation?.findings ?? [];
  const shown = current.fields.some((f) => f.kind === 'checklist') ? SHOWN_WITH_CHECKLIST : SHOWN;
  const findings = allFindings.filter((f) => f.area === current.area && shown.includes(f.status));
  findings.sort((a, b) => shown.indexOf(a.status) - shown.indexOf(b.status));

  const edit = (e: Edit) => setEdits((prev) => addEdit(prev, e, base));
  const setValue = (path: string, value: unknown) =>
    edit(value === undefined ? { op: 'remove', path } : { op: 'set', path, value: personValue(value, at) });

  const save = async () => {
    setSaveError(null);
    try {
      await api.putSheet(caseId, revision, edited);
      setEdits({});
      setSavedAt(new Date().toISOString());
      loaded.reload();
    } catch (e) {
      setSaveError(e);
      // Someone (the probe) saved in between: reload under the pending edits, so saving again applies them
      // to the new revision; person values still win, probe values of other cells are kept.
      if (isApiError(e) && e.status === 409) {
        loaded.reload();
      }
    }
  };

  const resolve = (conflictId: string, take: 'kept' | 'incoming') => {
    setSaveError(null);
    api.resolveConflict(caseId, conflictId, take).then(
      () => loaded.reload(),
      (e: unknown) => setSaveError(e),
    );
  };

  const scalar = (spec: ScalarField) => {
    const stored = getPath(edited, spec.path);
    const sourced = isSourced(stored) ? stored : undefined;
    const id = fieldId(spec.path);
    const fromProbe = sourced?.source === 'probe';
    const conflict = conflicts.find((c) => c.path === spec.path);
    return (
      <div key={spec.path} className={`field${fromProbe ? ' probe' : ''}${conflict ? ' conflict' : ''}`}>
        <label htmlFor={id}>{l(spec.label)}</label>
        <ValueInput
          id={id}
          kind={spec.kind}
          value={sourced?.value}
          options={spec.options}
          describedBy={fromProbe || conflict ? `${id}-src` : undefined}
          onChange={(v) => setValue(spec.path, v)}
        />
        {fromProbe ? (
          <p id={`${id}-src`}>
            <SourceMark value={sourced} />
          </p>
        ) : null}
        {conflict ? <ConflictNote id={`${id}-src`} conflict={conflict} onResolve={resolve} /> : null}
      </div>
    );
  };

  const list = (spec: ListField) => {
    const stored = getPath(edited, spec.path);
    const sourced = isSourced(stored) ? stored : undefined;
    const values = Array.isArray(sourced?.value) ? (sourced.value as string[]) : [];
    const id = fieldId(spec.path);
    const fromProbe = sourced?.source === 'probe';
    const conflict = conflicts.find((c) => c.path === spec.path);
    return (
      <div key={spec.path} className={`field wide${fromProbe ? ' probe' : ''}${conflict ? ' conflict' : ''}`}>
        <ListEditor
          spec={spec}
          values={values}
          describedBy={fromProbe || conflict ? `${id}-src` : undefined}
          onChange={(next) => setValue(spec.path, next.length > 0 ? next : undefined)}
        />
        {fromProbe ? (
          <p id={`${id}-src`}>
            <SourceMark value={sourced} />
          </p>
        ) : null}
        {conflict ? <ConflictNote id={`${id}-src`} conflict={conflict} onResolve={resolve} /> : null}
      </div>
    );
  };

  const field = (spec: FieldSpec) => {
    if (spec.kind === 'list') {
      return list(spec);
    }
    if (spec.kind === 'table') {
      return (
        <DeviceTable
          key={spec.path}
          spec={spec}
          sheet={edited}
          conflicts={conflicts}
          at={at}
          onEdit={edit}
          onResolve={resolve}
        />
      );
    }
    if (spec.kind === 'observations') {
      return (
        <Observations
          key={`${spec.path}-${spec.area}`}
          spec={spec}
          observations={asObservations(getPath(edited, spec.path))}
          by={me.data?.email}
          stamp={() => (now ?? new Date()).toISOString()}
          artifacts={(files.data ?? []).filter((a) => a.folder === '03_Audit')}
          upload={(file) =>
            api.uploadArtifact(caseId, '03_Audit', file).then((a) => {
              files.reload();
              return a;
            })
          }
          onEdit={edit}
        />
      );
    }
    if (spec.kind === 'checklist') {
      return (
        <Checklist key={spec.path} spec={spec} sheet={edited} findings={allFindings} at={at} onEdit={edit} />
      );
    }
    if (spec.kind === 'measured') {
      return null; // grouped into one MeasuredFacts block below
    }
    return scalar(spec);
  };
  // Scalar fields in a grid; lists, tables, checklists and notes take the full width in field order; the measured
  // values of a section form one list.
  const blocks: FieldSpec[][] = [];
  for (const spec of current.fields) {
    const last = blocks[blocks.length - 1];
    const joins = isBlock(spec)
      ? spec.kind === 'measured' && last?.[0]?.kind === 'measured'
      : last && !isBlock(last[0]!);
    if (last && joins) {
      last.push(spec);
    } else {
      blocks.push([spec]);
    }
  }

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
        {t('scoreOverall')}: <ScoreBadge score={evaluation?.scores.overall} />{' '}
        {pending > 0 ? (
          <span className="badge warn">
            {t('unsaved')} ({pending})
          </span>
        ) : savedAt ? (
          <span className="badge good">{t('saved')}</span>
        ) : null}{' '}
        <button type="button" onClick={() => void save()} disabled={pending === 0 || issues.length > 0}>
          {t('save')}
        </button>
      </div>
      {issues.length > 0 ? (
        <div role="alert" className="error">
          <strong>{t('sheetInvalid')}</strong>
          <ul>
            {issues.map((i) => (
              <li key={i.path + i.message}>
                <code>{i.path}</code> {i.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorMessage error={saveError} />
      <EvidenceInput
        label={t('evidence')}
        className="evidence"
        onFile={(file) => {
          setSaveError(null);
          api.uploadArtifact(caseId, '03_Audit', file).then(
            () => {
              setEvidenceNote(file.name);
              files.reload();
            },
            (err: unknown) => setSaveError(err),
          );
        }}
      />
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
          {blocks.map((block) =>
            block[0]!.kind === 'measured' ? (
              <MeasuredFacts
                key={block[0]!.path}
                specs={block as MeasuredField[]}
                sheet={edited}
                conflicts={conflicts}
                onResolve={resolve}
              />
            ) : isBlock(block[0]!) ? (
              field(block[0])
            ) : (
              <div key={block[0]!.path} className="fields">
                {block.map(field)}
              </div>
            ),
          )}
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
