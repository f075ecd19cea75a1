import type { z } from 'zod';
import type { Sourced } from '../common/sourced.ts';
import type { FactsDocument } from '../facts/facts-document.ts';
import type { Practice } from '../entities/practice.ts';
import { PvsProduct } from './pvs.ts';
import { AUDIT_SHEET_KIND, AUDIT_SHEET_SCHEMA_VERSION, type AuditSheetInput } from './sheet.ts';
import type { Machine } from './system.ts';
import { CardType, PinStatus, type TiSectionSchema } from './ti.ts';
import { GdtCharset, type GdtSectionSchema } from './devices.ts';

type MachineInput = AuditSheetInput['machines'] extends (infer M)[] | undefined ? M : never;

export interface SheetFromFactsOptions {
  /** Practice master data; defaults to a placeholder named after the computer. */
  practice?: Practice;
  sheetId?: string;
}

/** Finds the PVS product id for a product name the probe found ("x.concept", "medatixx", "x.isynet 23.1"). */
export function pvsProductOf(name: string): PvsProduct {
  const lower = name.toLowerCase();
  for (const id of Object.keys(PvsProduct) as PvsProduct[]) {
    if (id !== 'other' && lower.includes(id)) {
      return id;
    }
  }
  return 'other';
}

/**
 * Turns a facts document into an audit sheet whose values all carry `source: 'probe'`, the collection time
 * and an evidence reference into the facts document. Only what the probe measured is filled; everything a
 * person must judge stays empty (rules report it as unknown or manual).
 */
