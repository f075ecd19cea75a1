import { availableParallelism, cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, type ScanFacts } from '@praxisready/model';
import { cidrHosts, isLoopback, isPrivateIpv4, parseCidr } from './address.ts';
import { runScan, T4_TIMING, type Dial, type EngineOptions, type ScanTiming } from './scan-engine.mjs';
import { type NetworkPolicy, type TcpState } from './tcp.ts';

/** Largest subnet `--scan` accepts: a /22 (1024 addresses), more than any practice LAN needs. */
export const SCAN_MAX_ADDRESSES = 1024;

export interface ScanOptions {
  cidr: string;
  ports: readonly number[];
  policy: NetworkPolicy;
  /** Connects in flight at once (all threads together); at most SCAN_MAX_CONCURRENCY. */
  concurrency?: number;
  /** Connects started per second at most (all threads together). */
  ratePerSecond?: number;
  /** Initial connect timeout (before a host has answered) and the timeout of the discovery probes. */
  timeoutMs?: number;
  /** Floor of the RTT-adapted timeout. */
  minTimeoutMs?: number;
  signal?: AbortSignal;
  /**
   * Skip host discovery (nmap -Pn). By default a host counts as down when the discovery ports (80, 443) both time
   * out, and none of its other ports are tried: on a real LAN most addresses are empty and would each cost a
   * timeout per port.
   */
  skipHostDiscovery?: boolean;
  /**
   * Threads sharing the scan: the calling thread plus threads − 1 workers started at once, each taking the next host
   * from a shared counter; at most SCAN_MAX_THREADS. Default (undefined): the calling thread alone, plus one worker
   * if a core stood idle during the first SCAN_WORKER_PROBE_MS of the scan (two or more cores, at least
   * SCAN_WORKER_MIN_CONNECTS connects). Ignored when `connect` is injected.
   */
  threads?: number;
  /** Called when a worker thread is started (for benchmarks and tests). */
  onWorkerStart?: () => void;
  /** Injected for tests; defaults to a real TCP connect. */
  connect?: (host: string, port: number, timeoutMs: number) => Promise<TcpState>;
}

/** Ports tried first to tell live hosts from empty addresses (what nmap -sT uses without privileges). */
export const DISCOVERY_PORTS: readonly number[] = [80, 443];

/** Hard cap on connects in flight, whatever `--scan` options say. */
export const SCAN_MAX_CONCURRENCY = 1024;

/** Below this many connects a worker thread costs more to start than it saves. */
export const SCAN_WORKER_MIN_CONNECTS = 4000;

/** Threads at most (calling thread plus workers). */
export const SCAN_MAX_THREADS = 4;

/** How long the scan runs on one thread before it decides whether a worker would find an idle core. */
export const SCAN_WORKER_PROBE_MS = 30;

/** Idle CPU (in cores, over the first SCAN_WORKER_PROBE_MS) needed to start a worker. */
export const SCAN_WORKER_IDLE_CORES = 0.5;

/**
 * Whether a worker pays, decided after SCAN_WORKER_PROBE_MS: enough CPU stood idle (in cores, over that time) and
 * enough connects are left for the worker's start-up (~20–40 ms) to be won back.
 */
export function workerPays(idleCores: number, connectsLeft: number): boolean {
  return idleCores >= SCAN_WORKER_IDLE_CORES && connectsLeft >= SCAN_WORKER_MIN_CONNECTS / 2;
}

/** Idle time of all CPUs so far, in ms (os.cpus(): /proc/stat on Linux, the same counters on Windows and macOS). */
function idleCpuMs() {
  return cpus().reduce((sum, c) => sum + c.times.idle, 0);
}

/**
 * Defaults. Rate: 40 000 connects/s into a LAN (about 24 Mbit/s of SYNs); on loopback, where nothing leaves the
 * machine, 500 000/s so the concurrency cap is what bounds it. Timeouts: nmap -T4's initial 500 ms, adapted to
 * the measured RTT (srtt + 4·rttvar) with a 100 ms floor and a 1250 ms ceiling.
 */
