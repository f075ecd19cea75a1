import { useState } from 'react';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { customerPath, customersPath } from '../routes.ts';
import { ErrorMessage, useLoad } from '../ui.tsx';

/** Customers (practices, MVZ) with a name filter; each links to its sites and contacts. */
export function CustomersScreen() {
  const { api, navigate } = useApp();
  const { t } = useI18n();
  const list = useLoad(() => api.customers(), [api]);
  const [filter, setFilter] = useState('');
  const shown = (list.data ?? []).filter((c) => c.name.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <section aria-labelledby="customers-title">
      <h1 id="customers-title">{t('customersTitle')}</h1>
      <label className="inline">
        {t('customersFilter')}
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      <ErrorMessage error={list.error} />
      {list.data && shown.length === 0 ? <p className="muted">{t('noCustomers')}</p> : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('customerName')}</th>
              <th scope="col">{t('customerKind')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('phone')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id}>
                <td>
                  <a
                    href={customerPath(c.id)}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(customerPath(c.id));
                    }}
                  >
                    {c.name}
                  </a>
                </td>
                <td>{c.kind}</td>
                <td>{c.email ?? ''}</td>
                <td>{c.phone ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function CustomerScreen({ customerId }: { customerId: string }) {
  const { api, navigate } = useApp();
  const { t } = useI18n();
  const c = useLoad(() => api.customer(customerId), [api, customerId]);
  if (!c.data) {
    return c.error ? <ErrorMessage error={c.error} /> : <p>{t('loading')}</p>;
  }
  const d = c.data;
  return (
    <article aria-labelledby="customer-title">
      <p>
        <a
          href={customersPath}
          onClick={(e) => {
            e.preventDefault();
            navigate(customersPath);
          }}
        >
          ← {t('customersTitle')}
        </a>
      </p>
      <h1 id="customer-title">{d.name}</h1>
      <p className="muted">
        {d.kind}
        {d.customerNumber ? ` · ${t('customerNumber')} ${d.customerNumber}` : ''}
        {d.email ? ` · ${d.email}` : ''}
        {d.phone ? ` · ${d.phone}` : ''}
      </p>
      <div className="grid">
        <section className="card" aria-labelledby="sites-h">
          <h2 id="sites-h">{t('sites')}</h2>
          {d.sites.length === 0 ? <p className="muted small">{t('noSites')}</p> : null}
          <ul className="plain">
            {d.sites.map((s) => (
              <li key={s.id}>
                <strong>{s.name ?? d.name}</strong>
                <br />
                {[s.street, [s.postalCode, s.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="people-h">
          <h2 id="people-h">{t('contacts')}</h2>
          {d.contacts.length === 0 ? <p className="muted small">{t('noContacts')}</p> : null}
          <ul className="plain">
            {d.contacts.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong> {p.role ? <span className="badge">{p.role}</span> : null}
                <br />
                {[p.email, p.phone].filter(Boolean).join(' · ')}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </article>
  );
}
