import { useCallback, useEffect, useState } from 'react';
import { isApiError } from './api/client.ts';
import { useI18n } from './i18n/i18n.tsx';

/** Shows an API error the way the server phrased it: message, hint (German for technicians) and issues. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) {
    return null;
  }
  const body = isApiError(error) ? error.body : undefined;
  return (
    <div role="alert" className="error">
      <strong>{t('error')}:</strong>{' '}
      {body?.hint ?? body?.message ?? (error instanceof Error ? error.message : JSON.stringify(error))}
      {body && body.issues.length > 0 ? (
        <ul>
          {body.issues.map((i) => (
            <li key={i.path + i.message}>
              {i.path ? <code>{i.path}</code> : null} {i.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Loads data on mount and on `reload()`; keeps the last data while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  // The caller names the dependencies, as with useEffect itself.
  // eslint-disable-next-line react-hooks/use-memo, react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    run().then(
      (d) => {
        if (live) {
          setData(d);
          setError(null);
        }
      },
      (e: unknown) => {
        if (live) {
          setError(e);
        }
      },
    );
    return () => {
      live = false;
    };
  }, [run, version]);
  return { data, error, reload: () => setVersion((v) => v + 1) };
}

export function formatDateTime(iso: string | undefined | null, lang: string): string {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      }) + ' UTC';
}
