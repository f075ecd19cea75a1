import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Artifact } from '../api/types.ts';
import type { Edit } from '../sheet/edits.ts';
import type { ObservationsField } from '../sheet/fields.ts';
import { formatDateTime } from '../ui.tsx';
import { EvidenceInput } from './EvidenceInput.tsx';

/** The model's `ObservationSchema`: a note a person made during the audit, tied to an area. */
export interface Observation {
  area: string;
  text: string;
  at: string;
  by?: string;
  /** Artifact ids (03_Audit); the model defaults to an empty list. */
  evidence?: string[];
}

export interface ObservationsProps {
  spec: ObservationsField;
  /** The sheet's whole `observations` list (all areas), as edited. */
  observations: Observation[];
  /** The signed-in person (the server does not stamp notes: they are not sourced values). */
  by: string | undefined;
  /** The time a note is written or changed. */
  stamp: () => string;
  /** The case's files in 03_Audit, to attach as evidence. */
  artifacts: Artifact[];
  upload: (file: File) => Promise<Artifact>;
  onEdit: (edit: Edit) => void;
}

export function asObservations(value: unknown): Observation[] {
  return Array.isArray(value) ? (value as Observation[]) : [];
}

function NoteForm({
  initial,
  title,
  submitLabel,
  artifacts,
  upload,
  onSubmit,
  onCancel,
}: {
  initial: { text: string; evidence: string[] };
  title: string;
  submitLabel: string;
  artifacts: Artifact[];
  upload: (file: File) => Promise<Artifact>;
  onSubmit: (text: string, evidence: string[]) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(initial.text);
  const [evidence, setEvidence] = useState(initial.evidence);
  const [uploaded, setUploaded] = useState<Artifact[]>([]);
  const [error, setError] = useState<string | null>(null);
  const choices = [...artifacts, ...uploaded.filter((u) => !artifacts.some((a) => a.id === u.id))];
  const toggle = (ref: string) =>
    setEvidence((prev) => (prev.includes(ref) ? prev.filter((x) => x !== ref) : [...prev, ref]));
  const submit = () => {
    if (text.trim() !== '') {
      onSubmit(text.trim(), evidence);
      setText('');
      setEvidence([]);
    }
  };
  return (
    <div className="obs-form" role="group" aria-labelledby={`${id}-t`}>
      <label id={`${id}-t`} htmlFor={`${id}-text`}>
        {title}
      </label>
      <textarea
        id={`${id}-text`}
        rows={3}
        maxLength={5000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {choices.length > 0 ? (
        <div role="group" aria-label={t('obsEvidencePick')} className="toggles">
          <span className="field-label small">{t('obsEvidencePick')}</span>
          {choices.map((a) => (
            <button
              key={a.id}
              type="button"
              className={evidence.includes(a.id) ? 'toggle on' : 'toggle'}
              aria-pressed={evidence.includes(a.id)}
              onClick={() => toggle(a.id)}
            >
              {a.filename}
            </button>
          ))}
        </div>
      ) : null}
      <EvidenceInput
        label={t('obsUpload')}
        className="small"
        onFile={(file) => {
          setError(null);
          upload(file).then(
            (a) => {
              setUploaded((prev) => [...prev, a]);
              setEvidence((prev) => [...prev, a.id]);
            },
            (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
          );
        }}
      />
      {error ? (
        <p role="alert" className="error small">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" onClick={submit} disabled={text.trim() === ''}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('obsCancel')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The technician's notes for one area: list with author and time, edit and delete, and a form for a new note
 * with evidence from 03_Audit (attach existing files or upload a photo). The model keeps all notes in one list
 * without ids, so every change replaces that list (saved with the sheet).
 */
export function Observations({
  spec,
  observations,
  by,
  stamp,
  artifacts,
  upload,
  onEdit,
}: ObservationsProps) {
  const { t, l, lang } = useI18n();
  const headId = useId();
  const [editing, setEditing] = useState<number | null>(null);
  const mine = observations.map((obs, index) => ({ obs, index })).filter(({ obs }) => obs.area === spec.area);
  const replace = (next: Observation[]) => onEdit({ op: 'set', path: spec.path, value: next });
  const written = (text: string, evidence: string[]): Observation => ({
    area: spec.area,
    text,
    at: stamp(),
    ...(by ? { by } : {}),
    evidence,
  });
  const fileName = (ref: string) => artifacts.find((a) => a.id === ref)?.filename ?? ref;

  return (
    <section className="observations" aria-labelledby={headId}>
      <h3 id={headId}>
        {l(spec.label)} <span className="count">({mine.length})</span>
      </h3>
      {mine.length === 0 ? <p className="muted small">{t('obsEmpty')}</p> : null}
      <ol className="plain obs-list">
        {mine.map(({ obs, index }, n) =>
          editing === index ? (
            <li key={index} className="obs">
              <NoteForm
                initial={{ text: obs.text, evidence: obs.evidence ?? [] }}
                title={t('obsEditing')}
                submitLabel={t('obsApply')}
                artifacts={artifacts}
                upload={upload}
                onSubmit={(text, evidence) => {
                  replace(observations.map((o, i) => (i === index ? written(text, evidence) : o)));
                  setEditing(null);
                }}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={index} className="obs">
              <p className="obs-text">{obs.text}</p>
              <p className="small muted">
                {obs.by ? `${obs.by}, ` : ''}
                {formatDateTime(obs.at, lang)}
                {obs.evidence?.length
                  ? ` · ${t('obsEvidence')}: ${obs.evidence.map(fileName).join(', ')}`
                  : ''}
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="secondary"
                  aria-label={`${t('obsItem')} ${n + 1} ${t('obsEdit')}`}
                  onClick={() => setEditing(index)}
                >
                  {t('obsEdit')}
                </button>
                <button
                  type="button"
                  className="secondary remove-row"
                  aria-label={`${t('obsItem')} ${n + 1} ${t('obsRemove')}`}
                  onClick={() => replace(observations.filter((_, i) => i !== index))}
                >
                  {t('obsRemove')}
                </button>
              </div>
            </li>
          ),
        )}
      </ol>
      <NoteForm
        initial={{ text: '', evidence: [] }}
        title={t('obsNew')}
        submitLabel={t('obsAdd')}
        artifacts={artifacts}
        upload={upload}
        onSubmit={(text, evidence) => replace([...observations, written(text, evidence)])}
      />
    </section>
  );
}