export function sheetFromFacts(facts: FactsDocument, options: SheetFromFactsOptions = {}): AuditSheetInput {
  const at = facts.collectedAt;
  const v = <T>(value: T, path: string, by?: string): Sourced<T> => ({
    value,
    source: 'probe',
    at,
    evidence: `facts:${facts.documentId}#${path}`,
    ...(by ? { by } : {}),
  });
  const opt = <T, R>(value: T | undefined, path: string, map?: (x: T) => R): Sourced<R> | undefined =>
    value === undefined ? undefined : v(map ? map(value) : (value as unknown as R), path);

  const sys = facts.system;
  const machines: MachineInput[] = [];
  if (sys) {
    const av = sys.antivirus?.find((a) => a.enabled) ?? sys.antivirus?.[0];
    const machine: MachineInput = {
      id: sys.computerName ?? 'probe-host',
      role: v(sys.role ?? 'workstation', 'system.role'),
      computerName: opt(sys.computerName, 'system.computerName'),
      domainOrWorkgroup: opt(sys.domainOrWorkgroup, 'system.domainOrWorkgroup'),
      os: {
        family: opt(sys.os?.family, 'system.os.family'),
        name: opt(sys.os?.name, 'system.os.name'),
        edition: opt(sys.os?.edition, 'system.os.edition'),
        version: opt(sys.os?.version, 'system.os.version'),
        build: opt(sys.os?.build, 'system.os.build'),
        arch: opt(sys.os?.arch, 'system.os.arch'),
      },
      cpu: {
        model: opt(sys.cpu?.model, 'system.cpu.model'),
        clockGhz: opt(sys.cpu?.clockGhz, 'system.cpu.clockGhz'),
        cores: opt(sys.cpu?.cores, 'system.cpu.cores'),
      },
      ramGb: opt(sys.ramGb, 'system.ramGb'),
      disks: opt(sys.disks, 'system.disks'),
      nicSpeedMbit: opt(sys.nicSpeedMbit, 'system.nicSpeedMbit'),
      display: opt(sys.display, 'system.display'),
      dotnetVersions: opt(sys.dotnetVersions, 'system.dotnetVersions'),
      office: opt(sys.office, 'system.office'),
      antivirus: av ? v(av, 'system.antivirus') : undefined,
      firewallEnabled: opt(sys.firewallEnabled, 'system.firewallEnabled'),
      bitlocker: opt(sys.bitlocker, 'system.bitlocker'),
      pendingUpdates: opt(sys.pendingUpdates, 'system.pendingUpdates'),
      lastUpdateInstalled: opt(sys.lastUpdateInstalled, 'system.lastUpdateInstalled'),
      backupSoftware: opt(sys.backupSoftware, 'system.backupSoftware'),
      pvsInstalled: opt(sys.pvsInstalled, 'system.pvsInstalled'),
    };
    machines.push(machine);
  }

  const net = facts.network;
  const sp = facts.serviceProvider;
  const pvs = facts.pvs;
  const firstProduct = pvs?.products[0];

  const ti = tiFromFacts(facts, v);

  const sheet: AuditSheetInput = {
    kind: AUDIT_SHEET_KIND,
    schemaVersion: AUDIT_SHEET_SCHEMA_VERSION,
    id: options.sheetId ?? `sheet-${facts.documentId}`,
    ...(facts.caseId ? { caseId: facts.caseId } : {}),
    practice: options.practice ?? {
      id: 'unknown',
      name: `Praxis (${sys?.computerName ?? 'unbekannt'})`,
      contacts: [],
    },
    machines,
    ...(ti ? { ti } : {}),
    network: {
      gateway: opt(net?.gateway, 'network.gateway'),
      dnsServers: opt(net?.dnsServers, 'network.dnsServers'),
      dhcpServer: opt(net?.dhcpServer, 'network.dhcpServer'),
      internetReachable: opt(net?.internetReachable, 'network.internetReachable'),
      internetDownMbit: opt(net?.internetDownMbit, 'network.internetDownMbit'),
      internetUpMbit: opt(net?.internetUpMbit, 'network.internetUpMbit'),
      portChecks: opt(facts.ports, 'ports'),
    },
    print: {
      printers: (facts.printers ?? []).map((p, i) => ({
        id: `${p.host}:${p.port}`,
        name: opt(p.name, `printers[${i}].name`),
        host: v(p.host, `printers[${i}].host`),
        uri: v(p.uri, `printers[${i}].uri`),
        makeAndModel: opt(p.makeAndModel, `printers[${i}].makeAndModel`),
        reachable: v(p.reachable, `printers[${i}].reachable`),
        ippSupported: v(p.reachable && p.error === undefined, `printers[${i}].reachable`),
        pdfSupported: opt(p.pdfSupported, `printers[${i}].pdfSupported`),
        resolutionsDpi: opt(p.resolutionsDpi, `printers[${i}].resolutionsDpi`),
        trays: opt(p.trays, `printers[${i}].trays`),
        state: opt(p.state, `printers[${i}].state`),
      })),
      profiles: [],
    },
    gdt: { devices: gdtDevicesFromFacts(facts, v), folderAudits: opt(facts.gdt?.folders, 'gdt.folders') },
    pvs: {
      product: firstProduct ? v(pvsProductOf(firstProduct.product), 'pvs.products[0].product') : undefined,
      productName: opt(firstProduct?.product, 'pvs.products[0].product'),
      version: opt(firstProduct?.version, 'pvs.products[0].version'),
      // The PVS-ServiceProvider.ini's Hostname names the data server (seed 004: SP runs where the data lives).
      serverName: opt(sp?.host, 'serviceProvider.host'),
      services: pvs && pvs.services.length > 0 ? v(pvs.services, 'pvs.services') : undefined,
      dataPaths: pvs && pvs.dataPaths.length > 0 ? v(pvs.dataPaths, 'pvs.dataPaths') : undefined,
      sqlServer: {
        version: opt(pvs?.sqlServer?.version, 'pvs.sqlServer.version'),
        edition: opt(pvs?.sqlServer?.edition, 'pvs.sqlServer.edition'),
        instance: opt(pvs?.sqlServer?.instance, 'pvs.sqlServer.instance'),
        azureExtensionEnabled: opt(
          pvs?.sqlServer?.azureExtensionEnabled,
          'pvs.sqlServer.azureExtensionEnabled',
        ),
      },
      serviceProvider: {
        installIni: opt(sp?.installIni, 'serviceProvider.installIni'),
        dataIni: opt(sp?.dataIni, 'serviceProvider.dataIni'),
        reachable: opt(sp?.reachable, 'serviceProvider.reachable'),
        installedOnMappedDrive: opt(sp?.installedOnMappedDrive, 'serviceProvider.installedOnMappedDrive'),
        serviceRunning: opt(
          sp?.serviceRunning ?? serviceProviderServiceRunning(pvs?.services),
          sp?.serviceRunning !== undefined ? 'serviceProvider.serviceRunning' : 'pvs.services',
        ),
        dataPathExists: opt(sp?.dataPathExists, 'serviceProvider.dataPathExists'),
      },
    },
    mobileCardTerminals: (facts.mobileCardTerminals ?? []).map((m, i) => ({
      id: `mobile-${i + 1}`,
      model: v(m.model, `mobileCardTerminals[${i}].model`),
      driverPath: opt(m.driverPath, `mobileCardTerminals[${i}].driverPath`),
      driverInstalled: v(m.driverInstalled, `mobileCardTerminals[${i}].driverInstalled`),
      hostArch: opt(m.hostArch, `mobileCardTerminals[${i}].hostArch`),
      hostOs: opt(m.hostOs, `mobileCardTerminals[${i}].hostOs`),
    })),
  };
  return sheet;
}

