import { z } from 'zod';
import { DateSchema, TimestampSchema } from '../common/sourced.ts';
import { CpuArch, DiskSchema, OsFamily } from '../sheet/system.ts';
import { PortCheckSchema } from '../sheet/network.ts';
import { IniFileSchema } from '../sheet/pvs.ts';
import { GdtFolderAuditSchema } from './gdt.ts';
import { KonnektorFactsSchema } from './konnektor.ts';

export const FACTS_KIND = 'praxisready.facts';
/** Version of the facts document format; bump on incompatible change. */
export const FACTS_SCHEMA_VERSION = '1.0';

/** What happened to one collector of the probe. */
export const CollectorStatus = {
  ok: 'ok',
  partial: 'partial',
  not_applicable: 'not_applicable',
  failed: 'failed',
  timeout: 'timeout',
  skipped: 'skipped',
} as const;
export type CollectorStatus = keyof typeof CollectorStatus;

export const CollectorRunSchema = z.object({
  id: z.string().max(50),
  status: z.enum(CollectorStatus),
  durationMs: z.number().nonnegative(),
  /** Why it could not check (German, for the summary), or what it found in one line. */
  message: z.string().max(1000).optional(),
});

/** The machine the probe ran on (seed 004 system requirements). */
export const SystemFactsSchema = z.object({
  computerName: z.string().max(255).optional(),
  domainOrWorkgroup: z.string().max(255).optional(),
  role: z.enum(['workstation', 'server', 'terminal_server', 'laptop']).optional(),
  os: z
    .object({
      family: z.enum(OsFamily),
      name: z.string().max(200).optional(),
      edition: z.string().max(100).optional(),
      version: z.string().max(50).optional(),
      build: z.string().max(50).optional(),
      arch: z.enum(CpuArch).optional(),
    })
    .optional(),
  cpu: z
    .object({
      model: z.string().max(200).optional(),
      clockGhz: z.number().positive().optional(),
      cores: z.number().int().positive().optional(),
    })
    .optional(),
  ramGb: z.number().nonnegative().optional(),
  disks: z.array(DiskSchema).optional(),
  nicSpeedMbit: z.number().nonnegative().optional(),
  display: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
  dotnetVersions: z.array(z.string().max(20)).optional(),
  office: z
    .object({
      product: z.string().max(100),
      wordVersion: z.string().max(20).optional(),
      bitness: z.union([z.literal(32), z.literal(64)]).optional(),
    })
    .optional(),
  antivirus: z
    .array(
      z.object({
        product: z.string().max(100),
        enabled: z.boolean(),
        upToDate: z.boolean().optional(),
        kind: z.enum(['av', 'edr']).default('av'),
      }),
    )
    .optional(),
  firewallEnabled: z.boolean().optional(),
  bitlocker: z.enum(['on', 'off', 'partial', 'unsupported']).optional(),
  pendingUpdates: z.number().int().nonnegative().optional(),
  lastUpdateInstalled: DateSchema.optional(),
  backupSoftware: z.array(z.string().max(100)).optional(),
  pvsInstalled: z.array(z.object({ product: z.string(), version: z.string().optional() })).optional(),
});
export type SystemFacts = z.infer<typeof SystemFactsSchema>;

export const NetworkFactsSchema = z.object({
  interfaces: z
    .array(
      z.object({
        name: z.string().max(100),
        addresses: z.array(z.string().max(100)),
        mac: z.string().max(50).optional(),
        speedMbit: z.number().nonnegative().optional(),
        dhcp: z.boolean().optional(),
        internal: z.boolean().optional(),
      }),
    )
    .default([]),
  gateway: z.string().max(100).optional(),
  dnsServers: z.array(z.string().max(100)).optional(),
  dhcpServer: z.string().max(100).optional(),
  internetReachable: z.boolean().optional(),
  internetDownMbit: z.number().nonnegative().optional(),
  internetUpMbit: z.number().nonnegative().optional(),
});

export const PrinterFactsSchema = z.object({
  uri: z.string().max(500),
  host: z.string().max(255),
  port: z.number().int(),
  name: z.string().max(200).optional(),
  discoveredBy: z.enum(['dns-sd', 'explicit', 'scan']),
  reachable: z.boolean(),
  makeAndModel: z.string().max(200).optional(),
  documentFormats: z.array(z.string().max(100)).optional(),
  pdfSupported: z.boolean().optional(),
  resolutionsDpi: z.array(z.number().int().positive()).optional(),
  trays: z.array(z.string().max(100)).optional(),
  state: z.string().max(50).optional(),
  error: z.string().max(500).optional(),
});
export type PrinterFacts = z.infer<typeof PrinterFactsSchema>;

