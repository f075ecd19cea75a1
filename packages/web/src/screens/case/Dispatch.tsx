import { useState } from 'react';
import { isApiError } from '../../api/client.ts';
import type { CasePanelProps } from './Sales.tsx';
import { useApp } from '../../app-context.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useLoad } from '../../ui.tsx';

/** Roles a case is assigned in (server `PUT /assignments/{role}`); labels German first. */
const ASSIGN_ROLES = [
  { role: 'helpdesk', label: { de: 'Helpdesk', en: 'Helpdesk' } },
  { role: 'technician', label: { de: 'Techniker/in', en: 'Technician' } },
  { role: 'sales', label: { de: 'Vertrieb', en: 'Sales' } },
  { role: 'ranger', label: { de: 'Ranger', en: 'Ranger' } },
] as const;

/** Who works on the case, per role. Without `users.list` the current names are shown read-only. */
export function Assignments({ detail, act }: CasePanelProps) {
  const { api } = useApp();
  const { t, l } = useI18n();
  const users = useLoad(() => api.users(), [api]);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const canPick = !isApiError(users.error);
  return (
    <section className="card" aria-labelledby="assign-h">
      <h2 id="assign-h">{t('assignments')}</h2>
      <ul className="plain">
        {ASSIGN_ROLES.map(({ role, label }) => {
          const current = detail.assignments.find((a) => a.role === role);
          const candidates = (users.data ?? []).filter((u) => u.role === role && u.active);
          const value = picked[role] ?? current?.userId ?? '';
          return (
            <li key={role} className="assign-row">
              {canPick ? (
                <>
                  <label htmlFor={`assign-${role}`}>{l(label)}</label>
                  <select
                    id={`assign-${role}`}
                    value={value}
                    onChange={(e) => setPicked({ ...picked, [role]: e.target.value })}
                  >
                    <option value="">{t('unassigned')}</option>
                    {candidates.map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                  </select>
                </>
              ) : (
                <span>
                  {l(label)}: {current?.name ?? current?.userId ?? t('unassigned')}
                </span>
              )}
              {canPick ? (
                <button
                  type="button"
                  className="secondary"
                  disabled={!value || value === current?.userId}
                  onClick={() => void act(() => api.assign(detail.id, role, value))}
                >
                  {t('assign')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
