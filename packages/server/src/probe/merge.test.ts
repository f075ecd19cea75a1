import { describe, expect, it } from 'vitest';
import { mergeSheets } from './merge.ts';

const at = '2026-11-23T09:00:00Z';
const probe = <T>(value: T) => ({ value, source: 'probe', at });
const person = <T>(value: T) => ({ value, source: 'person', at, by: 'tech@example.org' });

describe('mergeSheets', () => {
  it('fills gaps, replaces older probe values, keeps identity keys', () => {
    const existing = {
      id: 'sheet-1',
      practice: { id: 'c1', name: 'Praxis A' },
      network: { gateway: probe('192.168.1.1') },
    };
    const incoming = {
      id: 'sheet-other',
      practice: { id: 'unknown', name: 'Praxis (PC1)' },
      network: { gateway: probe('192.168.1.254'), dnsServers: probe(['192.168.1.1']) },
    };
    const r = mergeSheets(existing, incoming);
    expect(r.sheet.id).toBe('sheet-1');
    expect(r.sheet.practice).toEqual({ id: 'c1', name: 'Praxis A' });
    expect(r.sheet.network).toEqual({ gateway: probe('192.168.1.254'), dnsServers: probe(['192.168.1.1']) });
    expect(r.conflicts).toEqual([]);
    expect(r.applied).toBe(2);
  });

  it('never overwrites a person value silently: keeps it and reports the conflict', () => {
    const existing = { machines: [{ id: 'PC-EMPFANG', ramGb: person(16), cpu: { cores: probe(4) } }] };
    const incoming = {
      machines: [
        { id: 'PC-EMPFANG', ramGb: probe(8), cpu: { cores: probe(8) } },
        { id: 'SERVER', ramGb: probe(32) },
      ],
    };
    const r = mergeSheets(existing, incoming);
    const machines = r.sheet.machines as { id: string; ramGb: unknown; cpu?: { cores: unknown } }[];
    expect(machines.map((m) => m.id)).toEqual(['PC-EMPFANG', 'SERVER']);
    expect(machines[0]!.ramGb).toEqual(person(16));
    expect(machines[0]!.cpu!.cores).toEqual(probe(8));
    expect(r.conflicts).toEqual([
      { path: 'machines[PC-EMPFANG].ramGb', kept: person(16), incoming: probe(8) },
    ]);
  });

  it('reports no conflict when the probe confirms the person value', () => {
    const r = mergeSheets({ ti: { host: person('10.0.0.5') } }, { ti: { host: probe('10.0.0.5') } });
    expect(r.conflicts).toEqual([]);
    expect((r.sheet.ti as { host: unknown }).host).toEqual(person('10.0.0.5'));
  });
});

describe('mergeSheets: lists', () => {
  const removedRows = [{ path: 'machines', id: 'PC-LABOR', at, by: 'tech@example.org' }];

  it('does not re-add a row a person removed: the probe seeing it again is a conflict', () => {
    const existing = { machines: [{ id: 'PC-EMPFANG', ramGb: probe(8) }], removedRows };
    const incoming = {
      machines: [
        { id: 'PC-EMPFANG', ramGb: probe(16) },
        { id: 'PC-LABOR', ramGb: probe(4) },
      ],
      removedRows: [],
    };
    const r = mergeSheets(existing, incoming);
    expect((r.sheet.machines as { id: string }[]).map((m) => m.id)).toEqual(['PC-EMPFANG']);
    expect(r.sheet.removedRows).toEqual(removedRows);
    expect(r.conflicts).toEqual([
      {
        path: 'machines[PC-LABOR]',
        kept: { removed: true, ...removedRows[0] },
        incoming: { id: 'PC-LABOR', ramGb: probe(4) },
      },
    ]);
    expect(r.applied).toBe(1);
  });

  it('keeps a list without row ids that a person edited, and reports the probe one as a conflict', () => {
    const profiles = [{ documentType: person('rezept'), printer: person('DRUCKER-1') }];
    const incoming = [{ documentType: probe('rezept'), printer: probe('DRUCKER-2') }];
    const r = mergeSheets({ print: { profiles } }, { print: { profiles: incoming } });
    expect((r.sheet.print as { profiles: unknown }).profiles).toEqual(profiles);
    expect(r.conflicts).toEqual([{ path: 'print.profiles', kept: profiles, incoming }]);
  });

  it('an empty list from the probe (nothing measured) never replaces a list', () => {
    const profiles = [{ documentType: person('rezept') }];
    const r = mergeSheets({ print: { profiles } }, { print: { profiles: [] } });
    expect((r.sheet.print as { profiles: unknown }).profiles).toEqual(profiles);
    expect(r.conflicts).toEqual([]);
    expect(r.applied).toBe(0);
  });

  it('replaces a list without row ids that only the probe filled', () => {
    const r = mergeSheets(
      { network: { subnets: [{ cidr: probe('192.168.1.0/24') }] } },
      { network: { subnets: [{ cidr: probe('192.168.2.0/24') }] } },
    );
    expect((r.sheet.network as { subnets: unknown }).subnets).toEqual([{ cidr: probe('192.168.2.0/24') }]);
    expect(r.applied).toBe(1);
  });
});
