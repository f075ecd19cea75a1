import type { Machine, Sourced } from '@praxisready/model';
import { SYSTEM_REQUIREMENTS as R } from '../catalogs/system-requirements.ts';
import {
  ev,
  evRaw,
  fail,
  isClient,
  isServer,
  missing,
  pass,
  perMachine,
  t,
  unknown,
  warn,
  whenMachines,
  compareVersions,
} from '../engine/helpers.ts';
import type { Check, Outcome } from '../engine/types.ts';

const WS = 'Seed 004, Systemvoraussetzungen Arbeitsplatz';
const SRV = 'Seed 004, Systemvoraussetzungen Server';
const HINTS = 'Seed 004, Hinweise zu den Systemvoraussetzungen';
const isWindows = (m: Machine) => (m.os.family?.value ?? 'windows') === 'windows';
const clients = t('Arbeitsplätze', 'workstations');
const servers = t('Server', 'servers');

/** A per-machine "at least N" check on a sourced number. */
function atLeast(spec: {
  id: string;
  title: { de: string; en: string };
  reference: string;
  pred: (m: Machine) => boolean;
  /** Wording of the not-applicable reason ("Keine … erfasst"). */
  subjects: { de: string; en: string };
  what: { de: string; en: string };
  field: string;
  get: (m: Machine) => Sourced<number> | undefined;
  min: (m: Machine) => number;
  unit: string;
  remediation: { de: string; en: string };
  severity?: Check['severity'];
  offerItem?: Check['offerItem'];
}): Check {
  return {
    id: spec.id,
    area: 'system_requirements',
    severity: spec.severity ?? 'medium',
    title: spec.title,
    reference: spec.reference,
    remediation: spec.remediation,
    ...(spec.offerItem ? { offerItem: spec.offerItem } : {}),
    appliesTo: whenMachines(spec.pred, spec.subjects),
    run: (ctx) =>
      perMachine(ctx, spec.pred, (m, p) => {
        const v = spec.get(m);
        const path = `${p}.${spec.field}`;
        if (v === undefined) {
          return missing(path, spec.what);
        }
        const min = spec.min(m);
        const e = [ev(path, v)];
        return v.value >= min
          ? pass(
              t(
                `${spec.what.de}: ${v.value} ${spec.unit} (mindestens ${min} ${spec.unit}).`,
                `${spec.what.en}: ${v.value} ${spec.unit} (at least ${min} ${spec.unit}).`,
              ),
              e,
            )
          : fail(
              t(
                `${spec.what.de}: ${v.value} ${spec.unit}, gefordert sind mindestens ${min} ${spec.unit}.`,
                `${spec.what.en}: ${v.value} ${spec.unit}; at least ${min} ${spec.unit} are required.`,
              ),
              e,
            );
      }),
  };
}

function rdpSessions(m: Machine): number {
  return m.rdpSessions?.value ?? 0;
}

function dataDisk(m: Machine) {
  const disks = m.disks?.value ?? [];
  return disks.find((d) => d.isDataDrive === true) ?? [...disks].sort((a, b) => b.freeGb - a.freeGb)[0];
}

const edition = (m: Machine) => (m.os.edition?.value ?? m.os.name?.value ?? '').toLowerCase();

/** Normalises a Windows version string ("Windows Server 2012 R2", "2012r2", "10") to the catalog form. */
export function normaliseWindowsVersion(v: string): string {
  const s = v
    .replace(/windows|server|microsoft/gi, '')
    .trim()
    .toUpperCase();
  const m = /^(\d{4})\s*(R2)?/.exec(s);
  if (m) {
    return m[2] ? `${m[1]} R2` : (m[1] ?? s);
  }
  return s.toLowerCase();
}

function osVersion(m: Machine): string | undefined {
  const v = m.os.version?.value;
  return v === undefined ? undefined : normaliseWindowsVersion(v);
}

