import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/client.ts';
import type { Localized, User } from '../api/types.ts';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorMessage, formatDateTime, useLoad } from '../ui.tsx';

const ROLES = ['dispatcher', 'helpdesk', 'technician', 'sales', 'ranger', 'customer', 'admin'] as const;

interface PriceItem {
  id: string;
  kind: string;
  text: Localized | string;
  unit: Localized | string;
  unitPriceNet: string;
  vatRate: number;
  [k: string]: unknown;
}
interface PriceCatalogReply {
  source: string;
  updatedAt: string | null;
  updatedBy: string | null;
  catalog: { items: PriceItem[]; [k: string]: unknown };
}

function isCatalogReply(x: unknown): x is PriceCatalogReply {
  const c = (x as PriceCatalogReply | null)?.catalog;
  return typeof c === 'object' && c !== null && Array.isArray(c.items);
}

/**
 * One user: role picked in a select and applied with its button (no change on a mere arrow-key move),
 * deactivate/reactivate. The server refuses the own account and the last admin with a hint.
 */
/** The practice a `customer` user belongs to (required by the server for that role); loaded only when shown. */
function CustomerPicker(props: { label: string; value: string; onChange: (id: string) => void }) {
  const { api } = useApp();
  const customers = useLoad(() => api.customers(), [api]);
  return (
    <label>
      {props.label}
      <select value={props.value} required onChange={(e) => props.onChange(e.target.value)}>
        <option value="">–</option>
        {(customers.data ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <ErrorMessage error={customers.error} />
    </label>
  );
}

function UserRow({
  user,
  onChanged,
  onError,
}: {
  user: User;
  onChanged: () => void;
  onError: (e: unknown) => void;
}) {
  const { api } = useApp();
  const { t } = useI18n();
  const [role, setRole] = useState(user.role);
  const [customerId, setCustomerId] = useState(user.customerId ?? '');
  const [busy, setBusy] = useState(false);
  const change = async (patch: { role?: string; customerId?: string; active?: boolean }) => {
    onError(null);
    setBusy(true);
    try {
      await api.updateUser(user.id, patch);
      onChanged();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr className={user.active ? undefined : 'muted'}>
      <td id={`user-name-${user.id}`}>{user.name}</td>
      <td>{user.email}</td>
      <td>
        <select
          aria-label={`${t('userRole')}: ${user.name}`}
          value={role}
          onChange={(e) => setRole(e.target.value)}
        >
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>{' '}
        {role === user.role ? null : (
          <>
            {role === 'customer' ? (
              <CustomerPicker
                label={`${t('userCustomer')}: ${user.name}`}
                value={customerId}
                onChange={setCustomerId}
              />
            ) : null}
            <button
              type="button"
              disabled={busy || (role === 'customer' && !customerId)}
              onClick={() => void change(role === 'customer' ? { role, customerId } : { role })}
            >
              {t('userSaveRole')}
            </button>
          </>
        )}
      </td>
      <td>{user.active ? '✓' : t('userInactive')}</td>
      <td>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          // Described (not named) by the user's name cell: the button reads "Deaktivieren, Tim Berger" and the
          // name cell stays the only cell whose accessible name is the user's name.
          aria-describedby={`user-name-${user.id}`}
          onClick={() => void change({ active: !user.active })}
        >
          {user.active ? t('userDeactivate') : t('userReactivate')}
        </button>
      </td>
    </tr>
  );
}

function Users() {
  const { api } = useApp();
  const { t } = useI18n();
  const users = useLoad(() => api.users(), [api]);
  const [form, setForm] = useState({ email: '', name: '', role: 'technician', password: '', customerId: '' });
  const [error, setError] = useState<unknown>(null);
  const [rowError, setRowError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const { customerId, ...user } = form;
      await api.createUser(form.role === 'customer' ? { ...user, customerId } : user);
      setForm({ email: '', name: '', role: form.role, password: '', customerId: '' });
      users.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card wide" aria-labelledby="users-h">
      <h2 id="users-h">{t('adminUsers')}</h2>
      <ErrorMessage error={users.error} />
      {/* Refusals of a row action (last admin, own account) appear right below the table. */}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('userName')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('userRole')}</th>
              <th scope="col">{t('userActive')}</th>
              <th scope="col">{t('userActions')}</th>
            </tr>
          </thead>
          <tbody>
            {(users.data ?? []).map((u) => (
              <UserRow key={u.id} user={u} onChanged={users.reload} onError={setRowError} />
            ))}
          </tbody>
        </table>
      </div>
      <ErrorMessage error={rowError} />
      <h3>{t('userCreate')}</h3>
      <form onSubmit={(e) => void submit(e)} className="form-row">
        <label>
          {t('userName')}
          <input value={form.name} required onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label>
          {t('email')}
          <input
            type="email"
            value={form.email}
            required
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
        </label>
        <label>
          {t('userRole')}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        {form.role === 'customer' ? (
          <CustomerPicker
            label={t('userCustomer')}
            value={form.customerId}
            onChange={(customerId) => setForm({ ...form, customerId })}
          />
        ) : null}
        <label>
          {t('userPassword')}
          <input
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        </label>
        <button type="submit">{t('userCreate')}</button>
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}

/**
 * The two texts of a catalog item (both required by the catalog schema); an old single-string text is
 * taken as both languages once edited.
 */
function LocalizedInputs(props: {
  value: Localized | string;
  itemId: string;
  onChange: (v: Localized) => void;
}) {
  const { t } = useI18n();
  const v = typeof props.value === 'string' ? { de: props.value, en: props.value } : props.value;
  return (
    <div>
      <label className="small">
        {t('priceTextDe')}
        <input
          lang="de"
          aria-label={`${t('priceTextDe')} ${props.itemId}`}
          value={v.de}
          required
          onChange={(e) => props.onChange({ ...v, de: e.target.value })}
        />
      </label>
      <label className="small">
        {t('priceTextEn')}
        <input
          lang="en"
          aria-label={`${t('priceTextEn')} ${props.itemId}`}
          value={v.en}
          required
          onChange={(e) => props.onChange({ ...v, en: e.target.value })}
        />
      </label>
    </div>
  );
}

function Prices() {
  const { api } = useApp();
  const { t, l, lang } = useI18n();
  const text = (v: Localized | string) => (typeof v === 'string' ? v : l(v));
  const loaded = useLoad(() => api.priceCatalog(), [api]);
  // Edits live apart from the loaded catalog, so no effect has to copy one into the other.
  const [edits, setEdits] = useState<PriceItem[] | null>(null);
  const [state, setState] = useState<{ error: unknown; saved: boolean }>({ error: null, saved: false });
  const reply = isCatalogReply(loaded.data) ? loaded.data : null;
  const items = edits ?? reply?.catalog.items ?? null;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!reply || !items) {
      return;
    }
    setState({ error: null, saved: false });
    try {
      await api.savePriceCatalog({ ...reply.catalog, items });
      setState({ error: null, saved: true });
      setEdits(null);
      loaded.reload();
    } catch (err) {
      setState({ error: err, saved: false });
    }
  };
  const edit = (i: number, patch: Partial<PriceItem>) =>
    setEdits((items ?? []).map((it, j) => (j === i ? { ...it, ...patch } : it)));
  return (
    <section className="card wide" aria-labelledby="prices-h">
      <h2 id="prices-h">{t('adminPrices')}</h2>
      <ErrorMessage error={loaded.error} />
      {reply ? (
        <p className="muted small">
          {reply.source === 'default' ? t('pricesDefault') : `${t('pricesStored')} ${reply.updatedBy ?? ''}`}{' '}
          {formatDateTime(reply.updatedAt, lang)}
        </p>
      ) : null}
      {items ? (
        <form onSubmit={(e) => void save(e)}>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">ID</th>
                  <th scope="col">{t('priceText')}</th>
                  <th scope="col">{t('priceUnit')}</th>
                  <th scope="col">{t('priceNet')}</th>
                  <th scope="col">{t('priceVat')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((it, i) => (
                  <tr key={it.id}>
                    <td>
                      <code>{it.id}</code>
                    </td>
                    <td>
                      <LocalizedInputs
                        value={it.text}
                        itemId={it.id}
                        onChange={(v) => edit(i, { text: v })}
                      />
                    </td>
                    <td>{text(it.unit)}</td>
                    <td>
                      <input
                        aria-label={`${t('priceNet')} ${it.id}`}
                        inputMode="decimal"
                        pattern="\d+(\.\d{1,2})?"
                        value={it.unitPriceNet}
                        onChange={(e) => edit(i, { unitPriceNet: e.target.value })}
                      />
                    </td>
                    <td>{it.vatRate} %</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="submit">{t('save')}</button>
          {state.saved ? <span role="status"> {t('saved')}</span> : null}
        </form>
      ) : null}
      <ErrorMessage error={state.error} />
    </section>
  );
}

function Checks() {
  const { api } = useApp();
  const { t, l } = useI18n();
  const checks = useLoad(() => api.checks(), [api]);
  const [area, setArea] = useState('');
  const areas = [...new Set((checks.data ?? []).map((c) => c.area))];
  const shown = (checks.data ?? []).filter((c) => !area || c.area === area);
  return (
    <section className="card wide" aria-labelledby="checks-h">
      <h2 id="checks-h">
        {t('adminChecks')} {checks.data ? `(${checks.data.length})` : ''}
      </h2>
      <ErrorMessage error={checks.error} />
      <label className="inline">
        {t('area')}
        <select value={area} onChange={(e) => setArea(e.target.value)}>
          <option value="">{t('all')}</option>
          {areas.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </label>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">{t('area')}</th>
              <th scope="col">{t('checkTitle')}</th>
              <th scope="col">{t('severity')}</th>
              <th scope="col">KBV</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id}>
                <td>
                  <code>{c.id}</code>
                </td>
                <td>{c.area}</td>
                <td>{typeof c.title === 'string' ? c.title : l(c.title)}</td>
                <td>{c.severity ?? ''}</td>
                <td>{(c.kbv ?? []).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Integrations are listed only when the server offers the endpoint (404 → section left out). */
function Integrations() {
  const { api } = useApp();
  const { t } = useI18n();
  const data = useLoad(() => api.integrations(), [api]);
  if (isApiError(data.error) && data.error.status === 404) {
    return null;
  }
  return (
    <section className="card wide" aria-labelledby="integrations-h">
      <h2 id="integrations-h">{t('adminIntegrations')}</h2>
      <ErrorMessage error={data.error} />
      {data.data ? <pre className="small">{JSON.stringify(data.data, null, 2)}</pre> : null}
    </section>
  );
}

export function AdminScreen() {
  const { t } = useI18n();
  return (
    <article aria-labelledby="admin-title">
      <h1 id="admin-title">{t('adminTitle')}</h1>
      <div className="grid">
        <Users />
        <Prices />
        <Checks />
        <Integrations />
      </div>
    </article>
  );
}