export const SCAN_DEFAULTS = {
  concurrency: 512,
  ratePerSecond: 40_000,
  loopbackRatePerSecond: 500_000,
  timeoutMs: T4_TIMING.initialMs,
  minTimeoutMs: T4_TIMING.minMs,
  maxTimeoutMs: T4_TIMING.maxMs,
} as const;

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
  const started = performance.now();
  const hosts = cidrHosts(cidr);
  const loopback = hosts.every(isLoopback);
  const ports = [...new Set(options.ports)].sort((a, b) => a - b);
  const discovery = options.skipHostDiscovery ? [] : DISCOVERY_PORTS.filter((p) => ports.includes(p));
  const concurrency = Math.min(SCAN_MAX_CONCURRENCY, options.concurrency ?? SCAN_DEFAULTS.concurrency);
  const rate =
    options.ratePerSecond ?? (loopback ? SCAN_DEFAULTS.loopbackRatePerSecond : SCAN_DEFAULTS.ratePerSecond);
  const initialMs = options.timeoutMs ?? SCAN_DEFAULTS.timeoutMs;
  const timing: ScanTiming = {
    initialMs,
    minMs: Math.min(initialMs, options.minTimeoutMs ?? SCAN_DEFAULTS.minTimeoutMs),
    maxMs: Math.max(initialMs, SCAN_DEFAULTS.maxTimeoutMs),
  };
  const connect = options.connect;
  const dial: Dial | undefined = connect
    ? (host, port, timeoutMs, done) => {
        connect(host, port, timeoutMs).then(done, () => done('filtered'));
        return () => undefined;
      }
    : undefined;
  // Nearly all of a loopback scan's time is kernel work per connect (on Linux ~0.7 of nmap's CPU per connect with
  // the reused handles, else about nmap's). A second thread only pays when a core is idle: under contention both
  // threads share the CPU our process would get anyway, and the worker's start-up is extra work (measured: a worker
  // started at once made the scan slower at load 4.5 and 12, faster only at load 1). So by default the scan starts on this thread, measures after SCAN_WORKER_PROBE_MS how much
  // CPU stood idle (os.cpus(), every platform), and only then starts one worker on the rest of the hosts.
  const adaptive =
    !connect &&
    options.threads === undefined &&
    availableParallelism() >= 2 &&
    hosts.length > 1 &&
    hosts.length * ports.length >= SCAN_WORKER_MIN_CONNECTS;
  // With `adaptive`, 2 is the budget (rate share) for a worker that may join, not a worker started now.
  const threads = connect
    ? 1
    : Math.max(1, Math.min(options.threads ?? (adaptive ? 2 : 1), SCAN_MAX_THREADS, hosts.length));
  // [0]: next host index; [1]: 0 = workers may join, 1 = a worker joined, 2 = closed before any worker joined;
  // [2]: connects in flight over all threads, so the concurrency cap holds for all together (and a thread alone
  // may use all of it). The start rate is split: each thread keeps to its share.
  const buffer = new SharedArrayBuffer(12);
  const shared = new Int32Array(buffer, 0, 2);
  const engine = {
    hosts,
    ports,
    discovery,
    concurrency,
    ratePerSecond: rate / threads,
    timing,
  };
  const workers: ReturnType<typeof startWorker>[] = [];
  let probeTimer: NodeJS.Timeout | undefined;
  if (adaptive) {
    const before = idleCpuMs();
    probeTimer = setTimeout(() => {
      const idleCores = (idleCpuMs() - before) / (performance.now() - started);
      const left = hosts.length - Atomics.load(shared, 0);
      if (workerPays(idleCores, left * ports.length)) {
        workers.push(startWorker(engine, buffer, options.signal));
        options.onWorkerStart?.();
      }
    }, SCAN_WORKER_PROBE_MS);
  } else {
    for (let i = 1; i < threads; i++) {
      workers.push(startWorker(engine, buffer, options.signal));
      options.onWorkerStart?.();
    }
  }
  const mine = await runScan({
    ...engine,
    ...(threads > 1 ? { inFlightTotal: new Int32Array(buffer, 8, 1) } : {}),
    claim: () => Atomics.add(shared, 0, 1),
    ...(dial ? { dial } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  clearTimeout(probeTimer);
  // Done before any worker started: they would find nothing left, so do not wait for their start-up.
  const joined = Atomics.compareExchange(shared, 1, 0, 2) !== 0;
  const parts = joined ? await Promise.all(workers.map((w) => w.result)) : [];
  if (!joined) {
    workers.forEach((w) => void w.worker.terminate());
  }
  const open = new Map<string, number[]>();
  for (const part of [mine, ...parts]) {
    for (const [host, list] of Object.entries(part)) {
      open.set(host, [...(open.get(host) ?? []), ...list]);
    }
  }
  return {
    cidr: cidr.text,
    hostsScanned: hosts.length,
    ports,
    durationMs: Math.round(performance.now() - started),
    hosts: hosts
      .filter((h) => open.has(h))
      .map((address) => ({ address, openPorts: (open.get(address) ?? []).sort((a, b) => a - b) })),
  };
}

/** Starts a scan worker (scan-worker.mjs) on the shared host counter; without the parent's TS loader, so it starts fast. */
function startWorker(
  engine: Omit<EngineOptions, 'claim'>,
  shared: SharedArrayBuffer,
  signal: AbortSignal | undefined,
) {
  const worker = new Worker(new URL('./scan-worker.mjs', import.meta.url), {
    workerData: { ...engine, shared },
    execArgv: [],
  });
  const abort = () => void worker.terminate();
  signal?.addEventListener('abort', abort, { once: true });
  const result = new Promise<Record<string, number[]>>((resolve, reject) => {
    worker.once('message', (m: Record<string, number[]>) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', () => resolve({}));
  }).finally(() => signal?.removeEventListener('abort', abort));
  return { worker, result };
}