/** Whether a Service-Provider service is among the services the probe listed (Windows); undefined if none listed. */
function serviceProviderServiceRunning(
  services: { name: string; running: boolean }[] | undefined,
): boolean | undefined {
  const sp = services?.filter((s) => /^ServiceProvider/i.test(s.name)) ?? [];
  return sp.length === 0 ? undefined : sp.some((s) => s.running);
}

type GdtDeviceInput = NonNullable<z.input<typeof GdtSectionSchema>['devices']>[number];
const OBSERVED_CHARSETS = new Set<string>(Object.keys(GdtCharset));

/** Most frequent key of a tally, or undefined. */
function dominant(
  tally: Record<string, number> | undefined,
  accept: (k: string) => boolean,
): string | undefined {
  return Object.entries(tally ?? {})
    .filter(([k, n]) => n > 0 && accept(k))
    .sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Devices the technician named: folder existence and writability from the folder audits, the character set the
 * result files are actually in, and the examination code (8402) the order files carry ('' when files exist but
 * none has one). What the PVS is configured with stays manual.
 */
function gdtDevicesFromFacts(facts: FactsDocument, v: Wrap): GdtDeviceInput[] {
  const folders = facts.gdt?.folders ?? [];
  return (facts.gdt?.devices ?? []).map((d, i) => {
    const idx = (dir: string | undefined) =>
      dir === undefined ? -1 : folders.findIndex((f) => f.path === dir);
    const ex = idx(d.exportDir);
    const im = idx(d.importDir);
    const exAudit = folders[ex];
    const imAudit = folders[im];
    const direction = (dir: string | undefined, audit: (typeof folders)[number] | undefined, at: number) => ({
      ...(dir ? { folder: v(dir, `gdt.devices[${i}]`) } : {}),
      ...(audit ? { folderExists: v(audit.exists && audit.isDirectory, `gdt.folders[${at}].exists`) } : {}),
      ...(audit && audit.writable !== null
        ? { writable: v(audit.writable, `gdt.folders[${at}].writable`) }
        : {}),
    });
    const observed = dominant(imAudit?.charsets.detected, (k) => OBSERVED_CHARSETS.has(k));
    const code = dominant(exAudit?.examinationCodes, () => true);
    const withFiles = (exAudit?.counts.gdtFiles ?? 0) > 0;
    return {
      id: d.id,
      export: direction(d.exportDir, exAudit, ex),
      import: direction(d.importDir, imAudit, im),
      ...(observed
        ? { charsetObserved: v(observed as GdtCharset, `gdt.folders[${im}].charsets.detected`) }
        : {}),
      ...(code !== undefined || withFiles
        ? { examinationCode: v(code ?? '', `gdt.folders[${ex}].examinationCodes`) }
        : {}),
    };
  });
}

type TiInput = z.input<typeof TiSectionSchema>;
type Wrap = <T>(value: T, path: string) => Sourced<T>;

/** gematik context faults: the Konnektor did not accept Mandant / Clientsystem / Arbeitsplatz. */
const CONTEXT_FAULTS = /^40(04|05|06|10|11|14|21)$/;
const PIN_STATES = new Set<string>(Object.keys(PinStatus));
const CARD_TYPES = new Set<string>(Object.keys(CardType));

/** The `ti` section from the Konnektor facts (and the KIM port checks); undefined when nothing was measured. */
function tiFromFacts(facts: FactsDocument, v: Wrap): TiInput | undefined {
  const k = facts.konnektor;
  const kimPorts = (facts.ports ?? []).filter((p) => p.role === 'kim');
  if (!k && kimPorts.length === 0) {
    return undefined;
  }
  const ti: TiInput = {};
  if (kimPorts.length > 0) {
    ti.kim = {
      host: v(kimPorts[0]?.host ?? '', 'ports'),
      reachable: v(
        kimPorts.some((p) => p.state === 'open'),
        'ports',
      ),
    };
  }
  if (!k) {
    return ti;
  }
  const url = new URL(k.url);
  const port = url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : 443;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const portCheck = facts.ports?.find((p) => p.role === 'konnektor' && p.port === port);
  const leaf = k.tls?.chain[0];
  const gateway = /hsk|vkon|gateway/i.test(`${k.product.productType ?? ''} ${k.product.productName ?? ''}`);
  const date = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : undefined);
  const pin = (pins: (typeof k.cards)[number]['pins'], type: string) => {
    const s = pins.find((p) => p.pinType === type)?.status;
    return s !== undefined && PIN_STATES.has(s) ? (s as PinStatus) : undefined;
  };
  const gsmcK = date(k.connectorCertificate?.validity);
  ti.connection = v(gateway ? 'ti_gateway' : 'konnektor', 'konnektor.product');
  ti.konnektor = {
    host: v(host, 'konnektor.url'),
    port: v(port, 'konnektor.url'),
    reachable443: v(
      portCheck ? portCheck.state === 'open' : k.tls !== undefined || k.sds !== undefined,
      portCheck ? 'ports' : 'konnektor.tls',
    ),
    ...(k.tls
      ? {
          tls: v(
            {
              protocol: k.tls.protocol,
              ...(leaf?.commonName ? { subjectCn: leaf.commonName } : {}),
              ...(leaf ? { notAfter: leaf.notAfter } : {}),
              trusted: k.tls.trusted,
            },
            'konnektor.tls',
          ),
        }
      : {}),
    sdsReadable: v(k.sds !== undefined, 'konnektor.sds'),
    product: v(
      {
        ...(k.product.vendorName ? { vendor: k.product.vendorName } : {}),
        ...(k.product.productName ? { productName: k.product.productName } : {}),
        ...(k.product.productType ? { productType: k.product.productType } : {}),
        ...(k.product.productTypeVersion ? { productTypeVersion: k.product.productTypeVersion } : {}),
        ...(k.product.fwVersion ? { firmwareVersion: k.product.fwVersion } : {}),
        ...(k.product.hwVersion ? { hardwareVersion: k.product.hwVersion } : {}),
      },
      'konnektor.product',
    ),
    ...(gsmcK ? { gsmcKExpiry: v(gsmcK, 'konnektor.connectorCertificate.validity') } : {}),
    ...(k.vpn.ti ? { vpnTiOnline: v(k.vpn.ti.status.toLowerCase() === 'online', 'konnektor.vpn.ti') } : {}),
    operatingStates: v(
      k.errorStates.filter((e) => e.active).map((e) => ({ type: e.condition, severity: e.severity })),
      'konnektor.errorStates',
    ),
    faults: v(
      k.errors.map((e) => ({ code: e.gematikCode ?? e.code, message: e.message.slice(0, 500) })),
      'konnektor.errors',
    ),
    services: v(
      k.services.map((s) => ({ name: s.name, version: s.selected ?? s.versions[0] ?? '' })),
      'konnektor.services',
    ),
  };
  ti.context = {
    mandantId: v(k.context.mandantId, 'konnektor.context'),
    clientSystemId: v(k.context.clientSystemId, 'konnektor.context'),
    workplaceIds: v([k.context.workplaceId], 'konnektor.context'),
    ...(k.context.userId ? { userId: v(k.context.userId, 'konnektor.context') } : {}),
    accepted: v(!k.errors.some((e) => CONTEXT_FAULTS.test(e.gematikCode ?? '')), 'konnektor.errors'),
  };
  ti.terminals = v(
    k.terminals.map((t) => ({
      id: t.ctId,
      ...(t.name ? { name: t.name } : {}),
      ...(t.ipAddress ? { ip: t.ipAddress } : {}),
      ...(t.macAddress ? { mac: t.macAddress } : {}),
      workplaceIds: t.workplaceIds,
      connected: t.connected,
      ...(t.firmware && !t.placeholderProductInfo ? { firmware: t.firmware } : {}),
      ...(t.productName && !t.placeholderProductInfo ? { productName: t.productName } : {}),
      ...(t.physical !== undefined ? { physical: t.physical } : {}),
    })),
    'konnektor.terminals',
  );
  // eGK and KVK are patient cards: never recorded in the sheet.
  ti.cards = v(
    k.cards
      .filter((c) => c.type !== 'EGK' && c.type !== 'KVK')
      .map((c) => {
        const expiry = date(c.checkedExpiration ?? c.certificateExpiration);
        const slot = Number(c.slotId);
        const pinStatus = pin(c.pins, c.type === 'HBA' ? 'PIN.CH' : 'PIN.SMC');
        const qes = c.type === 'HBA' ? pin(c.pins, 'PIN.QES') : undefined;
        return {
          type: CARD_TYPES.has(c.type) ? (c.type as CardType) : 'UNKNOWN',
          ...(c.iccsn ? { iccsn: c.iccsn } : {}),
          ...(c.holder ? { holder: c.holder } : {}),
          ...(expiry ? { certificateExpiry: expiry } : {}),
          terminalId: c.ctId,
          ...(Number.isInteger(slot) && slot >= 0 ? { slot } : {}),
          ...(pinStatus ? { pinStatus } : {}),
          ...(qes ? { pinStatusQes: qes } : {}),
        };
      }),
    'konnektor.cards',
  );
  return ti;
}

/** Machine type re-exported for callers building sheets by hand. */
export type { Machine };
