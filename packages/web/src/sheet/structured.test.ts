import { AuditSheetSchema } from '@praxisready/model';
import { evaluate } from '@praxisready/rules';
import { describe, expect, it } from 'vitest';
import { applyEdits } from './edits.ts';
import { cellEdit, tableRows } from './rows.ts';
import { listValue, missingParts, newItem, parseCount, setPart, settle } from './structured.ts';
import { DISK_PARTS, TABLE_FIELDS } from './tables.ts';

const at = '2026-11-23T12:00:00Z';
const probe = (value: unknown) => ({ value, source: 'probe', at: '2026-11-23T10:00:00Z' });
const machines = TABLE_FIELDS.machines;
const col = (path: string) => machines.columns.find((c) => c.path === path)!;

describe('structured values', () => {
  it('holds back a disk until mount, size and free space are set; an emptied list is removed', () => {
    const disks = col('disks');
    const fresh = newItem(DISK_PARTS);
    expect(fresh).toEqual({ mount: '', kind: 'unknown' });
    const s1 = settle(disks, [fresh]);
    expect(s1.complete).toBe(false);
    expect(!s1.complete && s1.missing.map((p) => p.key)).toEqual(['mount', 'sizeGb', 'freeGb']);
    let disk = setPart(fresh, DISK_PARTS[0]!, 'D:');
    disk = setPart(disk, DISK_PARTS[1]!, 2000);
    disk = setPart(disk, DISK_PARTS[2]!, 800);
    disk = setPart(disk, DISK_PARTS[3]!, 'hdd');
    expect(settle(disks, [disk])).toEqual({
      complete: true,
      value: [{ mount: 'D:', sizeGb: 2000, freeGb: 800, kind: 'hdd' }],
    });
    expect(settle(disks, [])).toEqual({ complete: true, value: undefined });
  });

  it('an object is complete with its required parts, removed when every part is cleared; bitness is a number', () => {
    const office = col('office');
    const bitness = office.parts!.find((p) => p.key === 'bitness')!;
    expect(setPart({ product: 'Office 2019' }, bitness, '32')).toEqual({
      product: 'Office 2019',
      bitness: 32,
    });
    expect(settle(office, { wordVersion: '2019' })).toMatchObject({ complete: false });
    expect(settle(office, {})).toEqual({ complete: true, value: undefined });
    const antivirus = col('antivirus');
    expect(missingParts(antivirus.parts!, { product: 'Defender' }).map((p) => p.key)).toEqual(['enabled']);
    expect(settle(antivirus, { product: 'Defender', enabled: false })).toMatchObject({ complete: true });
  });

  it('resolutions are positive whole numbers', () => {
    const dpi = TABLE_FIELDS.printers.columns.find((c) => c.path === 'resolutionsDpi')!;
    expect(listValue(dpi, ['300', '600'])).toEqual([300, 600]);
    expect(listValue(dpi, [])).toBeUndefined();
    expect(parseCount('300')).toBe(300);
    expect(parseCount('0')).toBeUndefined();
    expect(parseCount('2.5')).toBeUndefined();
    expect(parseCount('')).toBeUndefined();
  });

  it("editing a server's probe disks makes the whole list a person's value; an HDD fails sysreq.server.ssd", () => {
    const sheet = {
      kind: 'praxisready.audit-sheet',
      schemaVersion: 1,
      id: 's1',
      practice: { id: 'p1', name: 'Praxis', contacts: [] },
      machines: [
        {
          id: 'SRV',
          role: probe('server'),
          disks: probe([{ mount: 'C:', sizeGb: 500, freeGb: 300, kind: 'ssd' }]),
        },
      ],
    };
    const ssd = (s: unknown) =>
      evaluate(AuditSheetSchema.parse(s), { now: new Date(at) }).findings.find(
        (f) => f.checkId === 'sysreq.server.ssd',
      )!.status;
    expect(ssd(sheet)).toBe('pass');
    const next = [
      { mount: 'C:', sizeGb: 500, freeGb: 300, kind: 'ssd' },
      { mount: 'D:', sizeGb: 2000, freeGb: 800, kind: 'hdd', isDataDrive: true },
    ];
    const edit = cellEdit(sheet, machines, 0, col('disks'), next, at);
    expect(edit).toEqual({
      op: 'set',
      path: 'machines[SRV].disks',
      value: { value: next, source: 'person', at },
    });
    const edited = applyEdits(sheet, { [edit.path]: edit });
    expect(tableRows(edited, machines).rows[0]!.role).toEqual(probe('server'));
    expect(ssd(edited)).toBe('fail');
  });
});
