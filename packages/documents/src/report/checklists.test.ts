import { describe, expect, it } from 'vitest';
import { demoFindings, demoSheet } from '../test-support/fixtures.ts';
import { DEFAULT_OPERATIONS_CHECKLIST, kbvRows, kbvSizeClass, operationsRows } from './checklists.ts';

describe('report checklists', () => {
  it('joins the operations catalog with the answers and keeps answers under unknown ids', () => {
    const sheet = demoSheet();
    sheet.operations.items['extra-item'] = {
      value: { status: 'done' },
      source: 'person',
      at: '2026-11-20T10:00:00Z',
    };
    const rows = operationsRows(sheet, DEFAULT_OPERATIONS_CHECKLIST);
    expect(rows.slice(0, DEFAULT_OPERATIONS_CHECKLIST.length).map((r) => r.id)).toEqual(
      DEFAULT_OPERATIONS_CHECKLIST.map((c) => c.id),
    );
    expect(rows.find((r) => r.id === 'doctolib')).toMatchObject({
      status: 'open',
      note: 'Reminder-Vorlagen fehlen',
    });
    expect(rows.find((r) => r.id === 'emergency-paths')?.status).toBe('not_recorded');
    expect(rows.at(-1)).toMatchObject({ id: 'extra-item', status: 'done' });
  });

  it('lists applicable KBV requirements with related findings and counts the rest', () => {
    const { rows, notApplicable } = kbvRows(demoSheet(), demoFindings());
    expect(rows.map((r) => r.id)).toEqual(['A1-01', 'A1-05', 'A1-20', 'A1-50']);
    expect(notApplicable).toBe(1);
    expect(rows.find((r) => r.id === 'A1-05')?.related.map((f) => f.checkId)).toEqual(['sec.updates']);
  });

  it('derives the KBV size class from the staff count', () => {
    const sheet = demoSheet();
    expect(kbvSizeClass(sheet)?.de).toBe('Mittlere Praxis (7 Personen)');
    sheet.profile.staffInDataProcessing = { value: 3, source: 'person', at: '2026-11-20T10:00:00Z' };
    expect(kbvSizeClass(sheet)?.de).toMatch(/^Praxis \(3 Personen/);
  });
});
