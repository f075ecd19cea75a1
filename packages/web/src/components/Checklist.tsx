import { useId, useState } from 'react';
import type { Finding } from '@praxisready/model';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { ANSWERS, CHECKLIST_GROUPS, answerOf, countAnswers, type Answer } from '../sheet/checklists.ts';
import { personValue, type Edit } from '../sheet/edits.ts';
import type { ChecklistField } from '../sheet/fields.ts';
import { getPath } from '../sheet/paths.ts';
import { STATUS_LABEL } from '../sheet/status.ts';

const ANSWER_LABEL: Record<Answer | 'none', MessageKey> = {
  none: 'answerNone',
  done: 'answerDone',
  partial: 'answerPartial',
  open: 'answerOpen',
  not_applicable: 'answerNotApplicable',
};
const CHOICES = ['none', ...ANSWERS] as const;

export interface ChecklistProps {
  spec: ChecklistField;
  sheet: unknown;
  /** Live findings, for each item's current status (n/a by practice size, failed by an automated check …). */
  findings: Finding[];
  at: string;
  onEdit: (edit: Edit) => void;
}

/**
 * A rules catalog as a checklist: per item the technician's answer (radio group: keyboard arrows move, 44 px
 * targets) and a note, grouped (KBV by Anlage) with counts in each group's summary.
 */
export function Checklist({ spec, sheet, findings, at, onEdit }: ChecklistProps) {
  const { t, l } = useI18n();
  const uid = useId();
  const groups = CHECKLIST_GROUPS[spec.catalog];
  const [open, setOpen] = useState<Record<string, boolean>>({ [groups[0]!.id]: true });
  const [onlyOpen, setOnlyOpen] = useState(false);
  const answers = getPath(sheet, spec.path) as Record<string, unknown> | undefined;
  const byCheck = new Map(findings.map((f) => [f.checkId, f]));

  const answer = (id: string, status: Answer | 'none', note?: string) => {
    const path = `${spec.path}.${id}`;
    onEdit(
      status === 'none'
        ? { op: 'remove', path }
        : { op: 'set', path, value: personValue({ status, ...(note ? { note } : {}) }, at) },
    );
  };

  return (
    <div className="checklist">
      <h3>{l(spec.label)}</h3>
      <label className="inline">
        <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
        {t('checklistOnlyOpen')}
      </label>
      {groups.map((g) => {
        const counts = countAnswers(g.items, answers);
        const items = g.items.filter((item) => !onlyOpen || !answerOf(answers?.[item.id]));
        return (
          <details
            key={g.id}
            open={open[g.id] ?? false}
            onToggle={(e) => {
              // Read now: React clears currentTarget once the handler returns, before the updater runs.
              const isOpen = e.currentTarget.open;
              setOpen((o) => ({ ...o, [g.id]: isOpen }));
            }}
          >
            <summary>
              <span className="group-title">{l(g.title)}</span>{' '}
              <span className="counts small" data-testid={`counts-${g.id}`}>
                {CHOICES.filter((c) => c !== 'none')
                  .map((c) => `${t(ANSWER_LABEL[c])} ${counts[c]}`)
                  .join(' · ')}
                {` · ${t('answerNone')} ${counts.none}`}
              </span>
            </summary>
            {/* Closed groups render no items: 92 requirements with five choices each are a lot of DOM. */}
            {open[g.id] ? (
              <ol className="plain checklist-items">
                {items.map((item) => {
                  const a = answerOf(answers?.[item.id]);
                  const finding = byCheck.get(item.checkId);
                  const name = `${uid}-${item.id}`;
                  return (
                    <li key={item.id}>
                      <fieldset className={`check-item ${a?.status ?? 'none'}`}>
                        <legend>{l(item.title)}</legend>
                        <p className="small muted">
                          {l(item.detail)}
                          {finding ? (
                            <>
                              {' '}
                              <span className={`badge ${finding.status}`}>
                                {t(STATUS_LABEL[finding.status])}
                              </span>
                              {finding.status === 'not_applicable' || finding.status === 'fail' ? (
                                <> {l(finding.explanation)}</>
                              ) : null}
                            </>
                          ) : null}
                        </p>
                        <div className="segmented">
                          {CHOICES.map((c) => (
                            <label key={c} className={(a?.status ?? 'none') === c ? 'seg on' : 'seg'}>
                              <input
                                type="radio"
                                name={name}
                                value={c}
                                checked={(a?.status ?? 'none') === c}
                                onChange={() => answer(item.id, c, a?.note)}
                              />
                              {t(ANSWER_LABEL[c])}
                            </label>
                          ))}
                        </div>
                        {a ? (
                          <label className="note">
                            {t('checklistNote')}
                            <input
                              type="text"
                              value={a.note ?? ''}
                              onChange={(e) => answer(item.id, a.status, e.target.value)}
                            />
                          </label>
                        ) : null}
                      </fieldset>
                    </li>
                  );
                })}
              </ol>
            ) : null}
          </details>
        );
      })}
    </div>
  );
}
