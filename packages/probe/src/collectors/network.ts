import { readFile, readdir } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import si from 'systeminformation';
import type { FactsDocument } from '@praxisready/model';
import { ALL_PLATFORMS, defineCollector } from '../collector.ts';
import { assertAllowed } from '../net/tcp.ts';
import {
  parseDhclientLeases,
  parseResolvConf,
  parseWindowsNetwork,
  WINDOWS_NETWORK_SCRIPT,
} from '../windows/network.ts';

type NetworkFacts = NonNullable<FactsDocument['network']>;

export const networkCollector = defineCollector({
  id: 'network.config',
  title: 'Netzwerk: Adressen, Gateway, DNS, DHCP',
  fills: ['network.gateway', 'network.dnsServers', 'network.dhcpServer'],
  platforms: ALL_PLATFORMS,
  timeoutMs: 8000,
  why: 'The IP plan, DHCP and DNS servers are part of the network section; the TI-Gateway migration asks who runs DHCP.',
  async collect(ctx) {
    if (ctx.platform === 'win32') {
      const n = parseWindowsNetwork(await ctx.powershell(WINDOWS_NETWORK_SCRIPT));
      const network: NetworkFacts = { ...n };
      return { status: 'ok', message: line(network), facts: { network } };
    }
    const interfaces = Object.entries(networkInterfaces()).map(([name, addrs]) => ({
      name,
      addresses: (addrs ?? []).map((a) => a.address),
      ...(addrs?.[0]?.mac && addrs[0].mac !== '00:00:00:00:00:00' ? { mac: addrs[0].mac } : {}),
      internal: (addrs ?? []).every((a) => a.internal),
    }));
    const gateway = await si.networkGatewayDefault().catch(() => '');
    const dnsServers = parseResolvConf(await readFile('/etc/resolv.conf', 'utf8').catch(() => ''));
    const dhcpServer = ctx.platform === 'linux' ? await linuxDhcpServer() : undefined;
    const network: NetworkFacts = {
      interfaces,
      ...(gateway ? { gateway } : {}),
      dnsServers,
      ...(dhcpServer ? { dhcpServer } : {}),
    };
    return {
      status: dhcpServer ? 'ok' : 'partial',
      message: `${line(network)}${dhcpServer ? '' : '; DHCP-Server nicht ermittelbar (keine dhclient-Lease)'}`,
      facts: { network },
    };
  },
});

async function linuxDhcpServer(): Promise<string | undefined> {
  for (const dir of ['/var/lib/dhcp', '/var/lib/dhclient', '/var/lib/NetworkManager']) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => /\.lease/.test(n))) {
      const server = parseDhclientLeases(await readFile(`${dir}/${name}`, 'utf8').catch(() => ''));
      if (server) {
        return server;
      }
    }
  }
  return undefined;
}

function line(n: NetworkFacts): string {
  const addrs = n.interfaces
    .filter((i) => !i.internal)
    .flatMap((i) => i.addresses.filter((a) => a.includes('.')));
  return `IP ${addrs.join(', ') || '–'}, Gateway ${n.gateway ?? '–'}, DNS ${n.dnsServers?.join(', ') || '–'}, DHCP ${n.dhcpServer ?? '–'}`;
}

/** Default internet target: a TCP connect to the gematik website (a site every TI practice must reach anyway). */
export const DEFAULT_INTERNET_TARGET = { host: 'www.gematik.de', port: 443 } as const;

export const internetCollector = defineCollector({
  id: 'network.internet',
  title: 'Internet erreichbar',
  fills: ['network.internetReachable'],
  platforms: ALL_PLATFORMS,
  timeoutMs: 6000,
  why: 'Doctolib, KIM, updates and remote support need the internet; seed 000 quick checks start here.',
  async collect(ctx) {
    if (ctx.options.internet === false) {
      return { status: 'skipped', message: 'per --no-internet abgeschaltet' };
    }
    const target = ctx.options.internetTarget ?? DEFAULT_INTERNET_TARGET;
    if (ctx.policy === 'loopback' && !ctx.options.internetTarget) {
      return { status: 'skipped', message: 'Loopback-Modus: kein Kontakt ins Internet' };
    }
    const state = await ctx.tcp(target.host, target.port, 4000).catch(() => 'filtered' as const);
    const internetReachable = state === 'open';
    return {
      status: 'ok',
      message: `${target.host}:${target.port} ${internetReachable ? 'erreichbar' : 'nicht erreichbar'}`,
      facts: { network: { internetReachable } },
    };
  },
});

/** Largest download the bandwidth test reads, and its time bound: enough for a stable figure on DSL/fibre. */
const BANDWIDTH_MAX_BYTES = 50 * 1024 * 1024;
const BANDWIDTH_MAX_MS = 8000;

/** Mbit/s from bytes and milliseconds, one decimal. */
export function mbitPerSecond(bytes: number, ms: number): number {
  return ms <= 0 ? 0 : Math.round(((bytes * 8) / (ms / 1000) / 1e6) * 10) / 10;
}

export const bandwidthCollector = defineCollector({
  id: 'network.bandwidth',
  title: 'Bandbreite (Download, nur mit --bandwidth-url)',
  fills: ['network.internetDownMbit'],
  platforms: ALL_PLATFORMS,
  timeoutMs: 12_000,
  why: 'Doctolib, KIM attachments, ePA and remote support need enough bandwidth; the practice rarely knows its figure.',
  async collect(ctx) {
    const url = ctx.options.bandwidthUrl;
    if (!url) {
      return { status: 'skipped', message: 'keine --bandwidth-url angegeben (optionaler Test)' };
    }
    const u = new URL(url);
    assertAllowed(ctx.policy, ctx.options.hosts?.[u.hostname] ?? u.hostname.replace(/^\[|\]$/g, ''));
    const started = performance.now();
    const res = await fetch(u, { signal: ctx.signal });
    if (!res.ok || !res.body) {
      return { status: 'failed', message: `HTTP ${res.status} von ${u.origin}` };
    }
    let bytes = 0;
    const reader = res.body.getReader();
    while (bytes < BANDWIDTH_MAX_BYTES && performance.now() - started < BANDWIDTH_MAX_MS) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      bytes += value.byteLength;
    }
    await reader.cancel().catch(() => undefined);
    const internetDownMbit = mbitPerSecond(bytes, performance.now() - started);
    return {
      status: 'ok',
      message: `${internetDownMbit} Mbit/s (${Math.round(bytes / 1024)} KiB von ${u.host})`,
      facts: { network: { internetDownMbit } },
    };
  },
});
