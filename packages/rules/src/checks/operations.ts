import type { ChecklistAnswer } from '@praxisready/model';
import {
  OPERATIONS_CHECKLIST,
  OPERATIONS_REFERENCE as REF,
  type OperationsItem,
} from '../catalogs/operations.ts';
import { ev, fail, manual, notApplicable, pass, t, warn } from '../engine/helpers.ts';
import type { Check, CheckContext, Outcome } from '../engine/types.ts';

/** Maps a person's checklist answer to an outcome (shared by the operations checklist and KBV). */
export function answerOutcome(
  answer: ChecklistAnswer,
  path: string,
  what: { de: string; en: string },
): Outcome {
  const e = [ev(path, answer)];
  const note = answer.value.note ? ` (${answer.value.note})` : '';
  switch (answer.value.status) {
    case 'done':
      return pass(t(`Erledigt${note}.`, `Done${note}.`), e);
    case 'partial':
      return warn(t(`Teilweise erledigt${note}: ${what.de}.`, `Partly done${note}: ${what.en}.`), e);
    case 'open':
      // "nicht erfüllt", as the sheet editor names this answer ("offen" there means: not answered yet)
      return fail(t(`Nicht erfüllt${note}: ${what.de}.`, `Not met${note}: ${what.en}.`), e);
    case 'not_applicable':
      return notApplicable(
        t(`Laut Techniker nicht zutreffend${note}.`, `Not applicable per technician${note}.`),
      );
  }
}

/** A checklist answer in words, as the sheet editor shows it. */
export const ANSWER_WORDS: Record<ChecklistAnswer['value']['status'], { de: string; en: string }> = {
  done: t('erfüllt', 'met'),
  partial: t('teilweise erfüllt', 'partly met'),
  open: t('nicht erfüllt', 'not met'),
  not_applicable: t('nicht zutreffend', 'not applicable'),
};

/** Automated evidence that an item is not met, whatever the answer says. */
const AUTOMATED: Record<string, (ctx: CheckContext) => { de: string; en: string } | undefined> = {
  'cards-certificates': (ctx) =>
    ctx.sheet.ti.kim.kimAddressActive?.value === false
      ? t('KIM-Adresse ist nicht aktiv.', 'KIM address is not active.')
      : undefined,
};

function itemCheck(item: OperationsItem): Check {
  return {
    id: `ops.${item.id}`,
    area: 'operations',
    severity: item.severity,
    title: item.title,
    reference: REF,
    kbvRefs: item.kbvRefs ?? [],
    remediation: t(
      `${item.seedText} – Punkt umsetzen und im Audit-Sheet als erledigt vermerken.`,
      `${item.title.en}: implement and mark as done in the audit sheet.`,
    ),
    appliesTo: (ctx) =>
      item.doctolibOnly && ctx.sheet.profile.doctolib?.value === false
        ? t('Praxis nutzt Doctolib nicht.', 'Practice does not use Doctolib.')
        : true,
    run: (ctx) => {
      const auto = AUTOMATED[item.id]?.(ctx);
      if (auto) {
        return [fail(auto)];
      }
      const path = `operations.items.${item.id}`;
      const a = ctx.sheet.operations.items[item.id];
      if (a === undefined) {
        return [
          manual(t(`Mit der Praxis prüfen: ${item.seedText}`, `Check with the practice: ${item.title.en}.`)),
        ];
      }
      return [answerOutcome(a, path, item.title)];
    },
  };
}

export const operationsChecks: Check[] = OPERATIONS_CHECKLIST.map(itemCheck);
