import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, type ScanFacts } from '@praxisready/model';
import { cidrHosts, isLoopback, isPrivateIpv4, parseCidr } from './address.ts';
import { tcpConnect, type NetworkPolicy, type TcpState } from './tcp.ts';

/** Largest subnet `--scan` accepts: a /22 (1024 addresses), more than any practice LAN needs. */
export const SCAN_MAX_ADDRESSES = 1024;

export interface ScanOptions {
  cidr: string;
  ports: readonly number[];
  policy: NetworkPolicy;
  /** Connects in flight at once. */
  concurrency?: number;
  /** Connects started per second at most. */
  ratePerSecond?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * Skip host discovery (nmap -Pn). By default a host counts as down when the discovery ports (80, 443) both time
   * out, and none of its other ports are tried: on a real LAN most addresses are empty and would each cost a
   * timeout per port.
   */
  skipHostDiscovery?: boolean;
  /**
   * Worker threads sharing the scan (hosts split evenly; concurrency and rate divided among them). Node needs
   * about one core per ~9 k connects/s; default min(2, cores). Ignored when `connect` is injected.
   */
  threads?: number;
  /** Injected for tests; defaults to a real TCP connect. */
  connect?: (host: string, port: number, timeoutMs: number) => Promise<TcpState>;
}

/** Ports tried first to tell live hosts from empty addresses (what nmap -sT uses without privileges). */
export const DISCOVERY_PORTS: readonly number[] = [80, 443];

export const SCAN_DEFAULTS = { concurrency: 256, ratePerSecond: 40_000, timeoutMs: 800 } as const;

/**
 * Checks a `--scan` target before anything is sent: loopback is always allowed; private LAN ranges (RFC 1918,
 * link-local) only when the policy is `any`; public addresses never, so a typo cannot scan the internet.
 */
export function checkScanTarget(cidrText: string, policy: NetworkPolicy) {
  const cidr = parseCidr(cidrText);
  if (cidr.size > SCAN_MAX_ADDRESSES) {
    throw new AppError(
      'BAD_REQUEST',
      `Subnet ${cidr.text} has ${cidr.size} addresses; at most ${SCAN_MAX_ADDRESSES} (/22)`,
      {
        hint: 'Bitte ein kleineres Netz angeben, z. B. das Praxis-LAN als /24.',
      },
    );
  }
  const first = cidrHosts(cidr)[0] ?? '';
  const last = cidrHosts(cidr).at(-1) ?? '';
  const loopback = isLoopback(first) && isLoopback(last);
  if (policy === 'loopback' && !loopback) {
    throw new AppError('FORBIDDEN', `Loopback mode: refusing to scan ${cidr.text}`, {
      hint: 'Tests und Benchmarks scannen nur 127.0.0.0/8.',
    });
  }
  if (!loopback && !(isPrivateIpv4(first) && isPrivateIpv4(last))) {
    throw new AppError(
      'FORBIDDEN',
      `${cidr.text} is not a private network; the probe scans only practice LANs`,
      {
        hint: 'Erlaubt sind 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16 und 127.0.0.0/8.',
      },
    );
  }
  return cidr;
}

/**
 * TCP connect scan of a subnet over a port list, with a hard size cap, bounded concurrency and a start rate.
 * Read-only: each connect is opened and closed without sending a byte.
 */
