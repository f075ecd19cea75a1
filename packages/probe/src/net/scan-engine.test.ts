import { describe, expect, it } from 'vitest';
import { connectTimeoutMs, runScan, RttEstimator, T4_TIMING, type Dial } from './scan-engine.mjs';
import { scanSubnet, SCAN_WORKER_MIN_CONNECTS, workerPays } from './scan.ts';

const timing = { initialMs: 500, minMs: 100, maxMs: 1250 };

describe('RttEstimator (RFC 6298, nmap -T4 bounds)', () => {
  it('uses the initial timeout until the first answer', () => {
    const e = new RttEstimator(timing);
    expect(e.timeoutMs()).toBe(500);
    expect(T4_TIMING).toEqual(timing);
  });

  it('takes srtt = R and rttvar = R/2 from the first sample, then smooths', () => {
    const e = new RttEstimator({ initialMs: 500, minMs: 1, maxMs: 10_000 });
    e.observe(40);
    expect([e.srtt, e.rttvar, e.timeoutMs()]).toEqual([40, 20, 120]);
    e.observe(80);
    // rttvar = 0.75·20 + 0.25·|40 − 80| = 25; srtt = 0.875·40 + 0.125·80 = 45; timeout = 45 + 4·25
    expect([e.srtt, e.rttvar, e.timeoutMs()]).toEqual([45, 25, 145]);
  });

  it('never goes below the floor: a loopback RST after 0.1 ms gives the 100 ms floor, not 0.3 ms', () => {
    const e = new RttEstimator(timing);
    for (let i = 0; i < 50; i++) {
      e.observe(0.1);
    }
    expect(e.timeoutMs()).toBe(100);
  });

  it('never goes above the ceiling, and grows with the variation of the samples', () => {
    const slow = new RttEstimator(timing);
    slow.observe(2000);
    expect(slow.timeoutMs()).toBe(1250);
    const steady = new RttEstimator(timing);
    const jittery = new RttEstimator(timing);
    for (let i = 0; i < 20; i++) {
      steady.observe(60);
      jittery.observe(i % 2 === 0 ? 20 : 100);
    }
    expect(steady.timeoutMs()).toBeLessThan(jittery.timeoutMs());
  });

  it('discovery keeps the initial timeout; a host without answers falls back to the estimate over all hosts', () => {
    const global = new RttEstimator(timing);
    const host = new RttEstimator(timing);
    global.observe(1);
    expect(connectTimeoutMs(global, host, true)).toBe(500);
    expect(connectTimeoutMs(global, host, false)).toBe(100);
    expect(connectTimeoutMs(global, undefined, false)).toBe(100);
    host.observe(200);
    expect(connectTimeoutMs(global, host, false)).toBe(600);
  });
});

