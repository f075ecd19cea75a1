import { z } from 'zod';
import { sourced as s } from '../common/sourced.ts';

/** PVS products the seeds name; medatixx products share the Service-Provider of seed 004. */
export const PvsProduct = {
  'x.concept': 'x.concept',
  'x.comfort': 'x.comfort',
  'x.isynet': 'x.isynet',
  'x.vianova': 'x.vianova',
  medatixx: 'medatixx',
  psyx: 'psyx',
  doctolib: 'doctolib',
  other: 'other',
} as const;
export type PvsProduct = keyof typeof PvsProduct;

/** A ServiceProvider.ini as found on disk; the raw text is kept so that diagnostics can see its formatting. */
export const IniFileSchema = z.object({
  path: z.string().max(500),
  found: z.boolean(),
  /** File content (no secrets are stored in ServiceProvider.ini). At most 64 KiB. */
  text: z.string().max(65536).optional(),
});
export type IniFile = z.infer<typeof IniFileSchema>;

/** Section "Inventarisierung PVS/DB-Server". */
export const PvsSectionSchema = z.object({
  product: s(z.enum(PvsProduct)).optional(),
  productName: s(z.string().max(100)).optional(),
  version: s(z.string().max(50)).optional(),
  serverName: s(z.string().max(255)).optional(),
  /** Path or connection string of the DB connection, without credentials. */
  dbConnection: s(z.string().max(500)).optional(),
  sqlServer: z
    .object({
      /** Marketing version: "2014", "2016", "2017", "2019", "2022". */
      version: s(z.string().max(20)).optional(),
      edition: s(z.string().max(100)).optional(),
      instance: s(z.string().max(100)).optional(),
      /** "Azure-Erweiterung für SQL Server" on SQL Server 2022 (must be off, seed 004). */
      azureExtensionEnabled: s(z.boolean()).optional(),
      host: s(z.string().max(255)).optional(),
    })
    .default({}),
  /** Data paths to back up (seed 004 "Zu sichernde Praxisdaten"). */
  dataPaths: s(z.array(z.string().max(500))).optional(),
  serviceProvider: z
    .object({
      /** ServiceProvider.ini in the installation directory of the Service-Provider. */
      installIni: s(IniFileSchema).optional(),
      /** ServiceProvider.ini in the PVS data directory. */
      dataIni: s(IniFileSchema).optional(),
      /** TCP connect to Hostname:TCPPort of the ini succeeded. */
      reachable: s(z.boolean()).optional(),
      /** The Service-Provider reports the current version (manual check in the PVS). */
      upToDate: s(z.boolean()).optional(),
      /** The PVS data path as configured, and whether it exists. */
      dataPathExists: s(z.boolean()).optional(),
      installedOnMappedDrive: s(z.boolean()).optional(),
      /** Host of the Service-Provider is also the SQL server host (x.isynet hint of seed 004). */
      onSqlServerHost: s(z.boolean()).optional(),
      serviceRunning: s(z.boolean()).optional(),
    })
    .default({}),
  services: s(
    z.array(z.object({ name: z.string(), running: z.boolean(), path: z.string().optional() })),
  ).optional(),
});
export type PvsSection = z.infer<typeof PvsSectionSchema>;
