import { useState, type FormEvent } from 'react';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorMessage, formatDateTime, useLoad } from '../ui.tsx';
import type { PreinfoAnswers } from '../api/types.ts';

/** "Kind, Modell" per line → device items; empty lines are dropped. */
export function parseDevices(text: string): NonNullable<PreinfoAnswers['devices']> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [kind = '', ...rest] = line.split(',');
      const model = rest.join(',').trim();
      return model
        ? { kind: kind.trim().slice(0, 50), model: model.slice(0, 200) }
        : { kind: kind.trim().slice(0, 50) };
    });
}

function devicesText(devices: PreinfoAnswers['devices']): string {
  return (devices ?? []).map((d) => (d.model ? `${d.kind}, ${d.model}` : d.kind)).join('\n');
}

const num = (s: string) => (s.trim() === '' ? undefined : Math.max(0, Math.trunc(Number(s))));

/** The practice's form on its token link: no login, one column, large touch targets. */
export function PreinfoScreen({ token }: { token: string }) {
  const { api } = useApp();
  const { t, lang } = useI18n();
  const loaded = useLoad(() => api.preinfoForm(token), [api, token]);
  const [a, setA] = useState<PreinfoAnswers>({});
  const [devices, setDevices] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);

  // Take the stored answers once they arrive (state adjusted during render, not in an effect).
  const [shown, setShown] = useState<typeof loaded.data>(undefined);
  if (loaded.data && loaded.data !== shown) {
    setShown(loaded.data);
    setA(loaded.data.answers);
    setDevices(devicesText(loaded.data.answers.devices));
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const answers: PreinfoAnswers = { ...a, devices: parseDevices(devices) };
    // Empty strings are "not answered", not values.
    for (const [k, v] of Object.entries(answers)) {
      if (v === '' || v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
        delete answers[k as keyof PreinfoAnswers];
      }
    }
    if (answers.contactPerson && !answers.contactPerson.name) {
      delete answers.contactPerson;
    } else if (answers.contactPerson) {
      const cp = { ...answers.contactPerson };
      if (!cp.phone) {
        delete cp.phone;
      }
      if (!cp.email) {
        delete cp.email;
      }
      answers.contactPerson = cp;
    }
    try {
      await api.submitPreinfo(token, answers);
      setSent(true);
    } catch (err) {
      setError(err);
    }
  };

  if (!loaded.data) {
    return (
      <main id="main" className="form-page">
        {loaded.error ? <ErrorMessage error={loaded.error} /> : <p>{t('loading')}</p>}
      </main>
    );
  }
  const cp = a.contactPerson ?? { name: '' };
  const text = (
    key: 'pvsInUse' | 'konnektor' | 'networkAccess' | 'credentialsNote',
    label: string,
    area = false,
  ) => (
    <label>
      {label}
      {area ? (
        <textarea rows={3} value={a[key] ?? ''} onChange={(e) => setA({ ...a, [key]: e.target.value })} />
      ) : (
        <input value={a[key] ?? ''} onChange={(e) => setA({ ...a, [key]: e.target.value })} />
      )}
    </label>
  );

  return (
    <main id="main" className="form-page">
      <h1>{t('formTitle')}</h1>
      <p>{t('formIntro')}</p>
      {loaded.data.submittedAt ? (
        <p className="muted small">
          {t('formSubmittedAt')}: {formatDateTime(loaded.data.submittedAt, lang)}
        </p>
      ) : null}
      <form onSubmit={(e) => void submit(e)} className="stack">
        <fieldset>
          <legend>{t('formContactName')}</legend>
          <label>
            {t('formName')}
            <input
              autoComplete="name"
              value={cp.name}
              onChange={(e) => setA({ ...a, contactPerson: { ...cp, name: e.target.value } })}
            />
          </label>
          <label>
            {t('formContactPhone')}
            <input
              type="tel"
              autoComplete="tel"
              value={cp.phone ?? ''}
              onChange={(e) => setA({ ...a, contactPerson: { ...cp, phone: e.target.value } })}
            />
          </label>
          <label>
            {t('formContactEmail')}
            <input
              type="email"
              autoComplete="email"
              value={cp.email ?? ''}
              onChange={(e) => setA({ ...a, contactPerson: { ...cp, email: e.target.value } })}
            />
          </label>
        </fieldset>
        {text('pvsInUse', t('formPvs'))}
        {text('konnektor', t('formKonnektor'))}
        <label>
          {t('formTiGateway')}
          <select
            value={a.tiGateway ?? ''}
            onChange={(e) =>
              setA({ ...a, tiGateway: (e.target.value || undefined) as PreinfoAnswers['tiGateway'] })
            }
          >
            <option value="">–</option>
            <option value="yes">{t('yes')}</option>
            <option value="no">{t('no')}</option>
            <option value="planned">{t('planned')}</option>
            <option value="unknown">{t('unknown')}</option>
          </select>
        </label>
        <label>
          {t('formWorkplaces')}
          <input
            type="number"
            inputMode="numeric"
            min={0}
            value={a.workplaces ?? ''}
            onChange={(e) => setA({ ...a, workplaces: num(e.target.value) })}
          />
        </label>
        <label>
          {t('formStaff')}
          <input
            type="number"
            inputMode="numeric"
            min={0}
            value={a.staffInDataProcessing ?? ''}
            onChange={(e) => setA({ ...a, staffInDataProcessing: num(e.target.value) })}
          />
        </label>
        <label>
          {t('formLargeDevices')}
          <select
            value={a.largeMedicalDevices ?? ''}
            onChange={(e) =>
              setA({
                ...a,
                largeMedicalDevices: (e.target.value || undefined) as PreinfoAnswers['largeMedicalDevices'],
              })
            }
          >
            <option value="">–</option>
            <option value="yes">{t('yes')}</option>
            <option value="no">{t('no')}</option>
            <option value="unknown">{t('unknown')}</option>
          </select>
        </label>
        {text('networkAccess', t('formNetwork'), true)}
        <label>
          {t('formCredentials')}
          <select
            value={a.credentialsDelivery ?? ''}
            onChange={(e) =>
              setA({
                ...a,
                credentialsDelivery: (e.target.value || undefined) as PreinfoAnswers['credentialsDelivery'],
              })
            }
          >
            <option value="">–</option>
            <option value="on_site">{t('credOnSite')}</option>
            <option value="phone">{t('credPhone')}</option>
            <option value="secure_link">{t('credSecureLink')}</option>
            <option value="password_manager">{t('credPasswordManager')}</option>
            <option value="other">{t('credOther')}</option>
          </select>
        </label>
        <label>
          {t('formDevices')}
          <textarea rows={4} value={devices} onChange={(e) => setDevices(e.target.value)} />
        </label>
        <ErrorMessage error={error} />
        {sent ? (
          <p role="status" className="success">
            {t('formThanks')}
          </p>
        ) : null}
        <button type="submit">{t('formSubmit')}</button>
      </form>
    </main>
  );
}
