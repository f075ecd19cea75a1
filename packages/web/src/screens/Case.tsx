import { useState, type FormEvent } from 'react';
import { WORKFLOW_STAGES, WORKFLOW_STAGE_LABELS } from '@praxisready/model';
import { isApiError } from '../api/client.ts';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { TrailList } from '../components/TrailList.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { customerPath, findingsPath, sheetPath } from '../routes.ts';
import { ErrorMessage, formatDateTime, useLoad } from '../ui.tsx';
import type { Enrollment, PreinfoLink } from '../api/types.ts';
import { Assignments } from './case/Dispatch.tsx';
import { FollowupsPanel, SalesPanel } from './case/Sales.tsx';
import { DocumentsPanel } from './case/Documents.tsx';

/** Labels of the intake fields the mail parser extracts (server `IntakeData`); unknown keys show as they are. */
const INTAKE_LABELS: Record<string, { de: string; en: string }> = {
  practiceName: { de: 'Praxis', en: 'Practice' },
  contactName: { de: 'Ansprechperson', en: 'Contact' },
  email: { de: 'E-Mail', en: 'E-mail' },
  phone: { de: 'Telefon', en: 'Phone' },
  street: { de: 'Straße', en: 'Street' },
  postalCode: { de: 'PLZ', en: 'Postal code' },
  city: { de: 'Ort', en: 'City' },
  subject: { de: 'Betreff', en: 'Subject' },
  from: { de: 'Absender', en: 'From' },
  receivedAt: { de: 'Eingegangen', en: 'Received' },
};

/** The request mail's fields in reading order; once a customer is linked, its record shows practice and contact. */
const INTAKE_ORDER = [
  'from',
  'subject',
  'receivedAt',
  'practiceName',
  'contactName',
  'email',
  'phone',
  'street',
  'postalCode',
  'city',
] as const;
const INTAKE_WHEN_LINKED = new Set<string>(['from', 'subject', 'receivedAt']);

const APPOINTMENT_STATUS: Record<string, MessageKey> = {
  proposed: 'apptProposed',
  accepted: 'apptAccepted',
  declined: 'apptDeclined',
  cancelled: 'apptCancelled',
};

const FOLDERS = ['01_Intake', '02_Vorbereitung', '03_Audit', '04_Nacharbeit'] as const;

/** Customer and site as the mail parser read them; only complete addresses can be matched by the server. */
function practiceFromIntake(intake: Record<string, string | undefined> | null) {
  const name = intake?.practiceName;
  const street = intake?.street;
  const postalCode = intake?.postalCode;
  const city = intake?.city;
  if (!name || !street || !postalCode || !city) {
    return null;
  }
  return {
    name,
    street,
    postalCode,
    city,
    ...(intake.email ? { email: intake.email } : {}),
    ...(intake.phone ? { phone: intake.phone } : {}),
  };
}

/** The one command for the practice PC (PowerShell, the usual shell there); the token travels in the environment. */
export function probeCommand(e: Enrollment): string {
  return `$env:PRAXISREADY_TOKEN="${e.token}"; praxisready probe --upload ${e.uploadUrl}`;
}

