import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cidrHosts,
  intToIpv4,
  ipv4ToInt,
  isLoopback,
  isPrivateIpv4,
  parseCidr,
  parseHostPort,
} from './address.ts';
import { checkScanTarget, scanSubnet } from './scan.ts';

describe('addresses', () => {
  it('round-trips IPv4 integers', () => {
    fc.assert(fc.property(fc.ipV4(), (ip) => intToIpv4(ipv4ToInt(ip) ?? -1) === ip));
  });

  it('parses CIDRs and lists hosts without network and broadcast address', () => {
    const c = parseCidr('192.168.10.77/24');
    expect(c).toMatchObject({ text: '192.168.10.0/24', size: 256 });
    const hosts = cidrHosts(c);
    expect(hosts).toHaveLength(254);
    expect([hosts[0], hosts.at(-1)]).toEqual(['192.168.10.1', '192.168.10.254']);
    expect(cidrHosts(parseCidr('127.0.0.5'))).toEqual(['127.0.0.5']);
    expect(cidrHosts(parseCidr('127.0.0.4/31'))).toEqual(['127.0.0.4', '127.0.0.5']);
    for (const bad of ['10.0.0.0/33', '300.1.1.1/24', 'x/24', '10.0.0.0/2a']) {
      expect(() => parseCidr(bad)).toThrow(/CIDR/);
    }
  });

  it('classifies loopback and private ranges', () => {
    expect([isLoopback('127.42.0.20'), isLoopback('::1'), isLoopback('128.0.0.1')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(
      ['10.1.2.3', '172.16.0.1', '172.31.255.1', '192.168.0.1', '169.254.1.1'].every(isPrivateIpv4),
    ).toBe(true);
    expect(['172.32.0.1', '8.8.8.8', '192.169.0.1'].some(isPrivateIpv4)).toBe(false);
  });

  it('parses HOST[:PORT]', () => {
    expect(parseHostPort('127.0.0.1', 631)).toEqual({ host: '127.0.0.1', port: 631 });
    expect(parseHostPort('drucker.praxis:8631', 631)).toEqual({ host: 'drucker.praxis', port: 8631 });
    expect(parseHostPort('[::1]:631', 1)).toEqual({ host: '::1', port: 631 });
    expect(() => parseHostPort('a:99999', 631)).toThrow(/HOST/);
  });
});

describe('scan target policy', () => {
  it('loopback policy allows only 127.0.0.0/8', () => {
    expect(checkScanTarget('127.77.1.0/24', 'loopback').size).toBe(256);
    expect(() => checkScanTarget('192.168.1.0/24', 'loopback')).toThrow(/Loopback mode/);
  });

  it('any policy allows private LANs, never public networks', () => {
    expect(checkScanTarget('192.168.1.0/24', 'any').size).toBe(256);
    expect(() => checkScanTarget('8.8.8.0/24', 'any')).toThrow(/not a private network/);
    expect(() => checkScanTarget('172.31.255.0/23', 'any')).not.toThrow();
  });

  it('caps the size at a /22', () => {
    expect(checkScanTarget('10.0.0.0/22', 'any').size).toBe(1024);
    expect(() => checkScanTarget('10.0.0.0/21', 'any')).toThrow(/at most 1024/);
  });
});

describe('scanSubnet (injected connect)', () => {
  it('tries every host × port once, bounded in concurrency, and reports open ports', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const tried: string[] = [];
    const open = new Set(['127.9.0.3:443', '127.9.0.3:23174', '127.9.0.9:631']);
    const result = await scanSubnet({
      cidr: '127.9.0.0/28',
      ports: [631, 443, 23174, 443],
      policy: 'loopback',
      concurrency: 5,
      ratePerSecond: 100_000,
      connect: async (host, port) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        tried.push(`${host}:${port}`);
        await new Promise((r) => setTimeout(r, 1));
        inFlight--;
        return open.has(`${host}:${port}`) ? 'open' : 'closed';
      },
    });
    expect(tried).toHaveLength(14 * 3);
    expect(new Set(tried).size).toBe(tried.length);
    expect(maxInFlight).toBeLessThanOrEqual(5);
    expect(result.ports).toEqual([443, 631, 23174]);
    expect(result.hosts).toEqual([
      { address: '127.9.0.3', openPorts: [443, 23174] },
      { address: '127.9.0.9', openPorts: [631] },
    ]);
  });

  it('host discovery: a host whose discovery ports both time out is not scanned further', async () => {
    const tried: string[] = [];
    const result = await scanSubnet({
      cidr: '127.9.0.0/30',
      ports: [80, 443, 631, 23174],
      policy: 'loopback',
      connect: (host, port) => {
        tried.push(`${host}:${port}`);
        // .1 is empty (everything times out), .2 answers with RST on 80/443 and is open on 631.
        return Promise.resolve(host === '127.9.0.1' ? 'filtered' : port === 631 ? 'open' : 'closed');
      },
    });
    expect(tried.filter((t) => t.startsWith('127.9.0.1:')).sort()).toEqual(['127.9.0.1:443', '127.9.0.1:80']);
    expect(tried.filter((t) => t.startsWith('127.9.0.2:'))).toHaveLength(4);
    expect(result.hosts).toEqual([{ address: '127.9.0.2', openPorts: [631] }]);
    const all = await scanSubnet({
      cidr: '127.9.0.1/32',
      ports: [80, 631],
      policy: 'loopback',
      skipHostDiscovery: true,
      connect: () => Promise.resolve('filtered'),
    });
    expect(all.hosts).toEqual([]);
  });

  it('keeps to the start rate', async () => {
    const t = performance.now();
    await scanSubnet({
      cidr: '127.9.0.1/32',
      ports: Array.from({ length: 21 }, (_, i) => 1000 + i),
      policy: 'loopback',
      ratePerSecond: 200,
      connect: () => Promise.resolve('closed'),
    });
    // 21 connects at 200/s: the last may start 100 ms after the first.
    expect(performance.now() - t).toBeGreaterThanOrEqual(95);
  });

  it('refuses before sending anything', async () => {
    let calls = 0;
    await expect(
      scanSubnet({
        cidr: '10.0.0.0/24',
        ports: [80],
        policy: 'loopback',
        connect: () => Promise.resolve(calls++ > -1 ? 'open' : 'closed'),
      }),
    ).rejects.toThrow(/Loopback/);
    expect(calls).toBe(0);
  });
});
