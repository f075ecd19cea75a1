import { useState, type FormEvent } from 'react';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { casePath, searchPath } from '../routes.ts';
import { ErrorMessage, useLoad } from '../ui.tsx';

/** Splits a ts_headline snippet at <b>…</b> into text and marks; everything else stays plain text (no HTML). */
export function snippetParts(snippet: string): { text: string; mark: boolean }[] {
  return snippet
    .split(/(<b>[\s\S]*?<\/b>)/)
    .filter((p) => p !== '')
    .map((p) => (p.startsWith('<b>') ? { text: p.slice(3, -4), mark: true } : { text: p, mark: false }));
}

export function SearchBox() {
  const { navigate } = useApp();
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) {
      navigate(searchPath(q.trim()));
    }
  };
  return (
    <form role="search" onSubmit={submit} className="searchbox">
      <label>
        <span className="visually-hidden">{t('searchLabel')}</span>
        <input type="search" placeholder={t('search')} value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
    </form>
  );
}

/** Global full-text search over cases, sheets and files (GET /api/search). */
export function SearchScreen({ query }: { query: string }) {
  const { api, navigate } = useApp();
  const { t } = useI18n();
  const { data, error } = useLoad(() => (query ? api.search(query) : Promise.resolve([])), [api, query]);
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">
        {t('search')}: „{query}“
      </h1>
      <ErrorMessage error={error} />
      {data && data.length === 0 ? <p>{t('noResults')}</p> : null}
      <ul className="plain">
        {(data ?? []).map((hit) => (
          <li key={`${hit.kind}:${hit.refId}`} className="card hit">
            {hit.caseId ? (
              <a
                href={casePath(hit.caseId)}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(casePath(hit.caseId!));
                }}
              >
                {hit.title}
              </a>
            ) : (
              <strong>{hit.title}</strong>
            )}{' '}
            <span className="badge">{hit.kind}</span>
            <p className="small muted">
              {snippetParts(hit.snippet).map((p, i) =>
                p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
