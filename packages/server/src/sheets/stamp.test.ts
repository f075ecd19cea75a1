import { describe, expect, it } from 'vitest';
import { stampObservations, stampPersonValues } from './stamp.ts';

const stamp = { at: '2026-11-23T12:00:00.000Z', by: 'technician@praxisready.test' };
const probe = (value: unknown) => ({ value, source: 'probe', at: '2026-11-23T10:00:00Z' });

describe('stampPersonValues', () => {
  it('stamps new and changed person values with the server time and actor, keeps unchanged stamps', () => {
    const before = {
      network: { gateway: { value: '10.0.0.1', source: 'person', at: '2026-11-20T08:00:00Z', by: 'anna' } },
      machines: [
        { id: 'm1', ramGb: probe(8) },
        { id: 'm2', ramGb: probe(16) },
      ],
    };
    const after = {
      network: {
        gateway: { value: '10.0.0.1', source: 'person', at: '2000-01-01T00:00:00Z' },
        dhcpServer: { value: '10.0.0.2', source: 'person', at: '2000-01-01T00:00:00Z', by: 'forged' },
      },
      // m1 removed: m2 is matched by id, not by position
      machines: [{ id: 'm2', ramGb: { value: 32, source: 'person', at: '2000-01-01T00:00:00Z' } }],
      kbv: { requirements: { 'A1-01': { value: { status: 'done' }, source: 'person', at: 'x' } } },
    };
    expect(stampPersonValues(before, after, stamp)).toEqual({
      network: {
        gateway: { value: '10.0.0.1', source: 'person', at: '2026-11-20T08:00:00Z', by: 'anna' },
        dhcpServer: { value: '10.0.0.2', source: 'person', ...stamp },
      },
      machines: [{ id: 'm2', ramGb: { value: 32, source: 'person', ...stamp } }],
      kbv: { requirements: { 'A1-01': { value: { status: 'done' }, source: 'person', ...stamp } } },
    });
  });

  it('leaves probe values and plain data alone', () => {
    const after = {
      machines: [{ id: 'm1', ramGb: probe(8) }],
      print: { profiles: [{ documentType: 'AU' }] },
    };
    expect(stampPersonValues({}, after, stamp)).toEqual(after);
  });
});

describe('stampObservations', () => {
  const kept = {
    area: 'ti',
    text: 'Konnektor im Serverraum',
    at: '2026-11-20T08:00:00Z',
    by: 'anna',
    evidence: [],
  };
  it('keeps the stamp of a known note and stamps new or edited ones with the server time and actor', () => {
    const after = [
      { ...kept, at: '2000-01-01T00:00:00Z', by: 'forged' },
      { area: 'ti', text: 'Neue Notiz', at: '2000-01-01T00:00:00Z', by: 'forged', evidence: [] },
      { ...kept, text: 'Konnektor im Serverraum, Lüfter laut' },
    ];
    expect(stampObservations([kept], after, stamp)).toEqual([
      kept,
      { area: 'ti', text: 'Neue Notiz', evidence: [], ...stamp },
      { ...kept, text: 'Konnektor im Serverraum, Lüfter laut', ...stamp },
    ]);
  });
});