export const systemRequirementChecks: Check[] = [
  atLeast({
    id: 'sysreq.cpu.clock',
    title: t('Prozessor mindestens 2,5 GHz', 'CPU at least 2.5 GHz'),
    reference: `${WS} / Server`,
    pred: () => true,
    subjects: t('Rechner', 'machines'),
    what: t('Prozessortakt', 'CPU clock'),
    field: 'cpu.clockGhz',
    get: (m) => m.cpu.clockGhz,
    min: () => R.workstation.cpuGhz,
    unit: 'GHz',
    remediation: t(
      'Rechner mit Intel- oder AMD-Prozessor ab 2,5 GHz einsetzen (Empfehlung: aktuelle Mehrkernprozessoren).',
      'Use a machine with an Intel or AMD CPU of at least 2.5 GHz (recommended: a current multi-core CPU).',
    ),
    offerItem: { itemId: 'hw.workstation', quantity: 1 },
  }),
  atLeast({
    id: 'sysreq.workstation.ram',
    title: t('Arbeitsplatz: Arbeitsspeicher mindestens 8 GB', 'Workstation: at least 8 GB RAM'),
    reference: WS,
    pred: isClient,
    subjects: clients,
    what: t('Arbeitsspeicher', 'RAM'),
    field: 'ramGb',
    get: (m) => m.ramGb,
    min: () => R.workstation.ramGb,
    unit: 'GB',
    severity: 'high',
    remediation: t('Arbeitsspeicher auf mindestens 8 GB aufrüsten.', 'Upgrade the RAM to at least 8 GB.'),
    offerItem: { itemId: 'hw.ram-upgrade', quantity: 1 },
  }),
  atLeast({
    id: 'sysreq.server.ram',
    title: t(
      'Server: Arbeitsspeicher mindestens 32 GB (+1 GB je RDP-Sitzung)',
      'Server: at least 32 GB RAM (+1 GB per RDP session)',
    ),
    reference: SRV,
    pred: isServer,
    subjects: servers,
    what: t('Arbeitsspeicher', 'RAM'),
    field: 'ramGb',
    get: (m) => m.ramGb,
    min: (m) => R.server.ramGb + R.server.ramPerRdpSessionGb * rdpSessions(m),
    unit: 'GB',
    severity: 'high',
    remediation: t(
      'Server-Arbeitsspeicher auf mindestens 32 GB aufrüsten, bei Remotedesktopserver zusätzlich 1 GB pro Sitzung.',
      'Upgrade the server RAM to at least 32 GB, plus 1 GB per session on a Remote Desktop server.',
    ),
    offerItem: { itemId: 'hw.ram-upgrade', quantity: 1 },
  }),
  atLeast({
    id: 'sysreq.workstation.disk-free',
    title: t(
      'Arbeitsplatz: mindestens 100 GB freier Festplattenspeicher',
      'Workstation: at least 100 GB free disk',
    ),
    reference: WS,
    pred: isClient,
    subjects: clients,
    what: t('Freier Festplattenspeicher', 'Free disk space'),
    field: 'disks',
    get: (m) =>
      m.disks === undefined
        ? undefined
        : { ...m.disks, value: m.disks.value.reduce((s, d) => s + d.freeGb, 0) },
    min: () => R.workstation.freeDiskGb,
    unit: 'GB',
    remediation: t(
      'Speicherplatz freigeben oder größere SSD einbauen (mindestens 100 GB frei).',
      'Free up space or fit a larger SSD (at least 100 GB free).',
    ),
  }),
  {
    id: 'sysreq.server.disk-free',
    area: 'system_requirements',
    severity: 'high',
    title: t('Server: 500 GB frei auf dem Datenlaufwerk', 'Server: 500 GB free on the data drive'),
    reference: SRV,
    remediation: t(
      'Datenlaufwerk des Servers erweitern: 500 GB freier Speicherplatz auf dem Datenlaufwerk.',
      'Extend the server data drive: 500 GB free space on the data drive.',
    ),
    offerItem: { itemId: 'hw.server-storage', quantity: 1 },
    appliesTo: whenMachines(isServer, servers),
    run: (ctx) =>
      perMachine(ctx, isServer, (m, p) => {
        const d = dataDisk(m);
        if (d === undefined) {
          return missing(`${p}.disks`, t('Datenlaufwerk', 'data drive'));
        }
        const e = [evRaw(`${p}.disks[${d.mount}].freeGb`, d.freeGb)];
        return d.freeGb >= R.server.freeDataDiskGb
          ? pass(
              t(
                `Datenlaufwerk ${d.mount}: ${d.freeGb} GB frei.`,
                `Data drive ${d.mount}: ${d.freeGb} GB free.`,
              ),
              e,
            )
          : fail(
              t(
                `Datenlaufwerk ${d.mount}: nur ${d.freeGb} GB frei, gefordert sind 500 GB.`,
                `Data drive ${d.mount}: only ${d.freeGb} GB free; 500 GB are required.`,
              ),
              e,
            );
      }),
  },
  {
    id: 'sysreq.server.ssd',
    area: 'system_requirements',
    severity: 'high',
    title: t('Server: Festplattensystem SSD', 'Server: SSD storage'),
    reference: SRV,
    remediation: t('Server-Festplattensystem auf SSD umstellen.', 'Move the server storage to SSD.'),
    offerItem: { itemId: 'hw.server-ssd', quantity: 1 },
    appliesTo: whenMachines(isServer, servers),
    run: (ctx) =>
      perMachine(ctx, isServer, (m, p) => {
        const disks = m.disks?.value;
        if (disks === undefined || disks.length === 0) {
          return missing(`${p}.disks`, t('Festplatten', 'disks'));
        }
        const e = [ev(`${p}.disks`, m.disks)];
        const hdd = disks.filter((d) => d.kind === 'hdd');
        if (hdd.length > 0) {
          const list = hdd.map((d) => d.mount).join(', ');
          return fail(
            t(`Herkömmliche Festplatte (HDD) im Server: ${list}.`, `Hard disk (HDD) in the server: ${list}.`),
            e,
          );
        }
        if (disks.some((d) => d.kind === 'unknown')) {
          return unknown(
            t('Festplattentyp nicht bei allen Laufwerken bekannt.', 'Disk type not known for every drive.'),
            e,
          );
        }
        return pass(t('Alle Laufwerke sind SSDs.', 'All drives are SSDs.'), e);
      }),
  },
  atLeast({
    id: 'sysreq.nic',
    title: t('Netzwerkkarte 1 GBit', '1 GBit network adapter'),
    reference: `${WS} / Server`,
    pred: () => true,
    subjects: t('Rechner', 'machines'),
    what: t('Netzwerkgeschwindigkeit', 'Link speed'),
    field: 'nicSpeedMbit',
    get: (m) => m.nicSpeedMbit,
    min: () => R.workstation.nicMbit,
    unit: 'Mbit/s',
    remediation: t(
      '1-GBit-Netzwerkkarte und 1-GBit-Ethernet-Verkabelung (Switch, Kabel) sicherstellen.',
      'Ensure a 1 GBit adapter and 1 GBit Ethernet cabling (switch, cables).',
    ),
  }),
  {
    id: 'sysreq.display.fhd',
    area: 'system_requirements',
    severity: 'low',
    title: t('Bildschirmauflösung FHD (1920 x 1080)', 'Display resolution FHD (1920 x 1080)'),
    reference: `${WS} / Server`,
    remediation: t(
      'Monitor mit mindestens FHD (1920 x 1080) einsetzen.',
      'Use a display of at least FHD (1920 x 1080).',
    ),
    appliesTo: whenMachines(() => true, t('Rechner', 'machines')),
    run: (ctx) =>
      perMachine(
        ctx,
        () => true,
        (m, p) => {
          const d = m.display;
          if (d === undefined) {
            return missing(`${p}.display`, t('Bildschirmauflösung', 'display resolution'));
          }
          const { width, height } = d.value;
          const e = [ev(`${p}.display`, d)];
          return width >= R.workstation.display.width && height >= R.workstation.display.height
            ? pass(t(`Auflösung ${width} x ${height}.`, `Resolution ${width} x ${height}.`), e)
            : fail(
                t(
                  `Auflösung ${width} x ${height} liegt unter FHD (1920 x 1080).`,
                  `Resolution ${width} x ${height} is below FHD (1920 x 1080).`,
                ),
                e,
              );
        },
      ),
  },
  {
    id: 'sysreq.server.ups',
    area: 'system_requirements',
    severity: 'high',
    title: t(
      'Server: Unterbrechungsfreie Stromversorgung (USV)',
      'Server: uninterruptible power supply (UPS)',
    ),
    reference: SRV,
    remediation: t(
      'USV für den Server einrichten (inkl. automatischem Herunterfahren).',
      'Install a UPS for the server (with automatic shutdown).',
    ),
    offerItem: { itemId: 'hw.ups', quantity: 1 },
    appliesTo: whenMachines(isServer, servers),
    run: (ctx) =>
      perMachine(ctx, isServer, (m, p) => {
        if (m.ups === undefined) {
          return missing(`${p}.ups`, t('USV', 'UPS'));
        }
        const e = [ev(`${p}.ups`, m.ups)];
        return m.ups.value
          ? pass(t('Server hängt an einer USV.', 'Server is on a UPS.'), e)
          : fail(t('Keine USV am Server.', 'No UPS at the server.'), e);
      }),
  },
  {
    id: 'sysreq.workstation.os',
    area: 'system_requirements',
    severity: 'high',
    title: t(
      'Arbeitsplatz: Windows 8.1/10/11 Pro (Home nicht unterstützt)',
      'Workstation: Windows 8.1/10/11 Pro (Home not supported)',
    ),
    reference: WS,
    remediation: t(
      'Windows Client OS in der Professional- bzw. Pro-Edition (64 Bit, Deutsch) einsetzen; Windows-Home-Editionen werden nicht unterstützt.',
      'Use a Windows client OS in the Professional/Pro edition (64-bit, German); Windows Home editions are not supported.',
    ),
    offerItem: { itemId: 'sw.windows-pro-upgrade', quantity: 1 },
    appliesTo: whenMachines(isClient, clients),
    run: (ctx) => perMachine(ctx, isClient, workstationOs),
  },
  {
    id: 'sysreq.server.os',
    area: 'system_requirements',
    severity: 'high',
    title: t(
      'Server: Windows Server 2012–2022 (Essentials nur 2022)',
      'Server: Windows Server 2012–2022 (Essentials only 2022)',
    ),
    reference: SRV,
    remediation: t(
      'Windows Server 2012, 2012 R2, 2016, 2019 oder 2022 einsetzen; die Essentials-Edition wird ausschließlich beim Windows Server 2022 unterstützt.',
      'Use Windows Server 2012, 2012 R2, 2016, 2019 or 2022; the Essentials edition is supported on Windows Server 2022 only.',
    ),
    appliesTo: whenMachines(isServer, servers),
    run: (ctx) => perMachine(ctx, isServer, serverOs),
  },
  {
    id: 'sysreq.workstation.word',
    area: 'system_requirements',
    severity: 'medium',
    title: t('Word 2016/2019/2021 (32 Bit, Desktop-Version)', 'Word 2016/2019/2021 (32-bit desktop)'),
    reference: WS,
    remediation: t(
      'Microsoft Office (32 Bit, Desktop-Version) mit Word 2016, 2019 oder 2021 installieren.',
      'Install Microsoft Office (32-bit desktop version) with Word 2016, 2019 or 2021.',
    ),
    offerItem: { itemId: 'sw.office', quantity: 1 },
    appliesTo: whenMachines(isClient, clients),
    run: (ctx) =>
      perMachine(ctx, isClient, (m, p) => {
        const o = m.office;
        if (o === undefined) {
          return missing(`${p}.office`, t('Office-Version', 'Office version'));
        }
        const e = [ev(`${p}.office`, o)];
        const ver = o.value.wordVersion;
        if (ver === undefined) {
          return unknown(
            t(
              `Office "${o.value.product}" ohne Word-Version erfasst.`,
              `Office "${o.value.product}" recorded without a Word version.`,
            ),
            e,
          );
        }
        if (!(R.workstation.wordVersions as readonly string[]).includes(ver)) {
          return fail(
            t(
              `Word ${ver} ist nicht freigegeben (Word 2016, 2019, 2021).`,
              `Word ${ver} is not supported (Word 2016, 2019, 2021).`,
            ),
            e,
          );
        }
        if (o.value.bitness === 64) {
          return fail(
            t(
              `Word ${ver} ist als 64-Bit-Version installiert; gefordert ist 32 Bit.`,
              `Word ${ver} is installed as 64-bit; 32-bit is required.`,
            ),
            e,
          );
        }
        if (o.value.bitness === undefined) {
          return unknown(
            t(`Word ${ver}, Bitversion nicht erfasst.`, `Word ${ver}, bitness not recorded.`),
            e,
          );
        }
        return pass(t(`Word ${ver} (32 Bit).`, `Word ${ver} (32-bit).`), e);
      }),
  },
  {
    id: 'sysreq.dotnet',
    area: 'system_requirements',
    severity: 'high',
    title: t('.NET Framework mindestens 4.8', '.NET Framework 4.8 or later'),
    reference: `${WS}; Seed 004, Service-Provider installieren (Vor der Installation)`,
    remediation: t(
      '.NET Framework 4.8 installieren (ggf. Windows-Updates installieren); zusätzlich empfohlen: .NET Framework 6.',
      'Install .NET Framework 4.8 (install Windows updates if needed); also recommended: .NET 6.',
    ),
    appliesTo: whenMachines(isWindows, t('Windows-Rechner', 'Windows machines')),
    run: (ctx) =>
      perMachine(ctx, isWindows, (m, p) => {
        const d = m.dotnetVersions;
        if (d === undefined) {
          return missing(`${p}.dotnetVersions`, t('.NET-Versionen', '.NET versions'));
        }
        const e = [ev(`${p}.dotnetVersions`, d)];
        // Only .NET Framework 4.x counts; .NET 5+ (Core) does not replace it.
        const fw = d.value.filter((v) => v.startsWith('4.'));
        const best = fw.sort(compareVersions).at(-1);
        return best !== undefined && compareVersions(best, R.workstation.dotnetMin) >= 0
          ? pass(t(`.NET Framework ${best} installiert.`, `.NET Framework ${best} installed.`), e)
          : fail(
              t(
                `.NET Framework 4.8 fehlt (gefunden: ${d.value.join(', ') || 'keins'}).`,
                `.NET Framework 4.8 missing (found: ${d.value.join(', ') || 'none'}).`,
              ),
              e,
            );
      }),
  },
  {
    id: 'sysreq.sql-server.version',
    area: 'system_requirements',
    severity: 'high',
    title: t(
      'SQL Server 2016/2019/2022 (medatixx ab 2014)',
      'SQL Server 2016/2019/2022 (medatixx: 2014 or later)',
    ),
    reference: SRV,
    remediation: t(
      'Microsoft SQL Server 2016, 2019 oder 2022 einsetzen (medatixx: ab SQL Server 2014).',
      'Use Microsoft SQL Server 2016, 2019 or 2022 (medatixx: SQL Server 2014 or later).',
    ),
    run: (ctx) => {
      const v = ctx.sheet.pvs.sqlServer.version;
      if (v === undefined) {
        return [missing('pvs.sqlServer.version', t('SQL-Server-Version', 'SQL Server version'))];
      }
      const e = [ev('pvs.sqlServer.version', v), ev('pvs.product', ctx.sheet.pvs.product)];
      const ver = v.value.replace(/\D/g, '').slice(0, 4);
      const medatixx = ctx.sheet.pvs.product?.value === 'medatixx';
      const ok = medatixx
        ? Number(ver) >= R.sqlServer.medatixxMin
        : (R.sqlServer.versions as readonly string[]).includes(ver);
      return [
        ok
          ? pass(t(`SQL Server ${v.value} ist freigegeben.`, `SQL Server ${v.value} is supported.`), e)
          : fail(
              t(`SQL Server ${v.value} ist nicht freigegeben.`, `SQL Server ${v.value} is not supported.`),
              e,
            ),
      ];
    },
  },
  {
    id: 'sysreq.sql-server.azure-extension',
    area: 'system_requirements',
    severity: 'medium',
    title: t('SQL Server 2022: Azure-Erweiterung deaktiviert', 'SQL Server 2022: Azure extension disabled'),
    reference: SRV,
    remediation: t(
      'Bitte deaktivieren Sie die Option „Azure-Erweiterung für SQL Server“.',
      'Disable the option "Azure extension for SQL Server".',
    ),
    appliesTo: (ctx) =>
      (ctx.sheet.pvs.sqlServer.version?.value ?? '').includes(R.sqlServer.azureExtensionOffOn)
        ? true
        : t('Nur bei SQL Server 2022 relevant.', 'Relevant for SQL Server 2022 only.'),
    run: (ctx) => {
      const a = ctx.sheet.pvs.sqlServer.azureExtensionEnabled;
      if (a === undefined) {
        return [missing('pvs.sqlServer.azureExtensionEnabled', t('Azure-Erweiterung', 'Azure extension'))];
      }
      const e = [ev('pvs.sqlServer.azureExtensionEnabled', a)];
      return [
        a.value
          ? fail(
              t(
                'Die Azure-Erweiterung für SQL Server ist aktiviert.',
                'The Azure extension for SQL Server is enabled.',
              ),
              e,
            )
          : pass(t('Azure-Erweiterung ist deaktiviert.', 'Azure extension is disabled.'), e),
      ];
    },
  },
  {
    id: 'sysreq.computer-name',
    area: 'system_requirements',
    severity: 'medium',
    title: t(
      'Computername max. 15 Zeichen, keine Sonderzeichen/Umlaute',
      'Computer name ≤ 15 characters, no special characters/umlauts',
    ),
    reference: HINTS,
    remediation: t(
      'Computernamen nach Microsoft-Empfehlung vergeben: maximal 15 Zeichen, keine Sonderzeichen und Umlaute.',
      'Name computers per Microsoft guidance: at most 15 characters, no special characters or umlauts.',
    ),
    appliesTo: whenMachines(() => true, t('Rechner', 'machines')),
    run: (ctx) =>
      perMachine(
        ctx,
        () => true,
        (m, p) => {
          const n = m.computerName;
          if (n === undefined) {
            return missing(`${p}.computerName`, t('Computername', 'computer name'));
          }
          const e = [ev(`${p}.computerName`, n)];
          const problems: string[] = [];
          if (n.value.length > R.computerName.maxLength) {
            problems.push(`${n.value.length} Zeichen`);
          }
          if (!R.computerName.allowed.test(n.value)) {
            problems.push('Sonderzeichen/Umlaute');
          }
          return problems.length === 0
            ? pass(t(`Computername "${n.value}" ist zulässig.`, `Computer name "${n.value}" is fine.`), e)
            : fail(
                t(
                  `Computername "${n.value}": ${problems.join(', ')}.`,
                  `Computer name "${n.value}": ${problems.join(', ').replace('Zeichen', 'characters').replace('Sonderzeichen/Umlaute', 'special characters/umlauts')}.`,
                ),
                e,
              );
        },
      ),
  },
  {
    id: 'sysreq.server.internet',
    area: 'system_requirements',
    severity: 'high',
    title: t(
      'Internet am Praxisserver mindestens 16 Mbit',
      'Internet at the practice server at least 16 Mbit',
    ),
    reference: `${HINTS} (Internetverbindung)`,
    remediation: t(
      'Am Praxisserver eine stabile und sichere Internetverbindung mit mindestens 16 Mbit bereitstellen (wichtig für den Betrieb des Service-Providers).',
      'Provide a stable, secure internet connection of at least 16 Mbit at the practice server (needed by the Service-Provider).',
    ),
    run: (ctx) => {
      const n = ctx.sheet.network;
      if (n.internetReachable?.value === false) {
        return [
          fail(t('Keine Internetverbindung.', 'No internet connection.'), [
            ev('network.internetReachable', n.internetReachable),
          ]),
        ];
      }
      const d = n.internetDownMbit;
      if (d === undefined) {
        return [missing('network.internetDownMbit', t('Internet-Bandbreite', 'internet bandwidth'))];
      }
      const e = [ev('network.internetDownMbit', d)];
      return [
        d.value >= R.server.internetMbit
          ? pass(t(`${d.value} Mbit/s Internet-Bandbreite.`, `${d.value} Mbit/s internet bandwidth.`), e)
          : fail(
              t(
                `Nur ${d.value} Mbit/s; erforderlich sind 16 Mbit.`,
                `Only ${d.value} Mbit/s; 16 Mbit are required.`,
              ),
              e,
            ),
      ];
    },
  },
  {
    id: 'sysreq.server.remote-access',
    area: 'system_requirements',
    severity: 'medium',
    title: t(
      'Fernzugriff auf den Server (Remotedesktop) möglich',
      'Remote access to the server (Remote Desktop) possible',
    ),
    reference: `${HINTS} (Zugriff auf den Server erforderlich)`,
    remediation: t(
      'Es muss jederzeit mindestens per Remotedesktopverbindung ein Zugriff auf den Server möglich sein.',
      'The server must always be reachable at least by Remote Desktop.',
    ),
    run: (ctx) => {
      const r = ctx.sheet.network.serverRemoteAccess;
      if (r === undefined) {
        return [
          missing(
            'network.serverRemoteAccess',
            t('Fernzugriff auf den Server', 'remote access to the server'),
          ),
        ];
      }
      const e = [ev('network.serverRemoteAccess', r)];
      return [
        r.value
          ? pass(t('Fernzugriff möglich.', 'Remote access possible.'), e)
          : fail(t('Kein Fernzugriff auf den Server.', 'No remote access to the server.'), e),
      ];
    },
  },
  {
    id: 'sysreq.peripherals.os-approved',
    area: 'peripherals',
    severity: 'medium',
    title: t(
      'Geräteanbindungen vom Hersteller für das Betriebssystem freigegeben',
      'Devices approved by the vendor for the OS',
    ),
    reference: `${HINTS} (Geräteanbindungen)`,
    remediation: t(
      'Geräteanbindungen (Scanner, Drucker, Medizingeräte, Treiber) müssen für das Betriebssystem durch den Hersteller freigegeben sein.',
      'Device connections (scanners, printers, medical devices, drivers) must be approved by the vendor for the OS.',
    ),
    appliesTo: (ctx) =>
      ctx.sheet.peripherals.length > 0 ? true : t('Keine Peripherie erfasst.', 'No peripherals recorded.'),
    run: (ctx) =>
      ctx.sheet.peripherals.map((d, i): Outcome => {
        const a = d.approvedForOs;
        const path = `peripherals[${i}].approvedForOs`;
        const o =
          a === undefined || a.value === 'unknown'
            ? unknown(t('Freigabe für das Betriebssystem nicht bekannt.', 'OS approval not known.'), [
                ev(path, a),
              ])
            : a.value === 'yes'
              ? pass(t('Freigegeben.', 'Approved.'), [ev(path, a)])
              : fail(t('Nicht für das Betriebssystem freigegeben.', 'Not approved for the OS.'), [
                  ev(path, a),
                ]);
        return { ...o, subject: d.name.value };
      }),
  },
];

