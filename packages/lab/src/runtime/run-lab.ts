import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { KonnektorSimulator, SimulatorConfig } from '@praxisready/konnektor';
import { AppError, validateWith } from '@praxisready/model';
import { planAddresses, type AddressingMode, type AddressPlan } from '../addressing/address-plan.ts';
import { listenTcp, type TcpListener } from '../addressing/listen.ts';
import { writeGdtFolders } from '../gdt/gdt-folders.ts';
import {
  GroundTruthSchema,
  type ClosedPort,
  type GroundTruth,
  type OpenPort,
  type PrinterTruth,
} from '../ground-truth/schema.ts';
import { startIppPrinterSimulator } from '../ipp/ipp-simulator.ts';
import {
  ippeveprinterAvailability,
  startIppeveprinter,
  type RunningIppeveprinter,
} from '../ipp/ippeveprinter.ts';
import { documentFormats, deviceId, IPPEVEPRINTER_DEFAULTS } from '../ipp/printer-attributes.ts';
import { KONNEKTOR_PORT, labKonnektorConfig, startLabKonnektor } from '../konnektor/lab-konnektor.ts';
import { pvsListeningPorts } from '../pvs/pvs-ports.ts';
import { detectProblems } from '../scenarios/problems.ts';
import { scenarioById } from '../scenarios/scenarios.ts';
import type { PrinterDefinition, ScenarioId } from '../scenarios/types.ts';
import { writeServiceProviderInis } from '../service-provider/service-provider-ini.ts';

/** Nominal ports of the lab's other services. */
export const LabPorts = {
  /** SICCT, the card terminal's port towards the Konnektor. */
  sicct: 4742,
  ipp: 631,
  serviceProvider: 23174,
  /** Konnektor web interface (seed 004 port list: "Konnektor - Weboberfläche", 8500). */
  konnektorManagement: 8500,
} as const;

export const PrinterModes = ['auto', 'ippeveprinter', 'builtin'] as const;
export type PrinterMode = (typeof PrinterModes)[number];

export interface LabOptions {
  scenario: ScenarioId;
  /** State directory; the practice files go to `<dir>/practice`. */
  dir: string;
  addressing?: AddressingMode;
  /** Loopback /24 block in multi-address mode, e.g. `127.42.0`. */
  block?: string;
  printers?: PrinterMode;
  /** Clock for certificate expiry (default: now). */
  now?: Date;
  /** Daemon pid for the ground truth (null when the lab runs in-process). */
  daemonPid?: number | null;
}

export interface RunningLab {
  groundTruth: GroundTruth;
  /** Processes the lab started (ippeveprinter). */
  children(): { pid: number; name: string }[];
  close(): Promise<void>;
}

/** Server name of the simulated PVS server (Hostname in the PVS-ServiceProvider.ini). */
const PVS_SERVER_NAME = 'PRAXIS-SRV01';

/**
 * Starts the whole simulated practice in this process: files first (GDT folders, Service-Provider INIs), then
 * every listener in parallel. Used by the lab daemon and directly by tests. On failure everything started so far
 * is stopped again.
 */
