import { AuditSheetSchema } from '@praxisready/model';
import { describe, expect, it } from 'vitest';
import { SECTIONS, getAtPath, sectionId, withValueAt, type FieldSpec } from './fields.ts';

/** A value of the field's kind that the model accepts (text '22:00' also fits the backup start-time pattern). */
function samples(spec: FieldSpec): unknown[] {
  switch (spec.kind) {
    case 'number':
      return [2];
    case 'bool':
      return [true];
    case 'tri':
      return ['yes', 'no', 'unknown'];
    case 'date':
      return ['2026-11-23'];
    case 'choice':
      return (spec.options ?? []).map((o) => o.value);
    case 'text':
      return ['22:00'];
  }
}

const base = {
  kind: 'praxisready.audit-sheet',
  schemaVersion: 1,
  id: 's1',
  practice: { id: 'p1', name: 'Praxis', contacts: [] },
};

describe('SECTIONS', () => {
  const fields = SECTIONS.flatMap((s) => s.fields);

  it.each(fields.map((spec) => [spec.path, spec] as const))(
    '%s exists in the audit sheet model with its kind',
    (path, spec) => {
      const values = samples(spec);
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) {
        const sheet = withValueAt(base, path, { value, source: 'person', at: '2026-11-23T12:00:00Z' });
        const parsed = AuditSheetSchema.safeParse(sheet);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        // zod strips unknown keys: a wrong path parses but loses the value.
        expect(getAtPath(parsed.data, path)).toMatchObject({ value });
      }
    },
  );

  it('has unique paths and unique section ids', () => {
    expect(new Set(fields.map((f) => f.path)).size).toBe(fields.length);
    expect(new Set(SECTIONS.map(sectionId)).size).toBe(SECTIONS.length);
  });
});