describe('scanSubnet adapts the connect timeout (injected connect)', () => {
  it('discovery probes get the initial timeout, later probes the timeout of their own host', async () => {
    const seen: { host: string; port: number; timeoutMs: number }[] = [];
    await scanSubnet({
      cidr: '127.9.0.1/31',
      ports: [80, 443, ...Array.from({ length: 10 }, (_, i) => 2000 + i)],
      policy: 'loopback',
      timeoutMs: 1500,
      minTimeoutMs: 5,
      concurrency: 2,
      connect: async (host, port, timeoutMs) => {
        seen.push({ host, port, timeoutMs });
        // .0 answers at once, .1 after 150 ms: far enough apart that a loaded machine's timer jitter cannot
        // swap them.
        await new Promise((r) => setTimeout(r, host === '127.9.0.0' ? 0 : 150));
        return 'closed';
      },
    });
    expect(seen).toHaveLength(24);
    const discovery = seen.filter((s) => s.port === 80 || s.port === 443);
    expect(discovery.map((s) => s.timeoutMs)).toEqual([1500, 1500, 1500, 1500]);
    const fast = seen.filter((s) => s.host === '127.9.0.0' && s.port >= 2000).map((s) => s.timeoutMs);
    const slow = seen.filter((s) => s.host === '127.9.0.1' && s.port >= 2000).map((s) => s.timeoutMs);
    expect(Math.max(...fast)).toBeLessThan(Math.min(...slow));
    expect(Math.min(...slow)).toBeGreaterThanOrEqual(150);
    expect(Math.max(...slow)).toBeLessThan(1500);
  });

  it('a connect that does not answer within its timeout counts as filtered; its late answer is ignored', async () => {
    const t = performance.now();
    const result = await scanSubnet({
      cidr: '127.9.0.7/32',
      ports: [631, 8080],
      policy: 'loopback',
      skipHostDiscovery: true,
      timeoutMs: 30,
      minTimeoutMs: 10,
      connect: (_host, port) => new Promise((r) => setTimeout(() => r('open'), port === 631 ? 0 : 400)),
    });
    expect(result.hosts).toEqual([{ address: '127.9.0.7', openPorts: [631] }]);
    expect(performance.now() - t).toBeLessThan(300);
  });

  it('stops when aborted, without waiting for connects in flight', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const t = performance.now();
    let calls = 0;
    const result = await scanSubnet({
      cidr: '127.9.0.0/24',
      ports: [631],
      policy: 'loopback',
      skipHostDiscovery: true,
      concurrency: 4,
      timeoutMs: 5000,
      signal: controller.signal,
      connect: () => {
        calls++;
        return new Promise(() => undefined);
      },
    });
    expect(performance.now() - t).toBeLessThan(1000);
    expect(calls).toBe(4);
    expect(result.hosts).toEqual([]);
  });
});

describe('worker thread only on an idle core', () => {
  it('needs half a core idle during the probe and enough connects left to win back its start-up', () => {
    expect(workerPays(0.9, 10_000)).toBe(true);
    expect(workerPays(0.5, SCAN_WORKER_MIN_CONNECTS / 2)).toBe(true);
    expect(workerPays(0.3, 10_000)).toBe(false); // the other core was busy: two threads would share one core's worth
    expect(workerPays(1.8, SCAN_WORKER_MIN_CONNECTS / 2 - 1)).toBe(false); // nearly done
  });

  it('never starts a worker when the connect is injected', async () => {
    let workers = 0;
    await scanSubnet({
      cidr: '127.9.0.0/24',
      ports: Array.from({ length: 40 }, (_, i) => 1000 + i),
      policy: 'loopback',
      threads: 2,
      onWorkerStart: () => workers++,
      connect: () => Promise.resolve('closed'),
    });
    expect(workers).toBe(0);
  });
});

describe('threads sharing one scan', () => {
  it('keep the concurrency cap together, and a thread alone may use all of it', async () => {
    const hosts = Array.from({ length: 12 }, (_, i) => `127.9.1.${i + 1}`);
    const ports = Array.from({ length: 20 }, (_, i) => 3000 + i);
    let inFlight = 0;
    let max = 0;
    let connects = 0;
    const dial: Dial = (_host, _port, _timeoutMs, done) => {
      inFlight++;
      connects++;
      max = Math.max(max, inFlight);
      setTimeout(() => {
        inFlight--;
        done('closed');
      }, 2);
      return () => undefined;
    };
    let next = 0;
    const total = new Int32Array(new SharedArrayBuffer(4));
    // Two engines on one event loop stand in for the calling thread and a worker: same host counter and in-flight
    // counter, each with the whole cap of 10 as its own limit.
    const engine = () =>
      runScan({
        hosts,
        ports,
        discovery: [],
        claim: () => next++,
        concurrency: 10,
        window: 10,
        ratePerSecond: 1_000_000,
        timing: T4_TIMING,
        inFlightTotal: total,
        dial,
      });
    await Promise.all([engine(), engine()]);
    expect(connects).toBe(hosts.length * ports.length);
    expect(max).toBe(10);
    expect(Atomics.load(total, 0)).toBe(0);
    // Alone, one engine reaches the same cap.
    next = 0;
    max = 0;
    await engine();
    expect(max).toBe(10);
  });
});
