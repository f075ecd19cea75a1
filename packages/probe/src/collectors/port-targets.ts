import { PORT_LIST } from '@praxisready/rules';

/** Role of a named host in the practice, as written into `ports[].role`. */
export type HostRole = 'pvs_server' | 'kim' | 'konnektor' | 'card_terminal' | 'printer';

export interface PortTarget {
  host: string;
  port: number;
  role: HostRole;
  /** "Anwendung/Service" of the port-list row (or what else the port is for). */
  service: string;
}

/** SQL Server default instance port; seed 004 lists 1433 for x.isynet and 1434 for x.concept/x.comfort. */
const SQL_DEFAULT_PORT = { port: 1433, service: 'SQL-Server (Standardinstanz)' } as const;

function expand(spec: number | readonly [number, number]): number[] {
  if (typeof spec === 'number') {
    return [spec];
  }
  const [from, to] = spec;
  // Long ranges in the list are UDP only; cap anyway so a catalog edit cannot make the probe scan thousands.
  return Array.from({ length: Math.min(to - from + 1, 32) }, (_, i) => from + i);
}

/**
 * The TCP ports a host in the practice accepts according to seed 004's port list: rows with protocol TCP,
 * direction "in" and an intranet destination, for the given PVS product (all products when unknown). The rows
 * "TI - KIM" belong to the KIM client module, the rest to the PVS server.
 */
export function portListPorts(
  role: 'pvs_server' | 'kim',
  product?: string,
): { port: number; service: string }[] {
  const out: { port: number; service: string }[] = role === 'pvs_server' ? [SQL_DEFAULT_PORT] : [];
  for (const row of PORT_LIST) {
    const products: readonly string[] = row.products;
    if (row.protocol !== 'TCP' || !row.direction.in || !row.internal) {
      continue;
    }
    if (product && !products.includes(product)) {
      continue;
    }
    if (row.application.startsWith('TI - KIM') !== (role === 'kim')) {
      continue;
    }
    for (const port of row.ports.flatMap((spec) => expand(spec))) {
      if (!out.some((p) => p.port === port)) {
        out.push({ port, service: row.application });
      }
    }
  }
  return out.sort((a, b) => a.port - b.port);
}

/** Every TCP port of the port list with an intranet destination: what `--scan` tries on each address. */
export function scanPorts(): number[] {
  const ports = new Set<number>([SQL_DEFAULT_PORT.port, 443, 631, 4742, 8500]);
  for (const row of PORT_LIST) {
    if (row.protocol === 'TCP' && row.internal) {
      row.ports.flatMap((spec) => expand(spec)).forEach((p) => ports.add(p));
    }
  }
  return [...ports].sort((a, b) => a - b);
}

/** The Konnektor's ports: the SOAP/SDS port of its URL and the management web UI (port list row, 8500). */
export function konnektorPorts(url: string): { host: string; ports: { port: number; service: string }[] } {
  const u = new URL(url);
  const port = u.port ? Number(u.port) : u.protocol === 'http:' ? 80 : 443;
  const ports = [{ port, service: 'Konnektor (connector.sds, SOAP)' }];
  if (port !== 8500) {
    ports.push({ port: 8500, service: 'Konnektor - Weboberfläche' });
  }
  return { host: u.hostname.replace(/^\[|\]$/g, ''), ports };
}
