import { AuditSheetSchema } from '@praxisready/model';
import { describe, expect, it } from 'vitest';
import { getAtPath } from './fields.ts';
import { TABLES, diskFree } from './tables.ts';

const at = '2026-11-23T10:00:00Z';
const p = (value: unknown) => ({ value, source: 'probe', at });

/** A sheet with every column of every table filled, written against the model. */
const full = {
  kind: 'praxisready.audit-sheet',
  schemaVersion: 1,
  id: 's1',
  practice: { id: 'p1', name: 'Praxis', contacts: [] },
  machines: [
    {
      id: 'm1',
      role: p('server'),
      computerName: p('SRV'),
      os: { name: p('Windows Server 2022') },
      ramGb: p(32),
      disks: p([{ mount: 'D:', sizeGb: 1000, freeGb: 600, kind: 'ssd', isDataDrive: true }]),
      cpu: { model: p('Xeon') },
    },
  ],
  ti: {
    terminals: p([
      {
        id: 't1',
        name: 'Empfang',
        productName: 'ORGA 6141',
        ip: '10.0.0.9',
        firmware: '3.9',
        connected: true,
      },
    ]),
    cards: p([
      {
        type: 'SMC-B',
        holder: 'Praxis',
        terminalId: 't1',
        pinStatus: 'VERIFIED',
        certificateExpiry: '2029-01-01',
      },
    ]),
  },
  gdt: {
    devices: [
      {
        id: 'g1',
        name: p('EKG'),
        deviceType: p('EKG'),
        gdtVersion: p('02.10'),
        export: { folder: p('C:\\GDT\\out') },
        import: { folder: p('C:\\GDT\\in') },
        charsetConfigured: p('cp437'),
      },
    ],
  },
  mobileCardTerminals: [
    {
      id: 'mk1',
      model: p('ORGA 930 M online'),
      hostComputer: p('EMPFANG'),
      hostOs: p('windows'),
      hostArch: p('x64'),
      driverInstalled: p(true),
    },
  ],
  print: {
    printers: [
      {
        id: 'pr1',
        name: p('Brother'),
        host: p('10.0.0.20'),
        makeAndModel: p('HL-L5100'),
        reachable: p(true),
        pdfSupported: p(false),
      },
    ],
  },
  peripherals: [
    {
      id: 'pe1',
      kind: 'printer',
      name: p('Etikettendrucker'),
      model: p('QL-700'),
      location: p('Empfang'),
      connection: p('usb'),
    },
  ],
};

describe('TABLES', () => {
  it('every column path exists in the audit sheet model (zod would strip an unknown one)', () => {
    const parsed = AuditSheetSchema.safeParse(full);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    for (const spec of Object.values(TABLES).flat()) {
      const stored = getAtPath(parsed.data, spec.path);
      const rows = (Array.isArray(stored) ? stored : (stored as { value: unknown[] }).value) as unknown[];
      expect(rows.length, spec.path).toBe(1);
      for (const col of spec.columns) {
        expect(getAtPath(rows[0], col.path), `${spec.path} ${col.path}`).toBeDefined();
      }
    }
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