function workstationOs(m: Machine, p: string): Outcome {
  const fam = m.os.family?.value;
  const v = osVersion(m);
  const e = [
    ev(`${p}.os.family`, m.os.family),
    ev(`${p}.os.version`, m.os.version),
    ev(`${p}.os.edition`, m.os.edition),
  ];
  if (fam !== undefined && fam !== 'windows') {
    return fail(
      t(
        `Betriebssystem ${fam}: gefordert ist ein Windows Client OS.`,
        `Operating system ${fam}: a Windows client OS is required.`,
      ),
      e,
    );
  }
  if (v === undefined) {
    return missing(`${p}.os.version`, t('Windows-Version', 'Windows version'));
  }
  if (!(R.workstation.osVersions as readonly string[]).includes(v)) {
    return fail(
      t(
        `Windows ${v} ist nicht freigegeben (Windows 8.1, 10, 11).`,
        `Windows ${v} is not supported (Windows 8.1, 10, 11).`,
      ),
      e,
    );
  }
  const ed = edition(m);
  if (ed === '') {
    return unknown(t(`Windows ${v}, Edition nicht erfasst.`, `Windows ${v}, edition not recorded.`), e);
  }
  if (R.workstation.unsupportedEditions.some((x) => ed.includes(x))) {
    return fail(
      t(
        `Windows ${v} Home: Windows-Home-Editionen werden nicht unterstützt.`,
        `Windows ${v} Home: Windows Home editions are not supported.`,
      ),
      e,
    );
  }
  if (m.os.arch?.value === 'x86') {
    return warn(
      t(
        `Windows ${v} als 32-Bit-System; empfohlen ist 64 Bit.`,
        `Windows ${v} is 32-bit; 64-bit is recommended.`,
      ),
      e,
    );
  }
  if (!R.workstation.recommendedEditions.some((x) => ed.includes(x))) {
    return warn(
      t(
        `Edition "${m.os.edition?.value ?? ''}": empfohlen ist die Pro-Edition.`,
        `Edition "${m.os.edition?.value ?? ''}": the Pro edition is recommended.`,
      ),
      e,
    );
  }
  return pass(
    t(
      `Windows ${v} ${m.os.edition?.value ?? ''}.`.trim(),
      `Windows ${v} ${m.os.edition?.value ?? ''}.`.trim(),
    ),
    e,
  );
}

