import { useEffect, useState } from 'react';
import type { DocumentCreated, DocumentSent } from '../../api/types.ts';
import { useApp } from '../../app-context.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorMessage, formatDateTime, useLoad } from '../../ui.tsx';

const list = (v: string[] | string | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));

/** A PDF artifact shown inline; the bytes come through the API (bearer auth), so an object URL is used. */
function PdfPreview({ caseId, doc, title }: { caseId: string; doc: DocumentCreated; title: string }) {
  const { api } = useApp();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    api.artifactBlob(caseId, doc.artifactId).then(
      (b) => {
        if (live) {
          made = URL.createObjectURL(b);
          setUrl(made);
        }
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
      if (made) {
        URL.revokeObjectURL(made);
      }
    };
  }, [api, caseId, doc.artifactId]);
  return (
    <figure className="pdf">
      <figcaption>
        {doc.name} <span className="muted small">({Math.ceil(doc.size / 1024)} KB)</span>
        {url ? (
          <>
            {' '}
            <a href={url} download={doc.name}>
              ⤓ {title}
            </a>
          </>
        ) : null}
      </figcaption>
      <ErrorMessage error={error} />
      {url ? <iframe title={`${title}: ${doc.name}`} src={url} /> : null}
    </figure>
  );
}

/** "Bericht & Angebot": create the PDFs, preview them, send them to the practice, show the mail thread. */
export function DocumentsPanel({ caseId, onChange }: { caseId: string; onChange: () => void }) {
  const { api } = useApp();
  const { t, lang } = useI18n();
  const thread = useLoad(() => api.thread(caseId), [api, caseId]);
  const [report, setReport] = useState<DocumentCreated | null>(null);
  const [offer, setOffer] = useState<DocumentCreated | null>(null);
  const [sent, setSent] = useState<DocumentSent | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async (what: string, f: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await f();
      onChange();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const create = (kind: 'report' | 'offer') =>
    run(kind, async () => {
      const d = await api.createDocument(caseId, kind, lang);
      (kind === 'report' ? setReport : setOffer)(d);
    });
  const send = () =>
    run('send', async () => {
      if (!report) {
        return;
      }
      setSent(
        await api.sendDocuments(
          caseId,
          offer
            ? { reportArtifactId: report.artifactId, offerArtifactId: offer.artifactId }
            : { reportArtifactId: report.artifactId },
        ),
      );
      thread.reload();
    });

  return (
    <section className="card wide" aria-labelledby="docs-h" aria-busy={busy !== null}>
      <h2 id="docs-h">{t('documents')}</h2>
      <div className="actions">
        <button type="button" disabled={busy !== null} onClick={() => void create('report')}>
          {t('reportCreate')}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void create('offer')}>
          {t('offerCreate')}
        </button>
        <button type="button" disabled={busy !== null || !report} onClick={() => void send()}>
          {t('documentsSend')}
        </button>
      </div>
      {busy ? <p role="status">{t('working')}</p> : null}
      <ErrorMessage error={error} />
      {sent ? (
        <p role="status" className="ok">
          {t('documentsSent')}: {list(sent.to)}
          {sent.cc && list(sent.cc) ? ` (${t('mailCc')} ${list(sent.cc)})` : ''} ·{' '}
          {formatDateTime(sent.sentAt, lang)}
        </p>
      ) : null}
      <div className="pdfs">
        {report ? <PdfPreview caseId={caseId} doc={report} title={t('report')} /> : null}
        {offer ? <PdfPreview caseId={caseId} doc={offer} title={t('offer')} /> : null}
      </div>
      <h3>{t('mailThread')}</h3>
      {thread.error ? (
        <ErrorMessage error={thread.error} />
      ) : (thread.data ?? []).length === 0 ? (
        <p className="muted small">{t('noMails')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('mailThread')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mailDate')}</th>
                <th scope="col">{t('mailDirection')}</th>
                <th scope="col">{t('mailSubject')}</th>
                <th scope="col">{t('mailFrom')}</th>
                <th scope="col">{t('mailTo')}</th>
              </tr>
            </thead>
            <tbody>
              {(thread.data ?? []).map((m) => (
                <tr key={m.messageId}>
                  <td>{formatDateTime(m.date, lang)}</td>
                  <td>{m.direction === 'in' ? t('mailIn') : t('mailOut')}</td>
                  <td>{m.subject}</td>
                  <td>{m.from}</td>
                  <td>
                    {list(m.to)}
                    {m.cc && list(m.cc) ? ` (${t('mailCc')} ${list(m.cc)})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
