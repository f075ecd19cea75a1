import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { demoFindings, demoSheet } from '../test-support/fixtures.ts';
import { centralRowOf, type CentralSheetRow } from './columns.ts';
import { exportCentralSheet, importCentralSheet } from './xlsx.ts';

function rows(): CentralSheetRow[] {
  const sheet = demoSheet();
  const second = {
    ...sheet,
    id: 'sheet-2',
    caseId: 'CASE-2',
    practice: { ...sheet.practice, name: 'Praxis Größenwahn – Süd' },
    auditDate: undefined,
    stage: 'audit' as const,
  };
  return [centralRowOf(sheet, { findings: demoFindings() }), centralRowOf(second)];
}

describe('central sheet XLSX', () => {
  it('round-trips: export → import gives the same rows', async () => {
    const input = rows();
    expect(input[0]?.score).toBeTypeOf('number');
    const r = await importCentralSheet(await exportCentralSheet(input));
    expect(r.issues).toEqual([]);
    expect(r.success && r.data).toEqual(input);
  });

  it('reports invalid cells with row and column and never throws', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportCentralSheet(rows())) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Audits')!;
    ws.getRow(2).getCell(1).value = null; // Vorgang (required)
    ws.getRow(3).getCell(8).value = '31.02.2026'; // Audit-Datum: no such day
    ws.getRow(3).getCell(11).value = 'fertig'; // Status not in the workflow
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const strict = await importCentralSheet(edited);
    expect(strict.success).toBe(false);
    expect(strict.issues.map((i) => i.path)).toEqual([
      [2, 'Vorgang'],
      [3, 'Audit-Datum'],
      [3, 'Status'],
    ]);
    const partial = await importCentralSheet(edited, { partial: true });
    expect(partial.success && partial.data).toEqual([]);
    expect(partial.issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('fails with one issue for a file that is not XLSX', async () => {
    const r = await importCentralSheet(Buffer.from('Vorgang;Praxis\nCASE-1;Praxis\n'));
    expect(r.success).toBe(false);
    expect(r.issues[0]?.code).toBe('not_xlsx');
  });

  it('finds columns by header when they were reordered', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportCentralSheet(rows())) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Audits')!;
    ws.spliceColumns(3, 1); // drop "Praxis" entirely
    const r = await importCentralSheet(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.success).toBe(false);
    expect(r.issues[0]).toMatchObject({ code: 'missing_column', path: [1, 'Praxis'] });
  });
});
