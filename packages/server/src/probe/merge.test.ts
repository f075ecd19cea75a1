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
