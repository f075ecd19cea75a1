import type { Disk, SystemFacts } from '@praxisready/model';
import { asList, GB, num, round1, str } from './json.ts';

/** CPU, logical disks with the media type of their physical disk, and the current display resolution. */
export const WINDOWS_HARDWARE_SCRIPT = [
  '$cpu = Get-CimInstance Win32_Processor | Select-Object Name,MaxClockSpeed,NumberOfCores,NumberOfLogicalProcessors',
  '$ld = Get-CimInstance Win32_LogicalDisk -Filter "DriveType=3" | Select-Object DeviceID,Size,FreeSpace',
  '$pd = @(Get-Partition | Where-Object DriveLetter | ForEach-Object { $p = $_; $d = Get-PhysicalDisk | Where-Object DeviceId -eq $p.DiskNumber; [pscustomobject]@{ DriveLetter = [string]$p.DriveLetter; MediaType = $d.MediaType; BusType = $d.BusType } })',
  '$vc = Get-CimInstance Win32_VideoController | Select-Object Name,CurrentHorizontalResolution,CurrentVerticalResolution',
  '$nic = Get-NetAdapter -Physical | Where-Object Status -eq Up | Select-Object Name,LinkSpeed,ReceiveLinkSpeed',
  '@{ cpu = $cpu; logicalDisks = $ld; physical = $pd; video = $vc; nics = $nic } | ConvertTo-Json -Depth 3 -Compress',
].join('; ');

/** MSFT_PhysicalDisk.MediaType: 3 = HDD, 4 = SSD, 5 = SCM (documented values; 0 = unspecified). */
export function mediaTypeKind(value: unknown): Disk['kind'] {
  const n = num(value);
  const s = str(value)?.toUpperCase();
  if (n === 4 || n === 5 || s === 'SSD' || s === 'SCM') {
    return 'ssd';
  }
  if (n === 3 || s === 'HDD') {
    return 'hdd';
  }
  return 'unknown';
}

/** "1 Gbps" / "100 Mbps" / 1000000000 (bits/s) → Mbit/s; fractions kept (Wi-Fi and virtual NICs report 866.5 Mbps). */
export function linkSpeedMbit(value: unknown): number | undefined {
  const n = num(value);
  if (n !== undefined) {
    return round1(n / 1e6);
  }
  const m = /([\d.,]+)\s*([GMK])bps/i.exec(str(value) ?? '');
  if (!m) {
    return undefined;
  }
  const v = Number((m[1] ?? '').replace(',', '.'));
  const unit = (m[2] ?? '').toUpperCase();
  return round1(unit === 'G' ? v * 1000 : unit === 'M' ? v : v / 1000);
}

/** Parses the JSON of {@link WINDOWS_HARDWARE_SCRIPT}. */
export function parseWindowsHardware(raw: unknown): Partial<SystemFacts> {
  const root = asList(raw)[0] ?? {};
  const cpus = asList(root.cpu);
  const cpu = cpus[0];
  const clock = num(cpu?.MaxClockSpeed);
  const cores = cpus.reduce((sum, c) => sum + (num(c.NumberOfCores) ?? 0), 0);
  const media = new Map(
    asList(root.physical).map((p) => [
      `${str(p.DriveLetter) ?? ''}:`.toUpperCase(),
      mediaTypeKind(p.MediaType),
    ]),
  );
  const disks: Disk[] = asList(root.logicalDisks).map((d) => {
    const mount = (str(d.DeviceID) ?? '?').toUpperCase();
    return {
      mount,
      sizeGb: round1((num(d.Size) ?? 0) / GB),
      freeGb: round1((num(d.FreeSpace) ?? 0) / GB),
      kind: media.get(mount) ?? 'unknown',
    };
  });
  // An RDP session adds "Microsoft Remote Display Adapter" (client's resolution), listed first; prefer local ones.
  const videos = asList(root.video).filter((v) => num(v.CurrentHorizontalResolution) !== undefined);
  const video = videos.find((v) => !/Remote Display Adapter/i.test(str(v.Name) ?? '')) ?? videos[0];
  const width = num(video?.CurrentHorizontalResolution);
  const height = num(video?.CurrentVerticalResolution);
  const speeds = asList(root.nics)
    .map((n) => linkSpeedMbit(n.ReceiveLinkSpeed ?? n.LinkSpeed))
    .filter((n): n is number => n !== undefined);
  const model = str(cpu?.Name)?.replace(/\s+/g, ' ');
  return {
    ...(cpu
      ? {
          cpu: {
            ...(model ? { model } : {}),
            ...(clock ? { clockGhz: round1(clock / 1000) } : {}),
            ...(cores > 0 ? { cores } : {}),
          },
        }
      : {}),
    ...(disks.length > 0 ? { disks } : {}),
    ...(width && height ? { display: { width, height } } : {}),
    ...(speeds.length > 0 ? { nicSpeedMbit: Math.max(...speeds) } : {}),
  };
}
