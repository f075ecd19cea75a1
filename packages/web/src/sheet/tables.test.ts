import { AuditSheetSchema } from '@praxisready/model';
import { describe, expect, it } from 'vitest';
import { applyEdits, addEdit, type Edits } from './edits.ts';
import type { ColumnSpec, TableField } from './fields.ts';
import { getPath } from './paths.ts';
import { addRowEdit, cellEdit, cellValue, removeRowEdit, rowSource, tableRows } from './rows.ts';
import { TABLE_FIELDS, diskFree } from './tables.ts';

const at = '2026-11-23T12:00:00Z';
const base = {
  kind: 'praxisready.audit-sheet',
  schemaVersion: 1,
  id: 's1',
  practice: { id: 'p1', name: 'Praxis', contacts: [] },
};
const probe = (value: unknown) => ({ value, source: 'probe', at: '2026-11-23T10:00:00Z' });

/** A value of the column's kind the model accepts; read-only columns hold what the probe writes. */
function sample(col: ColumnSpec): unknown {
  const STRUCTURED: Record<string, unknown> = {
    disks: [{ mount: 'D:', sizeGb: 1000, freeGb: 600, kind: 'ssd', isDataDrive: true }],
    resolutionsDpi: [300, 600],
    trays: ['Fach 1'],
    dotnetVersions: ['4.8.1'],
    office: { product: 'Microsoft 365', wordVersion: '365', bitness: 64 },
    antivirus: { product: 'Defender', enabled: true, upToDate: true, kind: 'av' },
    display: { width: 1920, height: 1080 },
    backupSoftware: ['Veeam Agent'],
    pvsInstalled: [{ product: 'x.concept', version: '24.2' }],
  };
  switch (col.kind) {
    case 'readonly':
    case 'strings':
    case 'numbers':
    case 'object':
    case 'items':
      return STRUCTURED[col.path];
    case 'number':
      return 2;
    case 'bool':
      return true;
    case 'tri':
      return 'yes';
    case 'date':
      return '2026-11-23';
    case 'choice':
      return typeof col.options === 'function' ? 'pr1' : col.options![col.options!.length - 1]!.value;
    case 'text':
      return 'x';
  }
}

const tables: TableField[] = Object.values(TABLE_FIELDS);

describe('TABLE_FIELDS', () => {
  it.each(tables.map((t) => [t.path, t] as const))(
    '%s: a new row with every column edited is a valid sheet and keeps every value',
    (_path, spec) => {
      let edits: Edits = addEdit({}, addRowEdit(base, spec, 'n1', at), base);
      for (const col of spec.columns) {
        const sheet = applyEdits(base, edits);
        edits = addEdit(edits, cellEdit(sheet, spec, 0, col, sample(col), at), base);
      }
      const parsed = AuditSheetSchema.safeParse(applyEdits(base, edits));
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      const { rows } = tableRows(parsed.data, spec);
      expect(rows).toHaveLength(1);
      for (const col of spec.columns) {
        expect(cellValue(spec, rows[0]!, col), col.path).toEqual(sample(col));
      }
    },
  );

  it('a cell edit in a probe row is one person value at path[id].column; the row becomes manual', () => {
    const spec = TABLE_FIELDS.machines;
    const sheet = { ...base, machines: [{ id: 'PC-1', role: probe('workstation'), ramGb: probe(8) }] };
    const ram = spec.columns.find((c) => c.path === 'ramGb')!;
    expect(rowSource(spec, sheet.machines[0]!, undefined)).toMatchObject({ source: 'probe' });
    const edit = cellEdit(sheet, spec, 0, ram, 16, at);
    expect(edit).toEqual({
      op: 'set',
      path: 'machines[PC-1].ramGb',
      value: { value: 16, source: 'person', at },
    });
    const edited = applyEdits(sheet, { [edit.path]: edit });
    const row = tableRows(edited, spec).rows[0]!;
    expect(rowSource(spec, row, undefined)).toMatchObject({ source: 'person', at });
    // the other cells keep their probe source
    expect(getPath(row, 'role')).toEqual(probe('workstation'));
  });

  it('a sourced list (Konnektor terminals) becomes a person list as a whole; removing a row keeps the rest', () => {
    const spec = TABLE_FIELDS.terminals;
    const sheet = {
      ...base,
      ti: {
        terminals: probe([
          { id: 't1', name: 'Empfang' },
          { id: 't2', name: 'Labor' },
        ]),
      },
    };
    const edit = removeRowEdit(sheet, spec, 0, at);
    expect(edit).toEqual({
      op: 'set',
      path: 'ti.terminals',
      value: { value: [{ id: 't2', name: 'Labor' }], source: 'person', at },
    });
  });

  it('a plain list (print profiles) keeps its raw document type and sources the printer', () => {
    const spec = TABLE_FIELDS.printProfiles;
    const edit = addRowEdit(base, spec, 'x', at);
    expect(edit).toEqual({
      op: 'set',
      path: 'print.profiles',
      value: [{ documentType: 'AU', printerId: { value: '', source: 'person', at } }],
    });
  });

  it('shows the free space of the data drive, else of every disk', () => {
    expect(
      diskFree([
        { mount: 'C:', freeGb: 10.6 },
        { mount: 'D:', freeGb: 500, isDataDrive: true },
      ]),
    ).toBe('D: 500 GB');
    expect(
      diskFree([
        { mount: 'C:', freeGb: 10.6 },
        { mount: 'E:', freeGb: 2 },
      ]),
    ).toBe('C: 11 GB, E: 2 GB');
    expect(diskFree(undefined)).toBe('');
  });
});
