import ExcelJS from 'exceljs';
import type { Issue, Result } from '@praxisready/model';
import { fail, ok } from '@praxisready/model';
import { CENTRAL_SHEET_COLUMNS, type CentralSheetRow, type ColumnSpec } from './columns.ts';

const SHEET_NAME = 'Audits';

function dateToExcel(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * Exports the central sheet: one row per case, the overview columns of the audit sheet, header frozen with
 * an auto filter. Dates are real Excel dates (DD.MM.YYYY), scores numbers.
 */
export async function exportCentralSheet(rows: readonly CentralSheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Praxisready';
  // Fixed timestamps keep the file free of "now" (the server stores it as an artifact).
  wb.created = new Date('2026-01-01T00:00:00Z');
  wb.modified = wb.created;
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = CENTRAL_SHEET_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.type === 'date'
      ? { style: { numFmt: 'dd.mm.yyyy' } }
      : c.type === 'decimal'
        ? { style: { numFmt: '0.0' } }
        : {}),
  }));
  ws.getRow(1).font = { bold: true, color: { argb: 'FFFFFFFF' } };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } };
  for (const r of rows) {
    const values: Record<string, unknown> = {};
    for (const c of CENTRAL_SHEET_COLUMNS) {
      const v = r[c.key];
      if (v !== undefined) {
        values[c.key] = c.type === 'date' && typeof v === 'string' ? dateToExcel(v) : v;
      }
    }
    ws.addRow(values);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CENTRAL_SHEET_COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Plain value of a cell: rich text, hyperlinks and formula results unwrapped. */
function plain(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('richText' in value) {
      return value.richText.map((p) => p.text).join('');
    }
    if ('result' in value) {
      return plain(value.result);
    }
    if ('text' in value) {
      return plain(value.text);
    }
    if ('error' in value) {
      return { error: value.error };
    }
  }
  return value;
}

function convert(c: ColumnSpec, raw: unknown): { value?: unknown; error?: string } {
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return c.required ? { error: 'Pflichtfeld ist leer' } : {};
  }
  switch (c.type) {
    case 'text': {
      const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
      if (s === undefined) {
        return { error: 'Text erwartet' };
      }
      return c.max !== undefined && s.length > c.max ? { error: `höchstens ${c.max} Zeichen` } : { value: s };
    }
    case 'enum': {
      const s = typeof raw === 'string' ? raw.trim() : undefined;
      return s !== undefined && c.values?.includes(s)
        ? { value: s }
        : { error: `erlaubt: ${c.values?.join(', ')}` };
    }
    case 'int': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && /^\d+$/.test(raw.trim())
            ? Number(raw.trim())
            : Number.NaN;
      return Number.isInteger(n) && n >= 0 ? { value: n } : { error: 'ganze Zahl ≥ 0 erwartet' };
    }
    case 'decimal': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string'
            ? Number(raw.trim().replace(',', '.'))
            : Number.NaN;
      return Number.isFinite(n) && n >= 0 && n <= 100
        ? { value: Math.round(n * 10) / 10 }
        : { error: 'Zahl 0–100 erwartet' };
    }
    case 'date': {
      if (raw instanceof Date && !Number.isNaN(raw.getTime())) {
        return { value: raw.toISOString().slice(0, 10) };
      }
      if (typeof raw === 'string') {
        const s = raw.trim();
        const de = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
        const iso = de ? `${de[3]}-${de[2]}-${de[1]}` : s;
        if (
          /^\d{4}-\d{2}-\d{2}$/.test(iso) &&
          !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) &&
          new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso)
        ) {
          return { value: iso };
        }
      }
      return { error: 'Datum erwartet (TT.MM.JJJJ)' };
    }
  }
}

export interface ImportOptions {
  /** Keep the valid rows and report the invalid ones as warnings instead of failing. */
  partial?: boolean;
}

/**
 * Imports a central sheet exported by {@link exportCentralSheet} (or edited in Excel). Columns are found by
 * header, so their order may change. Every problem becomes an issue with path `[row, header]` (row numbers as
 * Excel shows them); a file that is not XLSX fails with one issue. Never throws for bad input.
 */
export async function importCentralSheet(
  buffer: Buffer,
  opts: ImportOptions = {},
): Promise<Result<CentralSheetRow[]>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (e) {
    return fail([
      {
        code: 'not_xlsx',
        path: [],
        message: `Keine lesbare XLSX-Datei: ${(e as Error).message}`,
        severity: 'error',
      },
    ]);
  }
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) {
    return fail([
      { code: 'no_sheet', path: [], message: 'Die Datei enthält kein Tabellenblatt', severity: 'error' },
    ]);
  }
  const issues: Issue[] = [];
  const headerRow = ws.getRow(1);
  const colOf = new Map<string, number>();
  headerRow.eachCell((cell, col) => {
    const h = plain(cell.value);
    if (typeof h === 'string') {
      colOf.set(h.trim(), col);
    }
  });
  for (const c of CENTRAL_SHEET_COLUMNS) {
    if (c.required && !colOf.has(c.header)) {
      issues.push({
        code: 'missing_column',
        path: [1, c.header],
        message: `Spalte „${c.header}“ fehlt`,
        severity: 'error',
      });
    }
  }
  if (issues.length > 0) {
    return fail(issues);
  }
  const rows: CentralSheetRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) {
      continue;
    }
    const out: Record<string, unknown> = {};
    const rowIssues: Issue[] = [];
    for (const c of CENTRAL_SHEET_COLUMNS) {
      const col = colOf.get(c.header);
      const raw = col === undefined ? undefined : plain(row.getCell(col).value);
      const { value, error } = convert(c, raw);
      if (error) {
        rowIssues.push({
          code: 'invalid_cell',
          path: [r, c.header],
          message: `Zeile ${r}, Spalte „${c.header}“: ${error}`,
          severity: opts.partial ? 'warning' : 'error',
        });
      } else if (value !== undefined) {
        out[c.key] = value;
      }
    }
    issues.push(...rowIssues);
    if (rowIssues.length === 0) {
      rows.push(out as unknown as CentralSheetRow);
    }
  }
  return issues.some((i) => i.severity === 'error') ? fail(issues) : ok(rows, issues);
}
