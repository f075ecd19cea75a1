import type { PortCheck } from '@praxisready/model';
import { defineCollector, ALL_PLATFORMS } from '../collector.ts';
import { mapLimit } from '../net/tcp.ts';
import { scanSubnet } from '../net/scan.ts';
import { konnektorPorts, portListPorts, scanPorts, type PortTarget } from './port-targets.ts';

/** All named targets of this run: PVS server, KIM, Konnektor (card terminals and printers have their own). */
export function namedPortTargets(options: {
  pvsServer?: string;
  pvsProduct?: string;
  kimHosts?: string[];
  konnektor?: { url: string };
}): PortTarget[] {
  const targets: PortTarget[] = [];
  if (options.pvsServer) {
    for (const p of portListPorts('pvs_server', options.pvsProduct)) {
      targets.push({ host: options.pvsServer, port: p.port, role: 'pvs_server', service: p.service });
    }
  }
  for (const kim of options.kimHosts ?? []) {
    for (const p of portListPorts('kim', options.pvsProduct)) {
      targets.push({ host: kim, port: p.port, role: 'kim', service: p.service });
    }
  }
  if (options.konnektor) {
    const k = konnektorPorts(options.konnektor.url);
    for (const p of k.ports) {
      targets.push({ host: k.host, port: p.port, role: 'konnektor', service: p.service });
    }
  }
  return targets;
}

export const portsCollector = defineCollector({
  id: 'network.ports',
  title: 'Ports der Portliste (PVS-Server, KIM, Konnektor)',
  fills: ['network.portChecks'],
  platforms: ALL_PLATFORMS,
  timeoutMs: 15_000,
  why: 'Seed 004 port list: a blocked SQL, Service-Provider or KIM port breaks the PVS; 8500 is the Konnektor admin UI.',
  async collect(ctx) {
    const targets = namedPortTargets(ctx.options);
    if (targets.length === 0) {
      return { status: 'skipped', message: 'kein Ziel angegeben (--pvs-server, --kim, --konnektor)' };
    }
    const ports: PortCheck[] = await mapLimit(targets, 64, async (t) => ({
      host: t.host,
      port: t.port,
      protocol: 'tcp' as const,
      state: await ctx.tcp(t.host, t.port, 1500).catch(() => 'unknown' as const),
      role: t.role,
    }));
    const open = ports.filter((p) => p.state === 'open').length;
    const blocked = ports.filter((p) => p.state !== 'open').map((p) => `${p.host}:${p.port}`);
    return {
      status: 'ok',
      message: `${open}/${ports.length} offen${blocked.length > 0 ? `; nicht offen: ${blocked.slice(0, 8).join(', ')}${blocked.length > 8 ? ' …' : ''}` : ''}`,
      facts: { ports },
    };
  },
});

export const scanCollector = defineCollector({
  id: 'network.scan',
  title: 'Subnetz-Scan (nur mit --scan)',
  fills: ['facts.scan (no sheet field yet)'],
  platforms: ALL_PLATFORMS,
  timeoutMs: 60_000,
  why: 'Finds PVS servers, Konnektoren, printers and card terminals nobody listed; never runs without an explicit --scan.',
  async collect(ctx) {
    const scan = ctx.options.scan;
    if (!scan) {
      return {
        status: 'skipped',
        message: 'kein --scan angegeben (Subnetz-Scan nur auf ausdrücklichen Wunsch)',
      };
    }
    const result = await scanSubnet({
      cidr: scan.cidr,
      ports: scanPorts(),
      policy: ctx.policy,
      signal: ctx.signal,
      ...(scan.ratePerSecond ? { ratePerSecond: scan.ratePerSecond } : {}),
      ...(scan.concurrency ? { concurrency: scan.concurrency } : {}),
    });
    return {
      status: ctx.signal.aborted ? 'partial' : 'ok',
      message: `${result.cidr}: ${result.hosts.length} von ${result.hostsScanned} Adressen mit offenen Ports (${result.ports.length} Ports je Adresse, ${result.durationMs} ms)`,
      facts: { scan: result },
    };
  },
});
