// bench/probe: the whole probe against the practice lab (target ≤ 10 s), and `--scan` of a loopback /24 with the
// port list against `nmap -sT -T4` on the same targets in the same run (target: same open set, time ratio ≤ 1.0).
// Loopback only: the lab runs on 127.86.0.0/24, nmap runs with -n (no reverse DNS lookups leave the machine).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { labDown, labUp } from '@praxisready/lab';
import { runProbe, scanPorts, scanSubnet } from '@praxisready/probe';
import { labProbeOptions } from '../../packages/probe/src/lab/lab-options.ts';

const run = promisify(execFile);
const BLOCK = '127.86.0';
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

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

  // Three interleaved rounds (ours, nmap, nmap -Pn), so both see the same load from other processes.
  const cidr = `${BLOCK}.0/24`;
  const ports = scanPorts();
  console.log(
    `--scan ${cidr}: 254 addresses × ${ports.length} ports = ${254 * ports.length} connects per scan; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
  );
  const oursMs: number[] = [];
  const nmapMs: Record<string, number[]> = {};
  let allSame = true;
  for (let round = 1; round <= RUNS; round++) {
    const t = performance.now();
    const ours = await scanSubnet({ cidr, ports, policy: 'loopback' });
    const ms = performance.now() - t;
    oursMs.push(ms);
    const oursOpen = new Set(ours.hosts.flatMap((h) => h.openPorts.map((p) => `${h.address}:${p}`)));
    const row = [`round ${round}: probe ${fmt(ms)} (${oursOpen.size} open on ${ours.hosts.length} hosts)`];
    for (const [label, args] of [
      ['nmap -sT -T4 -n', ['-sT', '-T4', '-n']],
      ['nmap -sT -T4 -n -Pn', ['-sT', '-T4', '-n', '-Pn']],
    ] as const) {
      const n = await nmapOpen([...args], cidr, ports);
      (nmapMs[label] ??= []).push(n.ms);
      const same = n.open.size === oursOpen.size && [...n.open].every((x) => oursOpen.has(x));
      allSame &&= same;
      row.push(
        `${label} ${fmt(n.ms)} (${n.open.size} open, same set: ${same ? 'yes' : 'NO'}, ratio ${(ms / n.ms).toFixed(2)})`,
      );
    }
    console.log(row.join('; '));
  }
  for (const [label, ms] of Object.entries(nmapMs)) {
    const ratio = median(oursMs) / median(ms);
    console.log(
      `median: probe ${fmt(median(oursMs))} vs ${label} ${fmt(median(ms))}: time ratio ${ratio.toFixed(2)} (target ≤ 1.0: ${ratio <= 1 ? 'met' : 'MISSED'}); same open set in every round: ${allSame ? 'yes' : 'NO'}`,
    );
  }
} finally {
  await labDown({ dir });
  rmSync(dir, { recursive: true, force: true });
}
