import { z } from 'zod';
import { DateSchema, sourced as s } from '../common/sourced.ts';

/** Operating system family of a machine. */
export const OsFamily = { windows: 'windows', macos: 'macos', linux: 'linux', other: 'other' } as const;
export type OsFamily = keyof typeof OsFamily;

/** CPU architecture; ARM64 Macs are not supported by the mobile card terminal drivers (seed 000). */
export const CpuArch = { x64: 'x64', x86: 'x86', arm64: 'arm64', other: 'other' } as const;
export type CpuArch = keyof typeof CpuArch;

export const DiskSchema = z.object({
  mount: z.string().max(200),
  sizeGb: z.number().nonnegative(),
  freeGb: z.number().nonnegative(),
  kind: z.enum(['ssd', 'hdd', 'unknown']),
  /** The PVS data drive (seed 004: 500 GB free "auf dem Datenlaufwerk"). */
  isDataDrive: z.boolean().optional(),
});
export type Disk = z.infer<typeof DiskSchema>;

export const MachineRole = {
  workstation: 'workstation',
  server: 'server',
  terminal_server: 'terminal_server',
  laptop: 'laptop',
} as const;
export type MachineRole = keyof typeof MachineRole;

/**
 * One computer of the practice with the facts the seed 004 system requirements speak about
 * ("Systemvoraussetzungen Arbeitsplatz/Server") plus the security state of the machine.
 */
export const MachineSchema = z.object({
  id: z.string().min(1).max(64),
  role: s(z.enum(MachineRole)),
  /** Computer name; seed 004: at most 15 characters, no special characters or umlauts. */
  computerName: s(z.string().max(255)).optional(),
  domainOrWorkgroup: s(z.string().max(255)).optional(),
  os: z
    .object({
      family: s(z.enum(OsFamily)).optional(),
      /** Product name as the OS reports it, e.g. "Microsoft Windows 11 Pro". */
      name: s(z.string().max(200)).optional(),
      /** Edition: Pro, Home, Enterprise, Essentials, Standard, Datacenter … */
      edition: s(z.string().max(100)).optional(),
      /** Major version: "8.1", "10", "11", "2012", "2012 R2", "2016", "2019", "2022", "2025", "14.5" … */
      version: s(z.string().max(50)).optional(),
      build: s(z.string().max(50)).optional(),
      arch: s(z.enum(CpuArch)).optional(),
    })
    .default({}),
  cpu: z
    .object({
      model: s(z.string().max(200)).optional(),
      /** Base clock in GHz; seed 004 requires 2.5 GHz. */
      clockGhz: s(z.number().positive()).optional(),
      cores: s(z.number().int().positive()).optional(),
    })
    .default({}),
  ramGb: s(z.number().nonnegative()).optional(),
  disks: s(z.array(DiskSchema)).optional(),
  /** Link speed of the main network adapter in Mbit/s; seed 004 asks for 1 GBit. */
  nicSpeedMbit: s(z.number().nonnegative()).optional(),
  display: s(
    z.object({ width: z.number().int().positive(), height: z.number().int().positive() }),
  ).optional(),
  /** Unterbrechungsfreie Stromversorgung (server requirement). */
  ups: s(z.boolean()).optional(),
  /** Concurrent Remote Desktop sessions on a (terminal) server: +1 GB RAM each. */
  rdpSessions: s(z.number().int().nonnegative()).optional(),
  /** Installed .NET Framework versions, e.g. ["4.8.1"]. */
  dotnetVersions: s(z.array(z.string().max(20))).optional(),
  office: s(
    z.object({
      product: z.string().max(100),
      /** Word version: "2013", "2016", "2019", "2021", "365" … */
      wordVersion: z.string().max(20).optional(),
      bitness: z.union([z.literal(32), z.literal(64)]).optional(),
    }),
  ).optional(),
  antivirus: s(
    z.object({
      product: z.string().max(100),
      enabled: z.boolean(),
      upToDate: z.boolean().optional(),
      kind: z.enum(['av', 'edr']).default('av'),
    }),
  ).optional(),
  firewallEnabled: s(z.boolean()).optional(),
  bitlocker: s(z.enum(['on', 'off', 'partial', 'unsupported'])).optional(),
  pendingUpdates: s(z.number().int().nonnegative()).optional(),
  lastUpdateInstalled: s(DateSchema).optional(),
  autoUpdates: s(z.boolean()).optional(),
  backupSoftware: s(z.array(z.string().max(100))).optional(),
  /** Installed PVS client or server software, e.g. "x.concept 24.2". */
  pvsInstalled: s(z.array(z.object({ product: z.string(), version: z.string().optional() }))).optional(),
});
export type Machine = z.infer<typeof MachineSchema>;
