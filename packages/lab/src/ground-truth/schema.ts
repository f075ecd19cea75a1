import { z } from 'zod';
import { ProblemAreas, ScenarioIds } from '../scenarios/types.ts';

/**
 * The lab's ground truth: everything a correct probe run against the running lab must find. Written to
 * `<dir>/ground-truth.json` by `praxisready lab up`; documented field by field in packages/lab/README.md.
 */

const Port = z.number().int().min(0).max(65535);

/** One TCP port that accepts connections. */
export const OpenPortSchema = z.object({
  /** Simulated machine: `konnektor`, `pvs-server`, `kim`, `terminal:<ctId>`, `printer:<id>`. */
  host: z.string(),
  address: z.string(),
  /** Port that really listens. */
  port: Port,
  /** Port of the real-world service (seed 004 port list, 443, 4742, 631); equals `port` in multi-address mode. */
  nominalPort: Port,
  /** true when a privileged nominal port was moved to an ephemeral port (lab not run as root). */
  remapped: z.boolean(),
  kind: z.enum(['konnektor', 'konnektor-management', 'pvs', 'kim', 'sicct', 'ipp']),
  /** "Anwendung/Service" of the port-list row, or what else listens. */
  service: z.string(),
  /** Index of the row in the rules package's PORT_LIST, null when not from the port list. */
  catalogRow: z.number().int().nullable(),
});

/** A port the scenario keeps closed on purpose: nothing listens there. */
export const ClosedPortSchema = z.object({
  host: z.string(),
  address: z.string(),
  nominalPort: Port,
  /** The port a probe should find closed: the nominal port in multi-address mode, null in single mode. */
  port: Port.nullable(),
  service: z.string(),
  /** Problem id that explains it. */
  problem: z.string(),
});

const IniFileSchema = z.object({
  path: z.string(),
  windowsPath: z.string(),
  section: z.string(),
  entries: z.record(z.string(), z.string()),
  spacesAroundEquals: z.boolean(),
});

const GdtFileSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  satzart: z.enum(['6302', '6310']),
  declaredCharset: z.enum(['1', '2', '3']).nullable(),
  encoding: z.enum(['cp437', 'windows-1252']),
  examinationCode: z.string().nullable(),
  recordLength: z.number().int(),
  lineCount: z.number().int(),
});

const GdtDirSchema = z.object({ path: z.string(), exists: z.boolean(), files: z.array(GdtFileSchema) });

export const PrinterTruthSchema = z.object({
  id: z.string(),
  name: z.string(),
  implementation: z.enum(['ippeveprinter', 'builtin']),
  reachable: z.boolean(),
  /** Process id of ippeveprinter; null for the built-in simulator (it runs inside the lab daemon). */
  pid: z.number().int().nullable(),
  uri: z.string().nullable(),
  address: z.string().nullable(),
  port: Port.nullable(),
  nominalPort: Port,
  attributes: z.object({
    makeAndModel: z.string(),
    deviceId: z.string(),
    location: z.string(),
    documentFormats: z.array(z.string()),
    pdf: z.boolean(),
    resolutionsDpi: z.array(z.number().int()),
    mediaSources: z.array(z.string()),
    state: z.enum(['idle', 'processing', 'stopped']),
    acceptingJobs: z.boolean(),
    colorSupported: z.boolean(),
    sides: z.array(z.string()),
  }),
});

export const ProblemSchema = z.object({
  id: z.string(),
  area: z.enum(ProblemAreas),
  title: z.string(),
});

export const GroundTruthSchema = z.object({
  schemaVersion: z.literal(1),
  scenario: z.enum(ScenarioIds),
  title: z.string(),
  startedAt: z.iso.datetime(),
  dir: z.string(),
  addressing: z.object({
    mode: z.enum(['multi', 'single']),
    block: z.string().nullable(),
    reason: z.string(),
  }),
  hosts: z.array(z.object({ id: z.string(), name: z.string(), address: z.string() })),
  openPorts: z.array(OpenPortSchema),
  closedPorts: z.array(ClosedPortSchema),
  konnektor: z.object({
    preset: z.enum(ScenarioIds),
    url: z.string(),
    sdsUrl: z.string(),
    /** A context the Konnektor accepts (for `konnektor inspect`). */
    context: z.object({ mandantId: z.string(), clientSystemId: z.string(), workplaceId: z.string() }),
    /** PEM of the simulator CA, for a client that wants to pin it. */
    caCertPem: z.string(),
    /** What a correct client reads: the simulator's own ground truth (product, terminals, cards, gSMC-K …). */
    truth: z.unknown(),
  }),
  cardTerminals: z.array(
    z.object({
      ctId: z.string(),
      name: z.string(),
      address: z.string(),
      workplaceIds: z.array(z.string()),
      connected: z.boolean(),
      /** SICCT port (4742 nominal); null when the terminal is disconnected and nothing listens. */
      port: Port.nullable(),
      nominalPort: Port,
    }),
  ),
  printers: z.array(PrinterTruthSchema),
  printerImplementation: z.object({ chosen: z.enum(['ippeveprinter', 'builtin']), reason: z.string() }),
  pvs: z.object({
    product: z.string(),
    serverName: z.string(),
    serverAddress: z.string(),
    serviceProvider: z.object({
      uniqueIdentifier: z.string(),
      nominalPort: Port,
      listening: z.boolean(),
      installationIni: IniFileSchema,
      pvsIni: IniFileSchema.nullable(),
      pvsIniWindowsPath: z.string(),
    }),
  }),
  kim: z.object({ address: z.string(), reachable: z.boolean(), nominalPorts: z.array(Port) }),
  gdt: z.object({
    root: z.string(),
    devices: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        gdtId: z.string(),
        configuredCharset: z.enum(['1', '2', '3']),
        examinationCode: z.string(),
        exportDir: GdtDirSchema,
        importDir: GdtDirSchema,
      }),
    ),
  }),
  problems: z.array(ProblemSchema),
  processes: z.object({
    daemonPid: z.number().int().nullable(),
    children: z.array(z.object({ pid: z.number().int(), name: z.string() })),
  }),
});

export type GroundTruth = z.infer<typeof GroundTruthSchema>;
export type OpenPort = z.infer<typeof OpenPortSchema>;
export type ClosedPort = z.infer<typeof ClosedPortSchema>;
export type PrinterTruth = z.infer<typeof PrinterTruthSchema>;