export function CaseScreen({ caseId }: { caseId: string }) {
  const { api, navigate } = useApp();
  const { t, l, lang } = useI18n();
  const detail = useLoad(() => api.caseDetail(caseId), [api, caseId]);
  const trail = useLoad(() => api.auditTrail(caseId), [api, caseId]);
  const logbook = useLoad(() => api.logbook(caseId), [api, caseId]);
  const artifacts = useLoad(() => api.artifacts(caseId), [api, caseId]);
  const appointments = useLoad(() => api.appointments(caseId), [api, caseId]);
  const [slot, setSlot] = useState({ startsAt: '', endsAt: '', mode: 'on_site' as 'on_site' | 'remote' });
  const [actionError, setActionError] = useState<unknown>(null);
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [link, setLink] = useState<PreinfoLink | null>(null);
  const [note, setNote] = useState('');
  const [folder, setFolder] = useState<string>('03_Audit');
  const [file, setFile] = useState<File | null>(null);

  const act = async (f: () => Promise<unknown>, after: (() => void)[] = []) => {
    setActionError(null);
    try {
      await f();
      detail.reload();
      trail.reload();
      after.forEach((a) => a());
    } catch (e) {
      setActionError(e);
    }
  };

  const c = detail.data;
  if (!c) {
    return detail.error ? <ErrorMessage error={detail.error} /> : <p>{t('loading')}</p>;
  }
  const idx = WORKFLOW_STAGES.indexOf(c.stage as (typeof WORKFLOW_STAGES)[number]);
  const next = idx >= 0 ? WORKFLOW_STAGES[idx + 1] : undefined;
  const prev = idx > 0 ? WORKFLOW_STAGES[idx - 1] : undefined;
  const stageTasks = c.tasks.filter((task) => task.stage === c.stage);
  const practice = practiceFromIntake(c.intake);

  const addNote = (e: FormEvent) => {
    e.preventDefault();
    void act(() => api.addLogbook(caseId, note), [() => setNote(''), logbook.reload]);
  };
  const propose = (e: FormEvent) => {
    e.preventDefault();
    // datetime-local has no zone: the browser's local time is meant, sent as UTC ISO.
    const iso = (v: string) => new Date(v).toISOString();
    void act(
      () =>
        api.proposeAppointment(caseId, {
          startsAt: iso(slot.startsAt),
          endsAt: iso(slot.endsAt),
          mode: slot.mode,
        }),
      [appointments.reload],
    );
  };
  // Downloads need the bearer token, so the file is fetched and handed to the browser as an object URL.
  const openArtifact = (artifactId: string) =>
    act(async () => {
      const url = URL.createObjectURL(await api.artifactBlob(caseId, artifactId));
      window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    });
  const upload = (e: FormEvent) => {
    e.preventDefault();
    if (file) {
      void act(() => api.uploadArtifact(caseId, folder, file), [artifacts.reload, () => setFile(null)]);
    }
  };

  return (
    <article aria-labelledby="case-title">
      <p>
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          ← {t('backToBoard')}
        </a>
      </p>
      <h1 id="case-title">
        #{c.number} {c.title}
      </h1>
      <p>
        {t('caseStage')}: <strong>{l(c.stageLabel)}</strong>
      </p>
      <ErrorMessage error={actionError} />
      <div className="actions">
        <button type="button" onClick={() => navigate(sheetPath(caseId))}>
          {t('openSheet')}
        </button>
        <button type="button" className="secondary" onClick={() => navigate(findingsPath(caseId))}>
          {t('openFindings')}
        </button>
        {next ? (
          <button
            type="button"
            className="secondary"
            onClick={() => void act(() => api.transition(caseId, next))}
          >
            {t('moveTo')}: {l(WORKFLOW_STAGE_LABELS[next])}
          </button>
        ) : null}
        {prev ? (
          <button
            type="button"
            className="secondary"
            onClick={() => void act(() => api.transition(caseId, prev))}
          >
            {t('moveBack')}: {l(WORKFLOW_STAGE_LABELS[prev])}
          </button>
        ) : null}
      </div>

      <div className="grid">
        <section className="card" aria-labelledby="tasks-h">
          <h2 id="tasks-h">{t('tasks')}</h2>
          <ul className="plain">
            {stageTasks.map((task) => (
              <li key={task.key}>
                <label className="inline">
                  <input
                    type="checkbox"
                    checked={task.doneAt !== null}
                    onChange={(e) => void act(() => api.setTask(caseId, task.key, e.target.checked))}
                  />
                  {l(task.title)} {task.required ? <span className="badge">{t('taskRequired')}</span> : null}
                </label>
              </li>
            ))}
          </ul>
        </section>

        <section className="card" aria-labelledby="contacts-h">
          <h2 id="contacts-h">{t('contacts')}</h2>
          <dl>
            {c.customer ? (
              <>
                <dt>{l(INTAKE_LABELS.practiceName)}</dt>
                <dd>{c.customer.name}</dd>
              </>
            ) : null}
            {c.site ? (
              <>
                <dt>{t('sites')}</dt>
                <dd>
                  {c.site.name ?? c.customer?.name}
                  {c.site.street ? (
                    <>
                      <br />
                      {c.site.street}, {[c.site.postalCode, c.site.city].filter(Boolean).join(' ')}
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
            {c.contact ? (
              <>
                <dt>{t('formContactName')}</dt>
                <dd>
                  {c.contact.name}
                  {c.contact.phone ? (
                    <>
                      <br />
                      <a href={`tel:${c.contact.phone}`}>{c.contact.phone}</a>
                    </>
                  ) : null}
                  {c.contact.email ? (
                    <>
                      <br />
                      <a href={`mailto:${c.contact.email}`}>{c.contact.email}</a>
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
          </dl>
          {c.intake ? (
            <>
              <h3>{t('intakeMail')}</h3>
              <dl>
                {INTAKE_ORDER.filter((k) => (c.customer ? INTAKE_WHEN_LINKED.has(k) : true))
                  .map((k) => [k, c.intake?.[k]] as const)
                  .filter(([, v]) => v !== undefined && v !== null && v !== '')
                  .map(([k, v]) => (
                    <div key={k} className="row">
                      <dt>{l(INTAKE_LABELS[k])}</dt>
                      <dd>{k === 'receivedAt' ? formatDateTime(String(v), lang) : String(v)}</dd>
                    </div>
                  ))}
              </dl>
            </>
          ) : null}
          {!c.customer && practice ? (
            <button type="button" onClick={() => void act(() => api.linkCustomer(caseId, practice))}>
              {t('linkCustomer')}
            </button>
          ) : null}
          {c.customer ? (
            <a
              href={customerPath(c.customer.id)}
              onClick={(e) => {
                e.preventDefault();
                navigate(customerPath(c.customer!.id));
              }}
            >
              {t('openCustomer')}
            </a>
          ) : null}
        </section>

        <Assignments detail={c} act={act} />

        <section className="card" aria-labelledby="schedule-h">
          <h2 id="schedule-h">{t('schedule')}</h2>
          {(appointments.data ?? []).length === 0 ? (
            <p className="muted small">{t('noAppointments')}</p>
          ) : null}
          <ul className="plain">
            {(appointments.data ?? []).map((a) => (
              <li key={a.id}>
                {formatDateTime(a.startsAt, lang)} – {formatDateTime(a.endsAt, lang)} ·{' '}
                {a.mode === 'remote' ? t('modeRemote') : t('modeOnSite')}{' '}
                <span className="badge">{t(APPOINTMENT_STATUS[a.status] ?? 'apptProposed')}</span>
                {a.status === 'proposed' ? (
                  <span className="inline-actions">
                    <button
                      type="button"
                      className="secondary"
                      onClick={() =>
                        void act(() => api.answerAppointment(caseId, a.id, 'accepted'), [appointments.reload])
                      }
                    >
                      {t('apptAccept')}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() =>
                        void act(() => api.answerAppointment(caseId, a.id, 'declined'), [appointments.reload])
                      }
                    >
                      {t('apptDecline')}
                    </button>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          <form onSubmit={propose}>
            <label>
              {t('startsAt')}
              <input
                type="datetime-local"
                required
                value={slot.startsAt}
                onChange={(e) => setSlot({ ...slot, startsAt: e.target.value })}
              />
            </label>
            <label>
              {t('endsAt')}
              <input
                type="datetime-local"
                required
                value={slot.endsAt}
                onChange={(e) => setSlot({ ...slot, endsAt: e.target.value })}
              />
            </label>
            <label>
              {t('mode')}
              <select
                value={slot.mode}
                onChange={(e) =>
                  setSlot({ ...slot, mode: e.target.value === 'remote' ? 'remote' : 'on_site' })
                }
              >
                <option value="on_site">{t('modeOnSite')}</option>
                <option value="remote">{t('modeRemote')}</option>
              </select>
            </label>
            <button type="submit">{t('propose')}</button>
          </form>
        </section>

        <section className="card" aria-labelledby="probe-h">
          <h2 id="probe-h">{t('probe')}</h2>
          {enrollment ? (
            <>
              <p>
                {t('probeToken')}: <code>{enrollment.token}</code>
              </p>
              <label>
                {t('probeCommand')}
                <textarea
                  readOnly
                  rows={3}
                  value={probeCommand(enrollment)}
                  onFocus={(e) => e.target.select()}
                />
              </label>
              <p className="muted small">{t('probeHint')}</p>
            </>
          ) : (
            <button
              type="button"
              onClick={() => void act(async () => setEnrollment(await api.enrollProbe(caseId)))}
            >
              {t('probeCreate')}
            </button>
          )}
        </section>

        <section className="card" aria-labelledby="preinfo-h">
          <h2 id="preinfo-h">{t('preinfo')}</h2>
          {link ? (
            <p>
              {t('preinfoLink')}: <a href={link.url}>{link.url}</a>
            </p>
          ) : (
            <button
              type="button"
              onClick={() => void act(async () => setLink(await api.createPreinfoLink(caseId)))}
            >
              {t('preinfoCreate')}
            </button>
          )}
        </section>

        <section className="card" aria-labelledby="logbook-h">
          <h2 id="logbook-h">{t('logbook')}</h2>
          <ul className="plain">
            {(logbook.data ?? []).map((entry) => (
              <li key={entry.id}>
                <span className="muted small">{formatDateTime(entry.createdAt, lang)}</span>{' '}
                {entry.status === 'open' ? entry.text : <s>{entry.text}</s>}{' '}
                {entry.status === 'open' ? (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`${t('resolve')}: ${entry.text}`}
                    onClick={() => void act(() => api.resolveLogbook(caseId, entry.id), [logbook.reload])}
                  >
                    {t('resolve')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          <form onSubmit={addNote}>
            <label>
              {t('logbookText')}
              <input value={note} required onChange={(e) => setNote(e.target.value)} />
            </label>
            <button type="submit">{t('logbookAdd')}</button>
          </form>
        </section>

        <section className="card" aria-labelledby="files-h">
          <h2 id="files-h">{t('artifacts')}</h2>
          {FOLDERS.map((f) => {
            const files = (artifacts.data ?? []).filter((a) => a.folder === f);
            return (
              <details key={f} open={files.length > 0}>
                <summary>
                  {f} ({files.length})
                </summary>
                {files.length === 0 ? <p className="muted small">{t('noFiles')}</p> : null}
                <ul className="plain">
                  {files.map((a) => (
                    <li key={a.id}>
                      <button type="button" className="link" onClick={() => void openArtifact(a.id)}>
                        {a.filename}
                      </button>{' '}
                      <span className="muted small">({Math.ceil(a.sizeBytes / 1024)} KB)</span>
                    </li>
                  ))}
                </ul>
              </details>
            );
          })}
          <form onSubmit={upload}>
            <label>
              {t('folder')}
              <select value={folder} onChange={(e) => setFolder(e.target.value)}>
                {FOLDERS.map((f) => (
                  <option key={f}>{f}</option>
                ))}
              </select>
            </label>
            <label>
              {t('file')}
              <input type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </label>
            <button type="submit" disabled={!file}>
              {t('upload')}
            </button>
          </form>
        </section>

        <FollowupsPanel caseId={caseId} act={act} />
        <SalesPanel detail={c} act={act} />
        <DocumentsPanel
          caseId={caseId}
          onChange={() => {
            detail.reload();
            trail.reload();
            artifacts.reload();
          }}
        />

        {/* Roles without the audit-trail permission (technician, sales) get 403: the section is left out. */}
        {isApiError(trail.error) && trail.error.status === 403 ? null : (
          <section className="card wide" aria-labelledby="trail-h">
            <h2 id="trail-h">{t('timeline')}</h2>
            <TrailList entries={trail.data ?? []} />
          </section>
        )}
      </div>
    </article>
  );
}