export async function runLab(options: LabOptions): Promise<RunningLab> {
  const scenario = scenarioById(options.scenario);
  const now = options.now ?? new Date();
  const plan = await planAddresses({ addressing: options.addressing, block: options.block });
  const practiceDir = join(options.dir, 'practice');
  rmSync(practiceDir, { recursive: true, force: true });
  mkdirSync(practiceDir, { recursive: true });

  const gdtRoot = join(practiceDir, 'gdt');
  const gdtDevices = writeGdtFolders(gdtRoot, scenario.gdtDevices);
  const spFacts = writeServiceProviderInis(join(practiceDir, 'server'), scenario.serviceProvider);

  const closers: (() => Promise<void>)[] = [];
  const children: RunningIppeveprinter[] = [];
  const openPorts: OpenPort[] = [];
  const closedPorts: ClosedPort[] = [];

  const closeAll = async () => {
    await Promise.allSettled(closers.splice(0).map((c) => c()));
  };

  try {
    const konnektorConfig = labKonnektorConfig(scenario.konnektorPreset, {
      address: plan.address('konnektor'),
      port: plan.port(KONNEKTOR_PORT),
      now,
      terminalAddress: (i) => plan.address('terminal', i),
    });
    const [konnektor, printers] = await Promise.all([
      startKonnektorPart(konnektorConfig, plan, openPorts, closers),
      startPrinters(scenario.printers, plan, options, openPorts, closers, children),
      startPvsPart(scenario, plan, openPorts, closedPorts, closers),
      startTerminals(konnektorConfig, plan, openPorts, closers),
    ]);

    const problems = detectProblems({ scenario, konnektor: konnektorConfig, now });
    const truth: GroundTruth = {
      schemaVersion: 1,
      scenario: scenario.id,
      title: scenario.title,
      startedAt: now.toISOString(),
      dir: options.dir,
      addressing: { mode: plan.mode, block: plan.block, reason: plan.reason },
      hosts: [
        { id: 'konnektor', name: 'konnektor.konlan', address: plan.address('konnektor') },
        { id: 'pvs-server', name: PVS_SERVER_NAME, address: plan.address('pvs-server') },
        { id: 'kim', name: 'kim-clientmodul', address: plan.address('kim') },
        ...konnektorConfig.terminals.map((t, i) => ({
          id: `terminal:${t.ctId}`,
          name: t.name,
          address: plan.address('terminal', i),
        })),
        ...printers.truth
          .filter((p) => p.address !== null)
          .map((p) => ({ id: `printer:${p.id}`, name: p.name, address: p.address ?? '' })),
      ],
      openPorts,
      closedPorts: closedPorts.map((c) => ({ ...c, port: plan.mode === 'multi' ? c.nominalPort : null })),
      konnektor: {
        preset: scenario.konnektorPreset,
        url: konnektor.url,
        sdsUrl: konnektor.sdsUrl,
        context: {
          mandantId: konnektor.context.mandantId,
          clientSystemId: konnektor.context.clientSystemId,
          workplaceId: konnektor.context.workplaceId,
        },
        caCertPem: konnektor.caCertPem,
        truth: konnektor.groundTruth(),
      },
      cardTerminals: konnektorConfig.terminals.map((t, i) => {
        const open = openPorts.find((p) => p.host === `terminal:${t.ctId}`);
        return {
          ctId: t.ctId,
          name: t.name,
          address: plan.address('terminal', i),
          workplaceIds: [...t.workplaceIds],
          connected: t.connected !== false,
          port: open?.port ?? null,
          nominalPort: LabPorts.sicct,
        };
      }),
      printers: printers.truth,
      printerImplementation: printers.implementation,
      pvs: {
        product: scenario.pvsProduct,
        serverName: PVS_SERVER_NAME,
        serverAddress: plan.address('pvs-server'),
        serviceProvider: {
          ...spFacts,
          nominalPort: LabPorts.serviceProvider,
          listening: scenario.serviceProvider.listening,
        },
      },
      kim: {
        address: plan.address('kim'),
        reachable: scenario.kimReachable,
        nominalPorts: pvsListeningPorts(scenario.pvsProduct)
          .filter((p) => p.host === 'kim')
          .map((p) => p.port),
      },
      gdt: { root: gdtRoot, devices: gdtDevices },
      problems,
      processes: {
        daemonPid: options.daemonPid ?? null,
        children: children.map((c) => ({ pid: c.pid, name: 'ippeveprinter' })),
      },
    };
    const checked = validateWith(GroundTruthSchema, truth);
    if (!checked.success) {
      throw new AppError('INTERNAL', 'Lab ground truth does not match its schema', {
        issues: checked.issues,
      });
    }
    return {
      groundTruth: checked.data,
      children: () => children.map((c) => ({ pid: c.pid, name: 'ippeveprinter' })),
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function startKonnektorPart(
  config: SimulatorConfig,
  plan: AddressPlan,
  openPorts: OpenPort[],
  closers: (() => Promise<void>)[],
): Promise<KonnektorSimulator> {
  const address = plan.address('konnektor');
  const [{ sim, remapped }, management] = await Promise.all([
    startLabKonnektor(config),
    listenTcp({ address, port: plan.port(LabPorts.konnektorManagement) }),
  ]);
  closers.push(
    () => sim.close(),
    () => management.close(),
  );
  openPorts.push(
    {
      host: 'konnektor',
      address,
      port: sim.port,
      nominalPort: KONNEKTOR_PORT,
      remapped,
      kind: 'konnektor',
      service: 'Konnektor (connector.sds, SOAP) https',
      catalogRow: null,
    },
    openPort(
      'konnektor',
      management,
      LabPorts.konnektorManagement,
      'konnektor-management',
      'Konnektor - Weboberfläche',
      null,
    ),
  );
  return sim;
}

function openPort(
  host: string,
  listener: TcpListener,
  nominalPort: number,
  kind: OpenPort['kind'],
  service: string,
  catalogRow: number | null,
): OpenPort {
  return {
    host,
    address: listener.address,
    port: listener.port,
    nominalPort,
    remapped: listener.remapped,
    kind,
    service,
    catalogRow,
  };
}

async function startPvsPart(
  scenario: ReturnType<typeof scenarioById>,
  plan: AddressPlan,
  openPorts: OpenPort[],
  closedPorts: ClosedPort[],
  closers: (() => Promise<void>)[],
): Promise<void> {
  const ports = pvsListeningPorts(scenario.pvsProduct);
  const started = await Promise.all(
    ports.map(async (p) => {
      const address = plan.address(p.host);
      const closedByScenario =
        (p.host === 'pvs-server' && scenario.closedPvsPorts.includes(p.port)) ||
        (p.host === 'pvs-server' &&
          p.port === LabPorts.serviceProvider &&
          !scenario.serviceProvider.listening) ||
        (p.host === 'kim' && !scenario.kimReachable);
      if (closedByScenario) {
        closedPorts.push({
          host: p.host,
          address,
          nominalPort: p.port,
          port: null,
          service: p.application,
          problem:
            p.host === 'kim'
              ? 'kim.unreachable'
              : p.port === LabPorts.serviceProvider && !scenario.serviceProvider.listening
                ? 'service-provider.port-closed'
                : `network.pvs-port-closed:${p.port}`,
        });
        return null;
      }
      const listener = await listenTcp({ address, port: plan.port(p.port) });
      closers.push(() => listener.close());
      return openPort(
        p.host,
        listener,
        p.port,
        p.host === 'kim' ? 'kim' : 'pvs',
        p.application,
        p.catalogRow,
      );
    }),
  );
  for (const p of started) {
    if (p !== null) {
      openPorts.push(p);
    }
  }
}

async function startTerminals(
  config: SimulatorConfig,
  plan: AddressPlan,
  openPorts: OpenPort[],
  closers: (() => Promise<void>)[],
): Promise<void> {
  const started = await Promise.all(
    config.terminals.map(async (t, i) => {
      if (t.connected === false) {
        return null;
      }
      const listener = await listenTcp({
        address: plan.address('terminal', i),
        port: plan.port(LabPorts.sicct),
      });
      closers.push(() => listener.close());
      return openPort(`terminal:${t.ctId}`, listener, LabPorts.sicct, 'sicct', `SICCT ${t.name}`, null);
    }),
  );
  for (const p of started) {
    if (p !== null) {
      openPorts.push(p);
    }
  }
}

async function startPrinters(
  defs: readonly PrinterDefinition[],
  plan: AddressPlan,
  options: LabOptions,
  openPorts: OpenPort[],
  closers: (() => Promise<void>)[],
  children: RunningIppeveprinter[],
): Promise<{ truth: PrinterTruth[]; implementation: GroundTruth['printerImplementation'] }> {
  const mode = options.printers ?? 'auto';
  const availability = ippeveprinterAvailability();
  if (mode === 'ippeveprinter' && !availability.available) {
    throw new AppError('NOT_SUPPORTED', `ippeveprinter cannot run: ${availability.reason}`, {
      hint: 'Mit --printers builtin startet der eingebaute IPP-Drucker-Simulator.',
    });
  }
  const useReal = mode !== 'builtin' && availability.available;
  const implementation = {
    chosen: useReal ? ('ippeveprinter' as const) : ('builtin' as const),
    reason: mode === 'builtin' ? 'requested: built-in IPP simulator' : availability.reason,
  };
  const truth = await Promise.all(
    defs.map(async (def, i): Promise<PrinterTruth> => {
      const base = printerTruthBase(def, implementation.chosen);
      if (!def.reachable) {
        return base;
      }
      if (useReal) {
        const printer = await startIppeveprinter(def, { workDir: options.dir });
        children.push(printer);
        closers.push(() => printer.stop());
        openPorts.push({
          host: `printer:${def.id}`,
          address: printer.address,
          port: printer.port,
          nominalPort: LabPorts.ipp,
          remapped: false,
          kind: 'ipp',
          service: `IPP ${def.name} (ippeveprinter)`,
          catalogRow: null,
        });
        return { ...base, pid: printer.pid, uri: printer.uri, address: printer.address, port: printer.port };
      }
      const address = plan.address('printer', i);
      const sim = await startIppSimulatorWithFallback(def, address, plan.port(LabPorts.ipp));
      closers.push(() => sim.close());
      openPorts.push({
        host: `printer:${def.id}`,
        address,
        port: sim.port,
        nominalPort: LabPorts.ipp,
        remapped: sim.remapped,
        kind: 'ipp',
        service: `IPP ${def.name} (built-in simulator)`,
        catalogRow: null,
      });
      return { ...base, uri: sim.uri, address, port: sim.port };
    }),
  );
  return { truth, implementation };
}

async function startIppSimulatorWithFallback(def: PrinterDefinition, address: string, port: number) {
  try {
    return { ...(await startIppPrinterSimulator(def, { address, port })), remapped: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EACCES' || port === 0) {
      throw error;
    }
    return { ...(await startIppPrinterSimulator(def, { address, port: 0 })), remapped: true };
  }
}

function printerTruthBase(def: PrinterDefinition, implementation: 'ippeveprinter' | 'builtin'): PrinterTruth {
  const formats = documentFormats(def);
  return {
    id: def.id,
    name: def.name,
    implementation,
    reachable: def.reachable,
    pid: null,
    uri: null,
    address: null,
    port: null,
    nominalPort: LabPorts.ipp,
    attributes: {
      makeAndModel: `${def.make} ${def.model}`,
      deviceId: deviceId(def),
      location: def.location,
      documentFormats: formats,
      pdf: formats.includes('application/pdf'),
      resolutionsDpi: [IPPEVEPRINTER_DEFAULTS.resolutionDpi],
      mediaSources: [...IPPEVEPRINTER_DEFAULTS.mediaSources],
      state: 'idle',
      acceptingJobs: true,
      colorSupported: false,
      sides: ['one-sided'],
    },
  };
}
