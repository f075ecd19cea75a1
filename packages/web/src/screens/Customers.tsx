import { useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '../api/client.ts';
import type { Contact, CustomerDetail, Site, TrailEntry } from '../api/types.ts';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { TrailList } from '../components/TrailList.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { customerPath, customersPath } from '../routes.ts';
import { ErrorMessage, useLoad } from '../ui.tsx';

/** Customer kinds of the server (`CustomerKinds`) with their labels. */
const KINDS: readonly (readonly [string, MessageKey])[] = [
  ['einzelpraxis', 'kindEinzelpraxis'],
  ['bag', 'kindBag'],
  ['mvz', 'kindMvz'],
  ['other', 'kindOther'],
];

function useKindLabel() {
  const { t } = useI18n();
  return (kind: string) => {
    const k = KINDS.find(([v]) => v === kind);
    return k ? t(k[1]) : kind;
  };
}

/**
 * One submit at a time with the server's refusal kept for display next to the form (a 409 carries a hint
 * naming the existing practice or site).
 */
function useSubmit() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (e: FormEvent | null, work: () => Promise<unknown>, done: () => void) => {
    e?.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await work();
      done();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

/** A labelled text input; `name` doubles as the form field name. */
function Field(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  required?: boolean;
  pattern?: string;
  autoComplete?: string;
  autoFocus?: boolean;
}) {
  return (
    <label>
      {props.label}
      <input
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        pattern={props.pattern}
        autoComplete={props.autoComplete ?? 'off'}
        // The form opens on a click of "Bearbeiten": the keyboard user continues in its first field.
        autoFocus={props.autoFocus}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

/** Phone and e-mail, the same two fields in the customer and the contact form. */
function ReachFields<F extends { phone: string; email: string }>(props: {
  form: F;
  setForm: (f: F) => void;
}) {
  const { t } = useI18n();
  const { form, setForm } = props;
  return (
    <>
      <Field
        label={t('phone')}
        type="tel"
        value={form.phone}
        onChange={(phone) => setForm({ ...form, phone })}
      />
      <Field
        label={t('email')}
        type="email"
        value={form.email}
        onChange={(email) => setForm({ ...form, email })}
      />
    </>
  );
}

function FormButtons({ busy, onCancel, submit }: { busy: boolean; onCancel: () => void; submit?: string }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" disabled={busy}>
        {submit ?? t('save')}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}

/** A form region named by its heading, so screen readers list it as a landmark. */
function EditForm(props: {
  id: string;
  title: string;
  onSubmit: (e: FormEvent) => void;
  error: unknown;
  children: ReactNode;
}) {
  return (
    <form aria-labelledby={props.id} onSubmit={props.onSubmit}>
      <h3 id={props.id}>{props.title}</h3>
      {props.children}
      <ErrorMessage error={props.error} />
    </form>
  );
}

/** Customers (practices, MVZ) with a name filter; each links to its sites and contacts. */
export function CustomersScreen() {
  const { api, navigate } = useApp();
  const { t } = useI18n();
  const kindLabel = useKindLabel();
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
                <td>{kindLabel(c.kind)}</td>
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
  const kindLabel = useKindLabel();
  const c = useLoad(() => api.customer(customerId), [api, customerId]);
  const me = useLoad(() => api.me(), [api]);
  // The server's customers.edit roles; others (technician, sales, ranger) read only, so no buttons that end in 403.
  const canEdit = EDIT_ROLES.includes(me.data?.role ?? '');
  // Several forms may be open at once (a site and a new contact): opening one never discards another's input.
  const [open, setOpen] = useState<readonly string[]>([]);
  if (!c.data) {
    return c.error ? <ErrorMessage error={c.error} /> : <p>{t('loading')}</p>;
  }
  const d = c.data;
  const isOpen = (key: string) => open.includes(key);
  const setEditing = (key: string) => setOpen((o) => (o.includes(key) ? o : [...o, key]));
  const closer = (key: string) => () => setOpen((o) => o.filter((k) => k !== key));
  const doner = (key: string) => () => {
    closer(key)();
    c.reload();
  };
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
        {kindLabel(d.kind)}
        {d.customerNumber ? ` · ${t('customerNumber')} ${d.customerNumber}` : ''}
        {d.email ? ` · ${d.email}` : ''}
        {d.phone ? ` · ${d.phone}` : ''}
      </p>
      {isOpen('customer') ? (
        <CustomerForm customer={d} onDone={doner('customer')} onCancel={closer('customer')} />
      ) : canEdit ? (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setEditing('customer')}>
            {t('customerEdit')}
          </button>
        </div>
      ) : null}
      <div className="grid">
        <section className="card" aria-labelledby="sites-h">
          <h2 id="sites-h">{t('sites')}</h2>
          {d.sites.length === 0 ? <p className="muted small">{t('noSites')}</p> : null}
          <ul className="plain">
            {d.sites.map((s) => (
              <li key={s.id}>
                {isOpen(`site:${s.id}`) ? (
                  <SiteForm
                    customerId={d.id}
                    site={s}
                    onDone={doner(`site:${s.id}`)}
                    onCancel={closer(`site:${s.id}`)}
                  />
                ) : (
                  <>
                    <strong>{s.name ?? d.name}</strong>
                    <br />
                    {[s.street, [s.postalCode, s.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
                    {canEdit ? (
                      <div className="actions">
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`${t('siteEdit')}: ${s.name ?? d.name}, ${s.street ?? ''}`}
                          onClick={() => setEditing(`site:${s.id}`)}
                        >
                          {t('edit')}
                        </button>
                      </div>
                    ) : null}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="people-h">
          <h2 id="people-h">{t('contacts')}</h2>
          {d.contacts.length === 0 ? <p className="muted small">{t('noContacts')}</p> : null}
          <ul className="plain">
            {d.contacts.map((p) =>
              isOpen(`contact:${p.id}`) ? (
                <li key={p.id}>
                  <ContactForm
                    customer={d}
                    contact={p}
                    onDone={doner(`contact:${p.id}`)}
                    onCancel={closer(`contact:${p.id}`)}
                  />
                </li>
              ) : (
                <ContactItem
                  key={p.id}
                  customer={d}
                  contact={p}
                  canEdit={canEdit}
                  onEdit={() => setEditing(`contact:${p.id}`)}
                  onDeleted={c.reload}
                />
              ),
            )}
          </ul>
          {isOpen('contact:new') ? (
            <ContactForm customer={d} onDone={doner('contact:new')} onCancel={closer('contact:new')} />
          ) : canEdit ? (
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setEditing('contact:new')}>
                {t('contactAdd')}
              </button>
            </div>
          ) : null}
        </section>
        <MergeCard customer={d} role={me.data?.role} onDone={c.reload} />
        <Trail customerId={d.id} version={d} />
      </div>
    </article>
  );
}

function CustomerForm(props: { customer: CustomerDetail; onDone: () => void; onCancel: () => void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const d = props.customer;
  const [form, setForm] = useState({
    name: d.name,
    kind: d.kind,
    email: d.email ?? '',
    phone: d.phone ?? '',
    customerNumber: d.customerNumber ?? '',
  });
  const { error, busy, run } = useSubmit();
  return (
    <EditForm
      id="customer-edit-h"
      title={t('customerEdit')}
      error={error}
      onSubmit={(e) => void run(e, () => api.updateCustomer(d.id, form), props.onDone)}
    >
      <Field
        label={t('customerName')}
        value={form.name}
        required
        autoFocus
        onChange={(name) => setForm({ ...form, name })}
      />
      <label>
        {t('customerKind')}
        <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
          {KINDS.map(([v, key]) => (
            <option key={v} value={v}>
              {t(key)}
            </option>
          ))}
        </select>
      </label>
      <ReachFields form={form} setForm={setForm} />
      <Field
        label={t('customerNumber')}
        value={form.customerNumber}
        onChange={(customerNumber) => setForm({ ...form, customerNumber })}
      />
      <FormButtons busy={busy} onCancel={props.onCancel} />
    </EditForm>
  );
}

function SiteForm(props: { customerId: string; site: Site; onDone: () => void; onCancel: () => void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const s = props.site;
  const [form, setForm] = useState({
    name: s.name ?? '',
    street: s.street ?? '',
    postalCode: s.postalCode ?? '',
    city: s.city ?? '',
  });
  const { error, busy, run } = useSubmit();
  return (
    <EditForm
      id={`site-edit-${s.id}`}
      title={t('siteEdit')}
      error={error}
      onSubmit={(e) => void run(e, () => api.updateSite(props.customerId, s.id, form), props.onDone)}
    >
      <Field
        label={t('siteName')}
        value={form.name}
        required
        autoFocus
        onChange={(name) => setForm({ ...form, name })}
      />
      <Field
        label={t('street')}
        value={form.street}
        required
        onChange={(street) => setForm({ ...form, street })}
      />
      <Field
        label={t('postalCode')}
        value={form.postalCode}
        required
        pattern="\s*\d{5}\s*"
        onChange={(postalCode) => setForm({ ...form, postalCode })}
      />
      <Field label={t('city')} value={form.city} required onChange={(city) => setForm({ ...form, city })} />
      <FormButtons busy={busy} onCancel={props.onCancel} />
    </EditForm>
  );
}

function ContactForm(props: {
  customer: CustomerDetail;
  contact?: Contact;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { api } = useApp();
  const { t } = useI18n();
  const k = props.contact;
  const [form, setForm] = useState({
    name: k?.name ?? '',
    role: k?.role ?? '',
    phone: k?.phone ?? '',
    email: k?.email ?? '',
    siteId: k?.siteId ?? '',
  });
  const { error, busy, run } = useSubmit();
  const id = props.customer.id;
  const submit = () => {
    const body = { ...form, siteId: form.siteId || null };
    return k ? api.updateContact(id, k.id, body) : api.addContact(id, body);
  };
  return (
    <EditForm
      id={`contact-edit-${k?.id ?? 'new'}`}
      title={k ? t('contactEdit') : t('contactAdd')}
      error={error}
      onSubmit={(e) => void run(e, submit, props.onDone)}
    >
      <Field
        label={t('contactName')}
        value={form.name}
        required
        autoFocus
        onChange={(name) => setForm({ ...form, name })}
      />
      <Field label={t('contactRole')} value={form.role} onChange={(role) => setForm({ ...form, role })} />
      <ReachFields form={form} setForm={setForm} />
      {props.customer.sites.length > 0 ? (
        <label>
          {t('contactSite')}
          <select value={form.siteId} onChange={(e) => setForm({ ...form, siteId: e.target.value })}>
            <option value="">{t('contactWholeCustomer')}</option>
            {props.customer.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {[s.name ?? props.customer.name, s.street].filter(Boolean).join(', ')}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <FormButtons busy={busy} onCancel={props.onCancel} submit={k ? t('save') : t('contactAdd')} />
    </EditForm>
  );
}

/** A contact with edit and a two-step delete (no browser dialog: the confirmation is a button in place). */
function ContactItem(props: {
  customer: CustomerDetail;
  contact: Contact;
  canEdit: boolean;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { api } = useApp();
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const { error, busy, run } = useSubmit();
  const p = props.contact;
  const site = props.customer.sites.find((s) => s.id === p.siteId);
  return (
    <li>
      <strong>{p.name}</strong> {p.role ? <span className="badge">{p.role}</span> : null}
      {site ? <span className="muted small"> · {site.name ?? site.street}</span> : null}
      <br />
      {[p.email, p.phone].filter(Boolean).join(' · ')}
      {props.canEdit ? (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            aria-label={`${t('edit')}: ${p.name}`}
            onClick={props.onEdit}
          >
            {t('edit')}
          </button>
          {confirming ? (
            <>
              <button
                type="button"
                disabled={busy}
                // The confirmation appears where the focus was, so Enter twice is a deliberate delete.
                autoFocus
                onClick={() =>
                  void run(null, () => api.deleteContact(props.customer.id, p.id), props.onDeleted)
                }
              >
                {t('confirmDelete')}: {p.name}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="secondary"
              aria-label={`${t('delete')}: ${p.name}`}
              onClick={() => setConfirming(true)}
            >
              {t('delete')}
            </button>
          )}
        </div>
      ) : null}
      <ErrorMessage error={error} />
    </li>
  );
}

const MERGE_ROLES: readonly string[] = ['helpdesk', 'admin'];
const EDIT_ROLES: readonly string[] = ['dispatcher', 'helpdesk', 'admin'];

/** Merging a duplicate into this customer (helpdesk, admin): pick the twin, confirm by submitting. */
function MergeCard(props: { customer: CustomerDetail; role: string | undefined; onDone: () => void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const others = useLoad(() => api.customers(), [api]);
  const [source, setSource] = useState('');
  const { error, busy, run } = useSubmit();
  const candidates = (others.data ?? []).filter((c) => c.id !== props.customer.id);
  // Merging deletes a customer: offered to the roles the server allows it (customers.write), not the dispatcher.
  if (candidates.length === 0 || !MERGE_ROLES.includes(props.role ?? '')) {
    return null;
  }
  return (
    <section className="card wide" aria-labelledby="merge-h">
      <h2 id="merge-h">{t('mergeTitle')}</h2>
      <p className="muted small">{t('mergeHelp')}</p>
      <form
        onSubmit={(e) =>
          void run(
            e,
            () => api.mergeCustomer(props.customer.id, source),
            () => {
              setSource('');
              others.reload();
              props.onDone();
            },
          )
        }
      >
        <label>
          {t('mergeSource')}
          <select value={source} required onChange={(e) => setSource(e.target.value)}>
            <option value="">–</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || !source}>
          {t('mergeSubmit')}
        </button>
        <ErrorMessage error={error} />
      </form>
    </section>
  );
}

/** Bookkeeping columns that change with every edit and say nothing to a reader. */
const QUIET = new Set(['id', 'createdAt', 'updatedAt', 'matchKey', 'customerId']);

/** "field: old → new" for each value an event changed (created: the new values; deleted: the old ones). */
function changes(e: TrailEntry): string[] {
  const rec = (x: unknown) => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {});
  const before = rec(e.before);
  const after = rec(e.after);
  // Only primitives reach here (objects are filtered out below).
  const show = (v: unknown) =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) || '–' : '–';
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !QUIET.has(k) && typeof (after[k] ?? before[k]) !== 'object')
    .filter((k) => before[k] !== after[k])
    .map((k) =>
      e.before === null || e.before === undefined
        ? `${k}: ${show(after[k])}`
        : e.after === null || e.after === undefined
          ? `${k}: ${show(before[k])}`
          : `${k}: ${show(before[k])} → ${show(after[k])}`,
    );
}

/**
 * Who changed the master data (roles without the audit-trail permission get 403: the section is left out).
 * `version` is the loaded customer, so the trail reloads after every save.
 */
function Trail({ customerId, version }: { customerId: string; version: unknown }) {
  const { api } = useApp();
  const { t } = useI18n();
  const trail = useLoad(() => api.customerTrail(customerId), [api, customerId, version]);
  if (isApiError(trail.error) && trail.error.status === 403) {
    return null;
  }
  return (
    <section className="card wide" aria-labelledby="customer-trail-h">
      <h2 id="customer-trail-h">{t('customerTrail')}</h2>
      <ErrorMessage error={trail.error} />
      <TrailList entries={trail.data ?? []} details={changes} />
    </section>
  );
}