export async function scanSubnet(options: ScanOptions): Promise<ScanFacts> {
  const cidr = checkScanTarget(options.cidr, options.policy);
  const concurrency = options.concurrency ?? SCAN_DEFAULTS.concurrency;
  const rate = options.ratePerSecond ?? SCAN_DEFAULTS.ratePerSecond;
  const timeoutMs = options.timeoutMs ?? SCAN_DEFAULTS.timeoutMs;
  const connect = options.connect ?? tcpConnect;
  const allHosts = cidrHosts(cidr);
  const ports = [...new Set(options.ports)].sort((a, b) => a - b);
  const started = performance.now();
  const threads = Math.max(
    1,
    Math.min(options.threads ?? Math.min(2, availableParallelism()), allHosts.length),
  );
  if (!options.connect && threads > 1) {
    return scanInWorkers({
      cidr: cidr.text,
      allHosts,
      ports,
      threads,
      concurrency,
      rate,
      timeoutMs,
      started,
      options,
    });
  }
  const open = new Map<string, number[]>();
  let startedConnects = 0;
  // Runs `total` connects over the worker pool; the i-th connect may start no earlier than started + n / rate.
  const pool = async (
    total: number,
    at: (i: number) => [string, number],
    onState: (host: string, port: number, s: TcpState) => void,
  ) => {
    let next = 0;
    const worker = async () => {
      while (next < total && !options.signal?.aborted) {
        const i = next++;
        const due = started + (startedConnects++ * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 1) {
          await new Promise((r) => setTimeout(r, wait));
        }
        const [host, port] = at(i);
        onState(host, port, await connect(host, port, timeoutMs));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  };
  const record = (host: string, port: number, state: TcpState) => {
    if (state === 'open') {
      const list = open.get(host) ?? [];
      list.push(port);
      open.set(host, list);
    }
  };
  let hosts = allHosts;
  let remaining = ports;
  if (!options.skipHostDiscovery) {
    const discovery = DISCOVERY_PORTS.filter((p) => ports.includes(p));
    const up = new Set<string>();
    await pool(
      allHosts.length * discovery.length,
      (i) => [allHosts[Math.floor(i / discovery.length)] ?? '', discovery[i % discovery.length] ?? 0],
      (h, p, s) => {
        record(h, p, s);
        if (s !== 'filtered') {
          up.add(h);
        }
      },
    );
    hosts = discovery.length > 0 ? allHosts.filter((h) => up.has(h)) : allHosts;
    remaining = ports.filter((p) => !discovery.includes(p));
  }
  await pool(
    hosts.length * remaining.length,
    (i) => [hosts[Math.floor(i / remaining.length)] ?? '', remaining[i % remaining.length] ?? 0],
    record,
  );
  return {
    cidr: cidr.text,
    hostsScanned: allHosts.length,
    ports,
    durationMs: Math.round(performance.now() - started),
    hosts: allHosts
      .filter((h) => open.has(h))
      .map((address) => ({ address, openPorts: (open.get(address) ?? []).sort((a, b) => a - b) })),
  };
}

/** Runs the scan in worker threads (scan-worker.mjs), one contiguous slice of hosts each, and merges the result. */
async function scanInWorkers(a: {
  cidr: string;
  allHosts: string[];
  ports: number[];
  threads: number;
  concurrency: number;
  rate: number;
  timeoutMs: number;
  started: number;
  options: ScanOptions;
}): Promise<ScanFacts> {
  const discovery = a.options.skipHostDiscovery ? [] : DISCOVERY_PORTS.filter((p) => a.ports.includes(p));
  const size = Math.ceil(a.allHosts.length / a.threads);
  const workers: Worker[] = [];
  const abort = () => workers.forEach((w) => void w.terminate());
  a.options.signal?.addEventListener('abort', abort, { once: true });
  try {
    const parts = await Promise.all(
      Array.from({ length: a.threads }, (_, k) => {
        const worker = new Worker(new URL('./scan-worker.mjs', import.meta.url), {
          workerData: {
            hosts: a.allHosts.slice(k * size, (k + 1) * size),
            ports: a.ports,
            discovery,
            concurrency: Math.max(1, Math.floor(a.concurrency / a.threads)),
            rate: a.rate / a.threads,
            timeoutMs: a.timeoutMs,
          },
        });
        workers.push(worker);
        return new Promise<Record<string, number[]>>((resolve, reject) => {
          worker.once('message', (m: Record<string, number[]>) => resolve(m));
          worker.once('error', reject);
          worker.once('exit', () => resolve({}));
        });
      }),
    );
    const open = Object.assign({}, ...parts) as Record<string, number[]>;
    return {
      cidr: a.cidr,
      hostsScanned: a.allHosts.length,
      ports: a.ports,
      durationMs: Math.round(performance.now() - a.started),
      hosts: a.allHosts
        .filter((h) => open[h] !== undefined)
        .map((address) => ({ address, openPorts: [...(open[address] ?? [])].sort((x, y) => x - y) })),
    };
  } finally {
    a.options.signal?.removeEventListener('abort', abort);
  }
}