function serverOs(m: Machine, p: string): Outcome {
  const v = osVersion(m);
  const e = [ev(`${p}.os.version`, m.os.version), ev(`${p}.os.edition`, m.os.edition)];
  if (m.os.family !== undefined && m.os.family.value !== 'windows') {
    return fail(
      t(
        'Der Server muss ein Microsoft-Windows-Server sein.',
        'The server must run Microsoft Windows Server.',
      ),
      e,
    );
  }
  if (v === undefined) {
    return missing(`${p}.os.version`, t('Windows-Server-Version', 'Windows Server version'));
  }
  if (!(R.server.osVersions as readonly string[]).includes(v)) {
    const client = (R.workstation.osVersions as readonly string[]).includes(v);
    return client
      ? warn(
          t(
            `Client-Betriebssystem Windows ${v} als Hauptrechner: nur bei bis zu drei Geräten ohne Medizintechnik, Archiv und Fremdanwendungen möglich.`,
            `Client OS Windows ${v} as main computer: only possible for up to three devices without medical devices, archive or third-party applications.`,
          ),
          e,
        )
      : Number.parseInt(v, 10) > 2022
        ? warn(
            t(
              `Windows Server ${v} ist in den Rahmenbedingungen (Stand 08/2023) nicht genannt.`,
              `Windows Server ${v} is not listed in the requirements (as of 08/2023).`,
            ),
            e,
          )
        : fail(t(`Windows Server ${v} ist nicht freigegeben.`, `Windows Server ${v} is not supported.`), e);
  }
  if (edition(m).includes('essential') && v !== R.server.essentialsOnly) {
    return fail(
      t(
        `Windows Server ${v} Essentials: die Essentials-Edition wird ausschließlich beim Windows Server 2022 unterstützt.`,
        `Windows Server ${v} Essentials: Essentials is supported on Windows Server 2022 only.`,
      ),
      e,
    );
  }
  return pass(
    t(
      `Windows Server ${v} ${m.os.edition?.value ?? ''}.`.trim(),
      `Windows Server ${v} ${m.os.edition?.value ?? ''}.`.trim(),
    ),
    e,
  );
}
