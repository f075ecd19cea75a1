// Fixture: hand-written in the documented ConvertTo-Json shape of Win32_NetworkAdapterConfiguration, NOT recorded
// on a real machine (see src/__fixtures__/windows/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDhclientLeases, parseResolvConf, parseWindowsNetwork } from './network.ts';

describe('network parsers', () => {
  it('Windows: the adapter with a gateway is the main one; DHCP server only when DHCP is on', () => {
    const raw: unknown = JSON.parse(
      readFileSync(new URL('../__fixtures__/windows/network.json', import.meta.url), 'utf8'),
    );
    const n = parseWindowsNetwork(raw);
    expect(n).toMatchObject({
      gateway: '192.168.10.1',
      dnsServers: ['192.168.10.5', '192.168.10.1'],
      dhcpServer: '192.168.10.5',
    });
    expect(n.interfaces.map((i) => [i.addresses[0], i.dhcp])).toEqual([
      ['192.168.10.21', true],
      ['172.20.16.1', false],
    ]);
    expect(parseWindowsNetwork(null)).toEqual({ interfaces: [], dnsServers: [] });
  });

  it('resolv.conf and dhclient leases (newest lease wins)', () => {
    expect(parseResolvConf('# x\nnameserver 192.168.10.5\nsearch praxis.local\n nameserver ::1\n')).toEqual([
      '192.168.10.5',
      '::1',
    ]);
    const leases =
      'lease {\n  option dhcp-server-identifier 10.0.0.1;\n}\nlease {\n  option dhcp-server-identifier 192.168.10.5;\n}\n';
    expect(parseDhclientLeases(leases)).toBe('192.168.10.5');
    expect(parseDhclientLeases('')).toBeUndefined();
  });
});
