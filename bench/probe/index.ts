// bench/probe: the whole probe against the practice lab (target ≤ 10 s), and `--scan` of a loopback /24 with the
// port list against `nmap -sT -T4` on the same 254 addresses in the same run (target: same open set, time ratio
// ≤ 1.0). Loopback only: the lab runs on 127.86.0.0/24, nmap runs with -n (no reverse DNS lookups leave the machine).
//
// How both are timed (the same way: engine time, start-up of the program excluded):
// - ours: the scanSubnet() call in this process (target check, worker start if any, scan, result);
// - nmap: its own "scanned in" figure (from its start after exec to the end, including its own set-up such as
//   reading nmap-services; 10 ms resolution). For reference also nmap's process wall time (exec included) and the
//   sum of its "Connect Scan" phases (-v; the scan alone, without its set-up) – the strictest comparison.
// The whole command `praxisready probe --scan` (tsx compiles the CLI's TypeScript at start) is timed once against
// the whole nmap command, and printed, not judged: its start-up is the CLI's, not the scan's.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { labDown, labUp } from '@praxisready/lab';
import { runProbe, scanPorts, scanSubnet } from '@praxisready/probe';
import { labProbeOptions } from '../../packages/probe/src/lab/lab-options.ts';
import { sheetFromFacts } from '@praxisready/model';
import { sheetCoverage } from './coverage.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'bench-probe-'));
const BLOCK = '127.86.0';
const RUNS = 3;
const SCAN_ROUNDS = 5;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/** One nmap run: open ports, process wall time, its own elapsed time and the sum of its connect-scan phases. */
async function nmapScan(targets: string, ports: number[]) {
  const grepable = join(dir, 'nmap.gnmap');
  const times = join(dir, 'nmap.time');
  const nmapArgs = ['-sT', '-T4', '-n', '-v', '-p', ports.join(','), '-oG', grepable, targets];
  // GNU time (if installed) adds nmap's CPU time; its own start-up is outside nmap's "scanned in" figure.
  const [file, args] = TIME ? [TIME, ['-f', '%U %S', '-o', times, 'nmap', ...nmapArgs]] : ['nmap', nmapArgs];
  const t = performance.now();
  const { stdout } = await run(file, args, { maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t;
  const cpu = TIME ? readFileSync(times, 'utf8').trim().split(/\s+/).map(Number) : [];
  const cpuMs = cpu.length === 2 ? ((cpu[0] ?? 0) + (cpu[1] ?? 0)) * 1000 : NaN;
  const open = new Set<string>();
  for (const m of readFileSync(grepable, 'utf8').matchAll(/^Host: (\S+) .*Ports: (.*)$/gm)) {
    for (const p of (m[2] ?? '').matchAll(/(\d+)\/open\/tcp/g)) {
      open.add(`${m[1]}:${p[1]}`);
    }
  }
  const selfMs = Number(/scanned in ([\d.]+) seconds/.exec(stdout)?.[1] ?? NaN) * 1000;
  const phasesMs = [...stdout.matchAll(/Completed Connect Scan at [^,]*, ([\d.]+)s elapsed/g)].reduce(
    (sum, m) => sum + Number(m[1]) * 1000,
    0,
  );
  return { wallMs, selfMs, phasesMs, cpuMs, open };
}

/** `praxisready probe --scan` as a whole command, in loopback mode, only the scan collector. */
async function cliScan(cidr: string) {
  const t = performance.now();
  const { stdout } = await run(
    process.execPath,
    [
      'packages/cli/bin/praxisready.js',
      'probe',
      '--loopback-only',
      '--no-dnssd',
      '--only',
      'network.scan',
      '--scan',
      cidr,
      '--json',
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  ).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
  const wallMs = performance.now() - t;
  const facts = JSON.parse(stdout || '{}') as { scan?: { durationMs?: number } };
  return { wallMs, scanMs: facts.scan?.durationMs };
}

const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

try {
  const up = await labUp({ scenario: 'typical-problems', dir, block: BLOCK, printers: 'builtin' });
  console.log(
    `lab typical-problems up in ${fmt(up.startupMs)} (${up.groundTruth.addressing.mode} addressing, ${BLOCK}.0/24)`,
  );
  const options = labProbeOptions(up.groundTruth);

  const probeMs: number[] = [];
  let collectors = 0;
  let lastFacts: Awaited<ReturnType<typeof runProbe>>['facts'] | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const { facts } = await runProbe(options);
    probeMs.push(performance.now() - t);
    collectors = facts.collectors.filter((c) => c.status === 'ok' || c.status === 'partial').length;
    lastFacts = facts;
  }
  if (lastFacts) {
    const cov = sheetCoverage(sheetFromFacts(lastFacts, {}));
    const byArea = new Map<string, number>();
    for (const p of cov.filled) {
      const area = p.split(/[.[]/)[0]!;
      byArea.set(area, (byArea.get(area) ?? 0) + 1);
    }
    console.log(
      `audit-sheet value paths the probe fills on the lab (${process.platform}): ${cov.filled.length} of ${cov.total} (${Math.round((100 * cov.filled.length) / cov.total)} %): ${[...byArea].map(([a, n]) => `${a} ${n}`).join(', ')}`,
    );
  }
  console.log(
    `whole probe against the lab: median ${fmt(median(probeMs))} of ${RUNS} runs (${probeMs.map(fmt).join(', ')}), ${collectors} collectors with facts; target ≤ 10 s: ${median(probeMs) <= 10_000 ? 'met' : 'MISSED'}`,
  );

  // Interleaved rounds, so both see the same load from other processes.
  const cidr = `${BLOCK}.0/24`;
  const targets = `${BLOCK}.1-254`; // the 254 addresses scanSubnet scans (nmap would take .0 and .255 of a /24 too)
  const ports = scanPorts();
  console.log(
    `--scan ${cidr}: 254 addresses × ${ports.length} ports = ${254 * ports.length} connects per scan; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  const ours: number[] = [];
  const oursCpu: number[] = [];
  const nmap = { self: [] as number[], wall: [] as number[], phases: [] as number[], cpu: [] as number[] };
  let allSame = true;
  let workerRounds = 0;
  const probeScan = async () => {
    let worker = false;
    const cpu = process.cpuUsage();
    const t = performance.now();
    const result = await scanSubnet({
      cidr,
      ports,
      policy: 'loopback',
      onWorkerStart: () => (worker = true),
    });
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const open = new Set(result.hosts.flatMap((h) => h.openPorts.map((p) => `${h.address}:${p}`)));
    // CPU of all threads of this process (the lab's listeners in it are idle but for 35 accepts).
    return { ms, cpuMs: (used.user + used.system) / 1000, worker, open, hosts: result.hosts.length };
  };
  for (let round = 1; round <= SCAN_ROUNDS; round++) {
    // Alternating order, so neither always runs right after the other.
    const first = round % 2 === 1 ? await probeScan() : undefined;
    const n = await nmapScan(targets, ports);
    const { ms, cpuMs, worker, open: oursOpen, hosts } = first ?? (await probeScan());
    ours.push(ms);
    oursCpu.push(cpuMs);
    workerRounds += worker ? 1 : 0;
    nmap.self.push(n.selfMs);
    nmap.wall.push(n.wallMs);
    nmap.phases.push(n.phasesMs);
    nmap.cpu.push(n.cpuMs);
    const equal = same(oursOpen, n.open);
    allSame &&= equal && oursOpen.size > 0;
    console.log(
      `round ${round} (load ${loadavg()[0]?.toFixed(1)}): probe ${fmt(ms)} (${worker ? '2 threads' : '1 thread'}, CPU ${fmt(cpuMs)}, ${oursOpen.size} open on ${hosts} hosts); nmap ${fmt(n.selfMs)} own / ${fmt(n.wallMs)} wall / ${fmt(n.phasesMs)} connect phases (CPU ${fmt(n.cpuMs)}, ${n.open.size} open, same set: ${equal ? 'yes' : 'NO'}); ratio ${(ms / n.selfMs).toFixed(2)}`,
    );
  }
  const m = median(ours);
  const ratio = m / median(nmap.self);
  console.log(
    `median of ${SCAN_ROUNDS}: probe ${fmt(m)} (worker in ${workerRounds} rounds) vs nmap -sT -T4 -n ${fmt(median(nmap.self))} (own figure): time ratio ${ratio.toFixed(2)} (target ≤ 1.0: ${ratio <= 1 ? 'met' : 'MISSED'}); vs nmap wall ${(m / median(nmap.wall)).toFixed(2)}, vs its connect phases alone ${(m / median(nmap.phases)).toFixed(2)}; CPU ${fmt(median(oursCpu))} vs ${fmt(median(nmap.cpu))}; same open set in every round: ${allSame ? 'yes' : 'NO'}`,
  );

  const cli = await cliScan(cidr);
  const n = await nmapScan(targets, ports);
  console.log(
    `whole commands (not judged): praxisready probe --scan ${fmt(cli.wallMs)} (scan ${cli.scanMs === undefined ? '?' : fmt(cli.scanMs)} of it) vs nmap ${fmt(n.wallMs)}`,
  );
} finally {
  await labDown({ dir });
  rmSync(dir, { recursive: true, force: true });
}
