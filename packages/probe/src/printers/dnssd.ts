import { Bonjour } from 'bonjour-service';

/** A printer announced by DNS-SD. */
export interface DnssdPrinter {
  name: string;
  host: string;
  port: number;
  /** `rp` TXT key: the resource path (`ipp/print`). */
  resourcePath: string;
  secure: boolean;
  addresses: string[];
}

/**
 * Browses `_ipp._tcp` and `_ipps._tcp` for `timeoutMs`. This sends mDNS multicast queries: the probe only does it
 * when DNS-SD is on, and tests only inside a network namespace they created.
 */
export async function browseIppPrinters(timeoutMs: number): Promise<DnssdPrinter[]> {
  const bonjour = new Bonjour();
  const found = new Map<string, DnssdPrinter>();
  try {
    for (const type of ['ipp', 'ipps'] as const) {
      bonjour.find({ type, protocol: 'tcp' }, (s) => {
        const txt = (s.txt ?? {}) as Record<string, unknown>;
        const addresses = (s.addresses ?? []).filter((a) => a.includes('.'));
        const printer: DnssdPrinter = {
          name: s.name,
          host: addresses[0] ?? s.host,
          port: s.port,
          resourcePath: typeof txt.rp === 'string' ? txt.rp : 'ipp/print',
          secure: type === 'ipps',
          addresses,
        };
        // One printer usually announces both; keep the plain IPP entry (same attributes, no TLS needed).
        const key = `${printer.host}:${printer.name}`;
        if (!found.has(key) || (found.get(key)?.secure && !printer.secure)) {
          found.set(key, printer);
        }
      });
    }
    await new Promise((r) => setTimeout(r, timeoutMs));
  } finally {
    await new Promise<void>((r) => bonjour.destroy(() => r()));
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
