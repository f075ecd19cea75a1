import type { AuditSheet, Evidence, Finding, LocalizedText } from '@praxisready/model';
import { OPERATIONS_CHECKLIST } from '@praxisready/rules';
import { t } from '../common/lang.ts';

/** One item of a checklist the report shows (operations checklist of seed 001 §5). */
export interface ChecklistItemDef {
  id: string;
  title: LocalizedText;
}

/** The operations checklist of seed 001 §5 as the rules package defines it (ids are keys of operations.items). */
export const DEFAULT_OPERATIONS_CHECKLIST: readonly ChecklistItemDef[] = OPERATIONS_CHECKLIST;

export interface ChecklistRow {
  id: string;
  title: LocalizedText;
  status: 'done' | 'partial' | 'open' | 'not_applicable' | 'not_recorded';
  note?: string;
  source?: string;
  at?: string;
}

/** Joins the checklist catalog with the sheet's answers; answers under unknown ids are appended. */
export function operationsRows(sheet: AuditSheet, catalog: readonly ChecklistItemDef[]): ChecklistRow[] {
  const answers = sheet.operations.items;
  const rows: ChecklistRow[] = catalog.map((item) => {
    const a = answers[item.id];
    return a
      ? {
          id: item.id,
          title: item.title,
          status: a.value.status,
          ...(a.value.note ? { note: a.value.note } : {}),
          source: a.source,
          at: a.at,
        }
      : { id: item.id, title: item.title, status: 'not_recorded' };
  });
  const known = new Set(catalog.map((c) => c.id));
  for (const [id, a] of Object.entries(answers)) {
    if (!known.has(id)) {
      rows.push({
        id,
        title: { de: id, en: id },
        status: a.value.status,
        ...(a.value.note ? { note: a.value.note } : {}),
        source: a.source,
        at: a.at,
      });
    }
  }
  return rows;
}

export interface KbvRow {
  id: string;
  title: LocalizedText;
  status: Finding['status'];
  evidence: Evidence[];
  /** Other findings that name this requirement (e.g. the backup check for A1-20). */
  related: Finding[];
  explanation?: LocalizedText;
  remediation?: LocalizedText;
}

/** Practice size class of the KBV directive (persons permanently doing data processing). */
export function kbvSizeClass(sheet: AuditSheet): LocalizedText | undefined {
  if (sheet.profile.extensiveDataProcessing?.value === 'yes') {
    return t('Großpraxis (erweiterte Datenverarbeitung)', 'Large practice (extensive data processing)');
  }
  const n = sheet.profile.staffInDataProcessing?.value;
  if (n === undefined) {
    return undefined;
  }
  if (n <= 5) {
    return t(`Praxis (${n} Personen in der Datenverarbeitung)`, `Practice (${n} persons in data processing)`);
  }
  if (n <= 20) {
    return t(`Mittlere Praxis (${n} Personen)`, `Medium practice (${n} persons)`);
  }
  return t(`Großpraxis (${n} Personen)`, `Large practice (${n} persons)`);
}

const KBV_ID = /^A\d-\d{2}$/;

/**
 * The KBV status rows: one per applicable requirement. Findings of area `kbv` come first (their subject or
 * first KBV reference is the requirement id); requirements the technician answered without a finding follow.
 */
export function kbvRows(
  sheet: AuditSheet,
  findings: readonly Finding[],
): { rows: KbvRow[]; notApplicable: number } {
  const rows = new Map<string, KbvRow>();
  let notApplicable = 0;
  for (const f of findings) {
    if (f.area !== 'kbv') {
      continue;
    }
    const id =
      [f.subject, ...f.kbvRefs].find((x): x is string => x !== undefined && KBV_ID.test(x)) ??
      f.subject ??
      f.checkId;
    if (f.status === 'not_applicable') {
      notApplicable++;
      continue;
    }
    // Other findings that name this requirement are evidence too (e.g. the backup check for A1-20).
    const related = findings.filter((g) => g.area !== 'kbv' && g.kbvRefs.includes(id));
    rows.set(id, {
      id,
      title: f.title,
      status: f.status,
      evidence: f.evidence,
      related,
      explanation: f.explanation,
      ...(f.remediation ? { remediation: f.remediation } : {}),
    });
  }
  for (const [id, a] of Object.entries(sheet.kbv.requirements)) {
    if (rows.has(id) || a.value.status === 'not_applicable') {
      continue;
    }
    const status = a.value.status === 'done' ? 'pass' : a.value.status === 'partial' ? 'warn' : 'fail';
    rows.set(id, {
      id,
      title: { de: id, en: id },
      status,
      evidence: [{ path: `kbv.requirements.${id}`, value: a.value.status, source: a.source, at: a.at }],
      related: [],
      ...(a.value.note ? { explanation: { de: a.value.note, en: a.value.note } } : {}),
    });
  }
  return { rows: [...rows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), notApplicable };
}
