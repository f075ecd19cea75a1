import { KBV_CATALOG, KbvAnlage, OPERATIONS_CHECKLIST, kbvCheckId } from '@praxisready/rules';
import type { ChecklistField, Label, ScalarField } from './spec.ts';

/**
 * The checklists come from the rules package, the same catalog the server's check catalog (admin) and the live
 * evaluation use, so an item's id here is the key the rules read (`kbv.requirements['A1-05']`,
 * `operations.items['tests']`) and its finding is `kbv.a1-05` / `ops.tests`.
 */
export interface ChecklistItem {
  id: string;
  checkId: string;
  title: Label;
  /** Second line: Zielobjekt and effective date (KBV), the seed's wording (operations). */
  detail: Label;
}

export interface ChecklistGroup {
  id: string;
  title: Label;
  items: ChecklistItem[];
}

const deDate = (iso: string) => iso.split('-').reverse().join('.');

export const KBV_GROUPS: ChecklistGroup[] = ([1, 2, 3, 4, 5] as const).map((anlage) => ({
  id: `anlage-${anlage}`,
  title: { de: `Anlage ${anlage}: ${KbvAnlage[anlage].de}`, en: `Annex ${anlage}: ${KbvAnlage[anlage].en}` },
  items: KBV_CATALOG.filter((r) => r.anlage === anlage).map((r) => ({
    id: r.id,
    checkId: kbvCheckId(r),
    // The directive exists in German only; the rules keep the official title in both languages.
    title: { de: `${r.id} ${r.title}`, en: `${r.id} ${r.title}` },
    detail: {
      de: `Zielobjekt: ${r.zielobjekt} · gilt ab ${deDate(r.effectiveFrom)}`,
      en: `Target object: ${r.zielobjekt} · effective ${r.effectiveFrom}`,
    },
  })),
}));

export const OPERATIONS_GROUPS: ChecklistGroup[] = [
  {
    id: 'operations',
    title: { de: 'Betriebs-Checkliste (Seed 001 §5)', en: 'Operations checklist (seed 001 §5)' },
    items: OPERATIONS_CHECKLIST.map((item) => ({
      id: item.id,
      checkId: `ops.${item.id}`,
      title: item.title,
      detail: { de: item.seedText, en: item.title.en },
    })),
  },
];

export const CHECKLIST_GROUPS: Record<ChecklistField['catalog'], ChecklistGroup[]> = {
  kbv: KBV_GROUPS,
  operations: OPERATIONS_GROUPS,
};

/**
 * The technician's answer per item. The model's `ChecklistStatus` (done / partial / open / not_applicable):
 * `open` is what the rules fail ("Offen: …"), i.e. not met; "offen" in the UI is no answer at all, which the
 * rules report as `manual` (still to be judged).
 */
export const ANSWERS = ['done', 'partial', 'open', 'not_applicable'] as const;
export type Answer = (typeof ANSWERS)[number];

export function answerOf(x: unknown): { status: Answer; note?: string } | undefined {
  const v = (x as { value?: { status?: unknown; note?: unknown } } | undefined)?.value;
  return v && (ANSWERS as readonly unknown[]).includes(v.status)
    ? {
        status: v.status as Answer,
        ...(typeof v.note === 'string' ? { note: v.note } : {}),
      }
    : undefined;
}

/** Answers per status and the unanswered rest, for a group heading. */
export function countAnswers(items: ChecklistItem[], answers: unknown): Record<Answer | 'none', number> {
  const counts = { done: 0, partial: 0, open: 0, not_applicable: 0, none: 0 };
  for (const item of items) {
    const a = answerOf((answers as Record<string, unknown> | undefined)?.[item.id]);
    counts[a ? a.status : 'none']++;
  }
  return counts;
}

/**
 * Zielobjekte the technician answers (used in the practice?). The rules treat staff, network, patching and end
 * devices as always present (rules `KBV_ALWAYS_PRESENT_ZIELOBJEKTE`), so they are not asked.
 */
const ALWAYS_PRESENT = new Set([
  'Personal',
  'Sensibilisierung und Schulung zur Informationssicherheit',
  'Netzwerksicherheit',
  'Patch- und Änderungsmanagement',
  'Endgeräte',
]);

export const ZIELOBJEKT_FIELDS: ScalarField[] = [...new Set(KBV_CATALOG.map((r) => r.zielobjekt))]
  .filter((z) => !ALWAYS_PRESENT.has(z))
  .map((z) => ({
    kind: 'tri',
    path: `kbv.zielobjekte.${z}`,
    // Empty: the rules infer it from the sheet where they can (Windows machines, TI connection, PVS …).
    label: { de: `Zielobjekt genutzt: ${z}`, en: `Target object used: ${z}` },
  }));

export const CHECKLIST_FIELDS = {
  kbv: {
    kind: 'checklist',
    path: 'kbv.requirements',
    label: { de: 'Anforderungen der Richtlinie', en: 'Requirements of the directive' },
    catalog: 'kbv',
  },
  operations: {
    kind: 'checklist',
    path: 'operations.items',
    label: { de: 'Betriebs-Checkliste', en: 'Operations checklist' },
    catalog: 'operations',
  },
} as const satisfies Record<string, ChecklistField>;
