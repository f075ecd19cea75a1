import { describe, expect, it } from 'vitest';
import { PORT_LIST } from '../catalogs/ports.ts';
import { rowsForPortCheck } from './ports.ts';

const tcp = (host: string, port: number, role?: string) => ({
  host,
  port,
  protocol: 'tcp' as const,
  state: 'open' as const,
  ...(role ? { role } : {}),
});

describe('port list', () => {
  it('has the 67 rows of seed 004 with the Service-Provider port 23174', () => {
    expect(PORT_LIST).toHaveLength(67);
    expect(
      PORT_LIST.some((r) => r.application === 'Serviceprovider' && r.ports.includes(23174 as never)),
    ).toBe(true);
  });

  it('matches the SQL Server port per product: 1434 for x.concept, 1433 for x.isynet', () => {
    expect(rowsForPortCheck(tcp('SRV01', 1434, 'pvs_server'), 'x.concept').map((r) => r.application)).toEqual(
      ['SQL-Server'],
    );
    expect(rowsForPortCheck(tcp('SRV01', 1434, 'pvs_server'), 'x.isynet')).toEqual([]);
    expect(rowsForPortCheck(tcp('SRV01', 1433, 'pvs_server'), 'x.isynet').map((r) => r.application)).toEqual([
      'SQL-Server',
    ]);
  });

  it('matches ranges, and external rows only for their destinations', () => {
    expect(
      rowsForPortCheck({ host: 'SRV01', port: 14000, protocol: 'udp', state: 'open' }, 'x.concept').map(
        (r) => r.application,
      ),
    ).toEqual(['ToDoListen/ZMS']);
    expect(
      rowsForPortCheck(tcp('webtermin.medatixx.de', 443), 'x.concept').map((r) => r.application),
    ).toContain('x.webtermin');
    expect(rowsForPortCheck(tcp('10.0.10.5', 443, 'konnektor'), 'x.concept')).toEqual([]);
  });
});
