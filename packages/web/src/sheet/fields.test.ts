import { AuditSheetSchema } from '@praxisready/model';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_GROUPS, countAnswers } from './checklists.ts';
import { applyEdits, personValue } from './edits.ts';
import { SECTIONS, isScalar, sectionId, type ListField, type ScalarField } from './fields.ts';
import { getPath, setPath } from './paths.ts';

/** A value of the field's kind that the model accepts (text '22:00' also fits the backup start-time pattern). */
function samples(spec: ScalarField): unknown[] {
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

const at = '2026-11-23T12:00:00Z';
const base = {
  kind: 'praxisready.audit-sheet',
  schemaVersion: 1,
  id: 's1',
  practice: { id: 'p1', name: 'Praxis', contacts: [] },
};

/** Parses a sheet with `value` at `path` and returns what the model kept there (zod strips unknown keys). */
function roundTrip(path: string, value: unknown): unknown {
  const parsed = AuditSheetSchema.safeParse(setPath(base, path, personValue(value, at)));
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return getPath(parsed.data, path);
}

describe('SECTIONS', () => {
  const fields = SECTIONS.flatMap((s) => s.fields);
  const scalars = fields.filter(isScalar);
  const lists = fields.filter((f): f is ListField => f.kind === 'list');

  it.each(scalars.map((spec) => [spec.path, spec] as const))(
    '%s exists in the audit sheet model with its kind',
    (_path, spec) => {
      const values = samples(spec);
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) {
        expect(roundTrip(spec.path, value)).toMatchObject({ value });
      }
    },
  );

  it.each(lists.map((spec) => [spec.path, spec] as const))(
    'list %s is a sourced list of its options or of free strings',
    (_path, spec) => {
      const value = spec.options ? spec.options.map((o) => o.value) : ['D:\\PVS\\Daten', 'Anna Schulz'];
      expect(roundTrip(spec.path, value)).toMatchObject({ value });
    },
  );

  it('every checklist item is an answer the rules read, with each status', () => {
    for (const spec of fields.filter((f) => f.kind === 'checklist')) {
      for (const item of CHECKLIST_GROUPS[spec.catalog].flatMap((g) => g.items)) {
        for (const status of ['done', 'partial', 'open', 'not_applicable']) {
          expect(roundTrip(`${spec.path}.${item.id}`, { status, note: 'n' })).toMatchObject({
            value: { status, note: 'n' },
          });
        }
      }
    }
  });

  it('every section ends with the observations of its own area, which the model accepts', () => {
    for (const section of SECTIONS) {
      expect(section.fields.at(-1)).toMatchObject({ kind: 'observations', area: section.area });
    }
    const note = {
      area: 'network',
      text: 'Switch im Flur ohne USV',
      at,
      by: 'tech@example.org',
      evidence: ['a1'],
    };
    const parsed = AuditSheetSchema.safeParse({ ...base, observations: [note] });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data?.observations).toEqual([note]);
  });

  it('has unique paths and unique section ids; the KBV checklist holds all 92 requirements in 5 Anlagen', () => {
    // the observations field is one list shown per area
    const paths = fields.filter((f) => f.kind !== 'observations').map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(new Set(SECTIONS.map(sectionId)).size).toBe(SECTIONS.length);
    expect(CHECKLIST_GROUPS.kbv).toHaveLength(5);
    expect(CHECKLIST_GROUPS.kbv.flatMap((g) => g.items)).toHaveLength(92);
    expect(CHECKLIST_GROUPS.kbv[0]!.items[0]).toMatchObject({ id: 'A1-01', checkId: 'kbv.a1-01' });
    expect(CHECKLIST_GROUPS.operations[0]!.items.map((i) => i.checkId)).toContain('ops.emergency-paths');
  });

  it('counts answers per status; an item without an answer is open', () => {
    const items = CHECKLIST_GROUPS.kbv[0]!.items;
    const sheet = applyEdits(base, {
      a: { op: 'set', path: 'kbv.requirements.A1-01', value: personValue({ status: 'done' }, at) },
      b: { op: 'set', path: 'kbv.requirements.A1-02', value: personValue({ status: 'open' }, at) },
    });
    expect(countAnswers(items, getPath(sheet, 'kbv.requirements'))).toEqual({
      done: 1,
      partial: 0,
      open: 1,
      not_applicable: 0,
      none: items.length - 2,
    });
  });
});