export const ServiceProviderFactsSchema = z.object({
  installIni: IniFileSchema.optional(),
  dataIni: IniFileSchema.optional(),
  /** TCP reachability of Hostname:TCPPort from the ini. */
  reachable: z.boolean().optional(),
  host: z.string().max(255).optional(),
  port: z.number().int().optional(),
  installedOnMappedDrive: z.boolean().optional(),
  serviceRunning: z.boolean().optional(),
  /** The PVSDDataPath of the installation INI exists (seed 004 message "PVS-Datenpfad … existiert nicht"). */
  dataPathExists: z.boolean().optional(),
});

export const PvsInstallationFactsSchema = z.object({
  products: z
    .array(z.object({ product: z.string(), version: z.string().optional(), path: z.string().optional() }))
    .default([]),
  services: z
    .array(z.object({ name: z.string(), running: z.boolean(), path: z.string().optional() }))
    .default([]),
  sqlServer: z
    .object({
      instance: z.string().optional(),
      version: z.string().optional(),
      edition: z.string().optional(),
      azureExtensionEnabled: z.boolean().optional(),
    })
    .optional(),
  dataPaths: z.array(z.string()).default([]),
});

/** Result of an explicit `--scan CIDR`: which hosts of the subnet answered on which ports of the port list. */
export const ScanFactsSchema = z.object({
  cidr: z.string().max(50),
  hostsScanned: z.number().int().nonnegative(),
  /** The TCP ports tried on every host. */
  ports: z.array(z.number().int().min(1).max(65535)),
  durationMs: z.number().nonnegative(),
  /** Hosts with at least one open port, in address order. */
  hosts: z.array(
    z.object({
      address: z.string().max(100),
      openPorts: z.array(z.number().int().min(1).max(65535)),
    }),
  ),
});
export type ScanFacts = z.infer<typeof ScanFactsSchema>;

export const MobileCardTerminalFactsSchema = z.object({
  model: z.string().max(100),
  driverPath: z.string().max(500).optional(),
  driverInstalled: z.boolean(),
  hostArch: z.enum(CpuArch).optional(),
  hostOs: z.enum(OsFamily).optional(),
});

/**
 * The facts document: what the probe measured on one practice PC. Versioned; its JSON Schema is in
 * `packages/model/schema/facts.schema.json` so other tools can produce it. Never contains patient data.
 */
export const FactsDocumentSchema = z.object({
  kind: z.literal(FACTS_KIND),
  schemaVersion: z.literal(FACTS_SCHEMA_VERSION),
  /** Unique per probe run; uploads are idempotent by it. */
  documentId: z.string().min(8).max(64),
  collectedAt: TimestampSchema,
  probe: z.object({ version: z.string().max(50), platform: z.string().max(20), arch: z.string().max(20) }),
  caseId: z.string().max(64).optional(),
  collectors: z.array(CollectorRunSchema).default([]),
  system: SystemFactsSchema.optional(),
  network: NetworkFactsSchema.optional(),
  ports: z.array(PortCheckSchema).optional(),
  konnektor: KonnektorFactsSchema.optional(),
  /** SICCT port 4742 reachability of card terminals. */
  cardTerminals: z
    .array(
      z.object({
        host: z.string(),
        port: z.number().int(),
        reachable: z.boolean(),
        id: z.string().optional(),
      }),
    )
    .optional(),
  printers: z.array(PrinterFactsSchema).optional(),
  gdt: z
    .object({
      folders: z.array(GdtFolderAuditSchema),
      /** Devices the technician named (`--gdt-device`): which audited folders are a device's export and import. */
      devices: z
        .array(
          z.object({
            id: z.string().min(1).max(64),
            exportDir: z.string().max(1000).optional(),
            importDir: z.string().max(1000).optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  serviceProvider: ServiceProviderFactsSchema.optional(),
  pvs: PvsInstallationFactsSchema.optional(),
  mobileCardTerminals: z.array(MobileCardTerminalFactsSchema).optional(),
  scan: ScanFactsSchema.optional(),
});
export type FactsDocument = z.output<typeof FactsDocumentSchema>;
