import { useMemo, useState } from 'react';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { casePath } from '../routes.ts';
import { ErrorMessage, useLoad } from '../ui.tsx';
import type { BoardCard } from '../api/types.ts';

const ROLE_OPTIONS = ['dispatcher', 'helpdesk', 'technician', 'sales', 'ranger'] as const;

interface Filters {
  role: string;
  assignee: string;
  dueBy: string;
}

/** A card passes when it has an assignee in the role (and, if chosen, that person) and is due by the date. */
export function cardMatches(card: BoardCard, f: Filters): boolean {
  const entries = Object.entries(card.assignees).filter(([role]) => !f.role || role === f.role);
  if (f.role && entries.length === 0) {
    return false;
  }
  if (f.assignee && !entries.some(([, name]) => name === f.assignee)) {
    return false;
  }
  if (f.dueBy) {
    if (!card.nextDueAt || card.nextDueAt.slice(0, 10) > f.dueBy) {
      return false;
    }
  }
  return true;
}

export function BoardScreen() {
  const { api, navigate } = useApp();
  const { t, l } = useI18n();
  const { data, error } = useLoad(() => api.board(), [api]);
  const [filters, setFilters] = useState<Filters>({ role: '', assignee: '', dueBy: '' });

  const assignees = useMemo(() => {
    const names = new Set<string>();
    for (const col of data?.stages ?? []) {
      for (const card of col.cards) {
        for (const [role, name] of Object.entries(card.assignees)) {
          if (!filters.role || role === filters.role) {
            names.add(name);
          }
        }
      }
    }
    return [...names].sort();
  }, [data, filters.role]);

  return (
    <section aria-labelledby="board-title">
      <h1 id="board-title">{t('boardTitle')}</h1>
      <ErrorMessage error={error} />
      <fieldset className="filters">
        <legend>{t('filters')}</legend>
        <label>
          {t('filterRole')}
          <select
            value={filters.role}
            onChange={(e) => setFilters({ ...filters, role: e.target.value, assignee: '' })}
          >
            <option value="">{t('all')}</option>
            {ROLE_OPTIONS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterAssignee')}
          <select
            value={filters.assignee}
            onChange={(e) => setFilters({ ...filters, assignee: e.target.value })}
          >
            <option value="">{t('all')}</option>
            {assignees.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterDue')}
          <input
            type="date"
            value={filters.dueBy}
            onChange={(e) => setFilters({ ...filters, dueBy: e.target.value })}
          />
        </label>
      </fieldset>
      {data ? (
        <div className="board">
          {data.stages.map((col) => {
            const cards = col.cards.filter((c) => cardMatches(c, filters));
            const headingId = `stage-${col.stage}`;
            return (
              <section key={col.stage} className="column" aria-labelledby={headingId}>
                <h2 id={headingId}>
                  {l(col.label)} <span className="count">({cards.length})</span>
                </h2>
                {cards.length === 0 ? <p className="muted">{t('noCards')}</p> : null}
                <ul className="cards">
                  {cards.map((card) => (
                    <li key={card.id}>
                      <a
                        className="case-card"
                        href={casePath(card.id)}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate(casePath(card.id));
                        }}
                      >
                        <span className="case-no">#{card.number}</span> <strong>{card.title}</strong>
                        <span className="muted small">
                          {Object.entries(card.assignees)
                            .map(([role, name]) => `${role}: ${name}`)
                            .join(', ') || t('unassigned')}
                        </span>
                        {card.openFollowups > 0 ? (
                          <span className="badge">
                            {card.openFollowups} {t('openFollowups')}
                          </span>
                        ) : null}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      ) : error ? null : (
        <p>{t('loading')}</p>
      )}
    </section>
  );
}
