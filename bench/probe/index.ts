// bench/probe: the whole probe against the practice lab (target ≤ 10 s), and `--scan` of a loopback /24 with the
// port list against `nmap -sT -T4` on the same targets in the same run (target: same open set, time ratio ≤ 1.0).
// Loopback only: the lab runs on 127.86.0.0/24, nmap runs with -n (no reverse DNS lookups leave the machine).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { labDown, labUp } from '@praxisready/lab';
import { runProbe, scanPorts, scanSubnet } from '@praxisready/probe';
import { labProbeOptions } from '../../packages/probe/src/lab/lab-options.ts';

const run = promisify(execFile);
const BLOCK = '127.86.0';
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function nmapOpen(args: string[], cidr: string, ports: number[]) {
  const t = performance.now();
  const { stdout } = await run('nmap', [...args, '-p', ports.join(','), '-oG', '-', cidr], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  const open = new Set<string>();
  for (const m of stdout.matchAll(/^Host: (\S+) .*Ports: (.*)$/gm)) {
    for (const p of (m[2] ?? '').matchAll(/(\d+)\/open\/tcp/g)) {
      open.add(`${m[1]}:${p[1]}`);
    }
  }
  return { ms, open };
}

const dir = mkdtempSync(join(tmpdir(), 'bench-probe-'));
try {
  const up = await labUp({ scenario: 'typical-problems', dir, block: BLOCK, printers: 'builtin' });
  console.log(
    `lab typical-problems up in ${fmt(up.startupMs)} (${up.groundTruth.addressing.mode} addressing, ${BLOCK}.0/24)`,
  );
  const options = labProbeOptions(up.groundTruth);

  const probeMs: number[] = [];
  let collectors = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const { facts } = await runProbe(options);
    probeMs.push(performance.now() - t);
    collectors = facts.collectors.filter((c) => c.status === 'ok' || c.status === 'partial').length;
  }
  console.log(
    `whole probe against the lab: median ${fmt(median(probeMs))} of ${RUNS} runs (${probeMs.map(fmt).join(', ')}), ${collectors} collectors with facts; target ≤ 10 s: ${median(probeMs) <= 10_000 ? 'met' : 'MISSED'}`,
  );

  const cidr = `${BLOCK}.0/24`;
  const ports = scanPorts();
  const t = performance.now();
  const ours = await scanSubnet({ cidr, ports, policy: 'loopback' });
  const oursMs = performance.now() - t;
  const oursOpen = new Set(ours.hosts.flatMap((h) => h.openPorts.map((p) => `${h.address}:${p}`)));
  console.log(
    `--scan ${cidr}: ${ours.hostsScanned} addresses × ${ports.length} ports = ${ours.hostsScanned * ports.length} connects in ${fmt(oursMs)}; ${oursOpen.size} open on ${ours.hosts.length} hosts`,
  );
  for (const [label, args] of [
    ['nmap -sT -T4 -n', ['-sT', '-T4', '-n']],
    ['nmap -sT -T4 -n -Pn', ['-sT', '-T4', '-n', '-Pn']],
  ] as const) {
    const n = await nmapOpen([...args], cidr, ports);
    const same = n.open.size === oursOpen.size && [...n.open].every((x) => oursOpen.has(x));
    console.log(
      `${label}: ${fmt(n.ms)}; ${n.open.size} open; same open set: ${same ? 'yes' : 'NO'}; time ratio probe/nmap = ${(oursMs / n.ms).toFixed(2)} (target ≤ 1.0: ${oursMs <= n.ms ? 'met' : 'MISSED'})`,
    );
  }
} finally {
  await labDown({ dir });
  rmSync(dir, { recursive: true, force: true });
}
