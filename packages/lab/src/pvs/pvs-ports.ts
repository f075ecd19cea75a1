// The rules package has no index yet: import the catalog file directly until it exports PORT_LIST.
import { PORT_LIST, type PortListProduct, type PortSpec } from '../../../rules/src/catalogs/ports.ts';

/** A TCP port the simulated PVS server or KIM client module listens on, traced to its port-list row. */
export interface PvsPort {
  /** Nominal port from the seed's port list. */
  port: number;
  /** "Anwendung/Service" of the row. */
  application: string;
  /** Which simulated machine listens: the PVS server, or the KIM client module. */
  host: 'pvs-server' | 'kim';
  /** Row index in PORT_LIST; null for the SQL Server default instance port, which the lab adds. */
  catalogRow: number | null;
}

/**
 * SQL Server's default instance listens on 1433. Seed 004 lists TCP 1433 for x.isynet and TCP 1434 for
 * x.comfort/x.concept; the lab's x.concept server runs a default instance, so it has both.
 */
const SQL_DEFAULT_INSTANCE: PvsPort = {
  port: 1433,
  application: 'SQL-Server',
  host: 'pvs-server',
  catalogRow: null,
};

function expand(spec: PortSpec): number[] {
  if (typeof spec === 'number') {
    return [spec];
  }
  // Ranges in the list are short (9350–9354, 50300–50305) except the UDP ones, which the lab does not serve.
  const [from, to] = spec;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * The TCP ports a practice running `product` has open inside the practice network: the rows of seed 004's port
 * list for that product with protocol TCP, direction "in" and destination inside the practice ("int"). The rows
 * "TI - KIM" go to the KIM client module, everything else to the PVS server.
 */
export function pvsListeningPorts(product: PortListProduct): PvsPort[] {
  const out: PvsPort[] = [SQL_DEFAULT_INSTANCE];
  PORT_LIST.forEach((row, index) => {
    const products: readonly string[] = row.products;
    if (row.protocol !== 'TCP' || !row.direction.in || !row.internal || !products.includes(product)) {
      return;
    }
    const host = row.application.startsWith('TI - KIM') ? 'kim' : 'pvs-server';
    for (const spec of row.ports) {
      for (const port of expand(spec)) {
        if (!out.some((p) => p.port === port && p.host === host)) {
          out.push({ port, application: row.application, host, catalogRow: index });
        }
      }
    }
  });
  return out;
}
