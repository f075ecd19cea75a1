import { isIP } from 'node:net';
import { AppError } from '@praxisready/model';

/** IPv4 dotted quad → 32-bit unsigned integer; null when not an IPv4 address. */
export function ipv4ToInt(address: string): number | null {
  if (isIP(address) !== 4) {
    return null;
  }
  return address.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** 32-bit unsigned integer → dotted quad. */
export function intToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** True for 127.0.0.0/8 and ::1: the only addresses tests and benchmarks may talk to. */
export function isLoopback(address: string): boolean {
  if (address === '::1' || address === 'localhost') {
    return true;
  }
  const n = ipv4ToInt(address);
  return n !== null && Math.floor(n / 2 ** 24) === 127;
}

/** RFC 1918 private ranges, link-local 169.254/16 and loopback: the addresses of a practice LAN. */
export function isPrivateIpv4(address: string): boolean {
  const n = ipv4ToInt(address);
  if (n === null) {
    return false;
  }
  const a = Math.floor(n / 2 ** 24);
  const b = Math.floor(n / 2 ** 16) % 256;
  return (
    a === 10 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254)
  );
}

export interface Cidr {
  /** Normalised `a.b.c.d/len` (network address). */
  text: string;
  network: number;
  prefix: number;
  size: number;
}

/** Parses `a.b.c.d/len` (a bare address counts as /32). Throws BAD_REQUEST with a German hint. */
export function parseCidr(text: string): Cidr {
  const [addr = '', lenText] = text.trim().split('/');
  const base = ipv4ToInt(addr);
  const prefix = lenText === undefined ? 32 : Number(lenText);
  if (
    base === null ||
    !Number.isInteger(prefix) ||
    prefix < 0 ||
    prefix > 32 ||
    (lenText !== undefined && !/^\d+$/.test(lenText))
  ) {
    throw new AppError('BAD_REQUEST', `Not an IPv4 CIDR: ${text}`, {
      hint: 'Erwartet wird z. B. 192.168.10.0/24.',
    });
  }
  const size = 2 ** (32 - prefix);
  const network = base - (base % size);
  return { text: `${intToIpv4(network)}/${prefix}`, network, prefix, size };
}

/**
 * The host addresses of a CIDR in order. For /31 and /32 every address; otherwise without the network and
 * broadcast address (nothing answers there, and some routers log a connect to them as an attack).
 */
export function cidrHosts(cidr: Cidr): string[] {
  const out: string[] = [];
  const first = cidr.size <= 2 ? cidr.network : cidr.network + 1;
  const last = cidr.size <= 2 ? cidr.network + cidr.size - 1 : cidr.network + cidr.size - 2;
  for (let n = first; n <= last; n++) {
    out.push(intToIpv4(n));
  }
  return out;
}

/** Splits `host[:port]` (IPv6 in brackets) with a default port. */
export function parseHostPort(text: string, defaultPort: number): { host: string; port: number } {
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracket) {
    return { host: bracket[1] ?? '', port: bracket[2] ? Number(bracket[2]) : defaultPort };
  }
  const m = /^([^:]+)(?::(\d+))?$/.exec(text.trim());
  const port = m?.[2] ? Number(m[2]) : defaultPort;
  if (!m || port < 1 || port > 65535) {
    throw new AppError('BAD_REQUEST', `Not HOST[:PORT]: ${text}`, {
      hint: 'Erwartet wird z. B. 192.168.10.50:631.',
    });
  }
  return { host: m[1] ?? '', port };
}
