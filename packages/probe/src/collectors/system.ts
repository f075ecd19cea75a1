import { arch, cpus, hostname, release, totalmem } from 'node:os';
import si from 'systeminformation';
import type { Disk, SystemFacts } from '@praxisready/model';
import { ALL_PLATFORMS, defineCollector } from '../collector.ts';
import { parseWindowsHardware, WINDOWS_HARDWARE_SCRIPT } from '../windows/hardware.ts';
import { GB, round1 } from '../windows/json.ts';
import { parseWindowsOs, WINDOWS_OS_SCRIPT, windowsDisplayVersion } from '../windows/os.ts';

/** node:os arch → our CpuArch. */
export function cpuArchOf(nodeArch: string): NonNullable<NonNullable<SystemFacts['os']>['arch']> {
  return nodeArch === 'x64' ? 'x64' : nodeArch === 'ia32' ? 'x86' : nodeArch === 'arm64' ? 'arm64' : 'other';
}

/** systeminformation's blockDevices().physical → our disk kind. */
export function diskKindOf(physical: string | undefined): Disk['kind'] {
  const p = (physical ?? '').toUpperCase();
  return p === 'SSD' || p === 'NVME' ? 'ssd' : p === 'HDD' ? 'hdd' : 'unknown';
}

export const systemOsCollector = defineCollector({
  id: 'system.os',
  title: 'Betriebssystem und Rechnername',
  fills: [
    'machines[].computerName',
    'machines[].domainOrWorkgroup',
    'machines[].role',
    'machines[].os.family',
    'machines[].os.name',
    'machines[].os.edition',
    'machines[].os.version',
    'machines[].os.build',
    'machines[].os.arch',
    'machines[].ramGb',
  ],
  platforms: ALL_PLATFORMS,
  timeoutMs: 8000,
  why: 'Seed 004 names the supported Windows editions and versions and limits computer names to 15 characters.',
  async collect(ctx) {
    if (ctx.platform === 'win32') {
      const raw = await ctx.powershell(WINDOWS_OS_SCRIPT);
      const facts = parseWindowsOs(raw);
      const dv = windowsDisplayVersion(raw);
      return {
        status: 'ok',
        message: `${facts.os?.name ?? 'Windows'}${dv ? ` ${dv}` : ''}, ${facts.computerName ?? '?'}`,
        facts: { system: facts },
      };
    }
    const info = await si.osInfo();
    const family = ctx.platform === 'darwin' ? 'macos' : ctx.platform === 'linux' ? 'linux' : 'other';
    const name = `${info.distro} ${info.release}`.trim();
    const system: Partial<SystemFacts> = {
      computerName: hostname(),
      os: {
        family,
        ...(name ? { name } : {}),
        ...(info.release ? { version: info.release } : {}),
        build: info.build || info.kernel || release(),
        arch: cpuArchOf(arch()),
      },
      ramGb: round1(totalmem() / GB),
    };
    return { status: 'ok', message: `${name}, ${hostname()}`, facts: { system } };
  },
});

export const systemHardwareCollector = defineCollector({
  id: 'system.hardware',
  title: 'Prozessor, Datenträger, Bildschirm, Netzwerkkarte',
  fills: [
    'machines[].cpu.model',
    'machines[].cpu.clockGhz',
    'machines[].cpu.cores',
    'machines[].disks',
    'machines[].display',
    'machines[].nicSpeedMbit',
  ],
  platforms: ALL_PLATFORMS,
  timeoutMs: 10_000,
  why: 'Seed 004 requires CPU clock, RAM, SSD and free space on the data drive, a display resolution and a 1 GBit NIC.',
  async collect(ctx) {
    if (ctx.platform === 'win32') {
      const facts = parseWindowsHardware(await ctx.powershell(WINDOWS_HARDWARE_SCRIPT));
      return {
        status: facts.disks ? 'ok' : 'partial',
        message: hardwareLine(facts),
        facts: { system: facts },
      };
    }
    const [cpu, fs, blocks, graphics, nics] = await Promise.all([
      si.cpu(),
      si.fsSize(),
      si.blockDevices(),
      si.graphics(),
      si.networkInterfaces(),
    ]);
    const model = `${cpu.manufacturer} ${cpu.brand}`.trim() || cpus()[0]?.model;
    const mhz = cpus()[0]?.speed ?? 0;
    const clockGhz = cpu.speed > 0 ? cpu.speed : mhz > 0 ? mhz / 1000 : undefined;
    const kindOf = (device: string) => {
      const dev = blocks.find((b) => b.type === 'disk' && device.startsWith(b.device || `/dev/${b.name}`));
      return diskKindOf(dev?.physical);
    };
    const disks: Disk[] = fs
      .filter((f) => f.size > 0 && !/^(tmpfs|devtmpfs|overlay|squashfs)$/.test(f.type))
      .map((f) => ({
        mount: f.mount,
        sizeGb: round1(f.size / GB),
        freeGb: round1(f.available / GB),
        kind: kindOf(f.fs),
      }));
    const display = graphics.displays.find((d) => (d.currentResX ?? 0) > 0);
    const list = Array.isArray(nics) ? nics : [nics];
    const speeds = list.filter((n) => !n.internal && (n.speed ?? 0) > 0).map((n) => n.speed ?? 0);
    const system: Partial<SystemFacts> = {
      cpu: {
        ...(model ? { model } : {}),
        ...(clockGhz ? { clockGhz: round1(clockGhz) } : {}),
        cores: cpu.physicalCores || cpus().length,
      },
      disks,
      ...(display?.currentResX && display.currentResY
        ? { display: { width: display.currentResX, height: display.currentResY } }
        : {}),
      ...(speeds.length > 0 ? { nicSpeedMbit: Math.max(...speeds) } : {}),
    };
    const missing = [
      !display ? 'Bildschirm' : '',
      speeds.length === 0 ? 'Netzwerkkarten-Geschwindigkeit' : '',
    ].filter(Boolean);
    return {
      status: missing.length > 0 ? 'partial' : 'ok',
      message: `${hardwareLine(system)}${missing.length > 0 ? `; nicht ermittelbar: ${missing.join(', ')}` : ''}`,
      facts: { system },
    };
  },
});

function hardwareLine(s: Partial<SystemFacts>): string {
  const disks = (s.disks ?? [])
    .map((d) => `${d.mount} ${d.freeGb}/${d.sizeGb} GB frei (${d.kind.toUpperCase()})`)
    .join(', ');
  return [s.cpu?.model, s.cpu?.clockGhz ? `${s.cpu.clockGhz} GHz` : '', disks].filter(Boolean).join('; ');
}
