import { describe, expect, it } from 'vitest';
import { PORT_LIST } from '../../../rules/src/catalogs/ports.ts';
import { pvsListeningPorts } from './pvs-ports.ts';

describe('seed 004 port list (rules catalog)', () => {
  it('has all 67 rows of the five pages', () => {
    expect(PORT_LIST).toHaveLength(67);
    expect(new Set(PORT_LIST.map((r) => r.page))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it('parses every port written in the port cell, and nothing else', () => {
    for (const row of PORT_LIST) {
      const written = [...row.portsText.matchAll(/\d+/g)].map((m) => Number(m[0]));
      const parsed = row.ports.flatMap((p) => (typeof p === 'number' ? [p] : [p[0], p[1]]));
      expect(parsed, row.application).toEqual(written);
    }
  });

  it('keeps the Service-Provider row as in the seed', () => {
    const sp = PORT_LIST.find((r) => r.application === 'Serviceprovider' && r.internal);
    expect(sp).toMatchObject({
      protocol: 'TCP',
      ports: [23174, 80, 443],
      direction: { in: true, out: true },
      destination: 'INTRANET',
      products: ['x.comfort', 'x.concept', 'x.isynet'],
    });
  });
});

describe('PVS server ports of the lab', () => {
  const ports = pvsListeningPorts('x.concept');

  it('opens the Service-Provider, SQL Server and KIM ports', () => {
    const at = (host: string) => ports.filter((p) => p.host === host).map((p) => p.port);
    expect(at('pvs-server')).toEqual(
      expect.arrayContaining([23174, 1433, 1434, 9910, 7186, 7187, 5555, 5556]),
    );
    expect(at('kim')).toEqual([465, 995, 8083]);
  });

  it('takes only inbound, internal TCP rows of the product', () => {
    for (const p of ports.filter((x) => x.catalogRow !== null)) {
      const row = PORT_LIST[p.catalogRow!]!;
      expect(row.protocol).toBe('TCP');
      expect(row.direction.in && row.internal).toBe(true);
      expect(row.products).toContain('x.concept');
    }
    // x.isynet-only and medatixx-only rows stay closed
    expect(ports.map((p) => p.port)).not.toContain(20142);
    expect(ports.map((p) => p.port)).not.toContain(3050);
  });

  it('lists each host/port once', () => {
    const keys = ports.map((p) => `${p.host}:${p.port}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
