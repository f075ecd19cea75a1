import type { AuditArea, AuditSheet, Sourced, ValueSource } from '@praxisready/model';
import type { DocLang } from '../common/lang.ts';
import { t, tr } from '../common/lang.ts';
import { formatDate, formatDateTime, formatNumber } from '../common/format.ts';
import { L } from './labels.ts';

/** One recorded value as the report shows it: label, formatted value, and where it came from. */
export interface FactRow {
  label: string;
  value: string;
  source?: ValueSource;
  at?: string;
  by?: string;
}

/** Formats any sheet value for people: booleans as ja/nein, arrays joined, dates localised. */
export function formatValue(value: unknown, lang: DocLang): string {
  if (value === undefined || value === null) {
    return '–';
  }
  if (typeof value === 'boolean') {
    return tr(value ? L.yes : L.no, lang);
  }
  if (typeof value === 'number') {
    return formatNumber(value, lang);
  }
  if (typeof value === 'string') {
    if (value === 'yes' || value === 'no' || value === 'unknown') {
      return tr(L[value], lang);
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return formatDate(value, lang);
    }
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
      return formatDateTime(value, lang);
    }
    return value;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? '–' : value.map((v) => formatValue(v, lang)).join(', ');
  }
  if (typeof value === 'object' && 'status' in value && typeof value.status === 'string') {
    // A checklist answer: status and optional note.
    const note = 'note' in value && typeof value.note === 'string' ? `: ${value.note}` : '';
    return `${CHECKLIST_STATUS[value.status] ? tr(CHECKLIST_STATUS[value.status]!, lang) : value.status}${note}`;
  }
  return JSON.stringify(value);
}

const CHECKLIST_STATUS: Record<string, { de: string; en: string } | undefined> = {
  done: t('erledigt', 'done'),
  partial: t('teilweise', 'partial'),
  open: t('offen', 'open'),
  not_applicable: t('nicht anwendbar', 'not applicable'),
};

const TI_CONNECTION: Record<string, { de: string; en: string } | undefined> = {
  konnektor: t('Konnektor vor Ort', 'Konnektor on site'),
  ti_gateway: t(
    'TI-Gateway (Highspeed-Konnektor im Rechenzentrum)',
    'TI-Gateway (high-speed Konnektor in a data centre)',
  ),
  hosted_konnektor: t('Gehosteter Konnektor', 'Hosted Konnektor'),
  none: t('keine TI-Anbindung', 'no TI connection'),
};

/** People's name of a TI connection type. */
export function tiConnectionLabel(value: string, lang: DocLang): string {
  const label = TI_CONNECTION[value];
  return label ? tr(label, lang) : value;
}

class Rows {
  readonly rows: FactRow[] = [];
  constructor(private readonly lang: DocLang) {}

  /** Adds a sourced value when present. */
  add<T>(
    label: { de: string; en: string } | string,
    v: Sourced<T> | undefined,
    fmt?: (value: T) => string,
  ): this {
    if (v === undefined) {
      return this;
    }
    this.rows.push({
      label: typeof label === 'string' ? label : tr(label, this.lang),
      value: fmt ? fmt(v.value) : formatValue(v.value, this.lang),
      source: v.source,
      at: v.at,
      ...(v.by === undefined ? {} : { by: v.by }),
    });
    return this;
  }
}

const gb = (lang: DocLang) => (v: number) => `${formatNumber(v, lang)} GB`;

/** Recorded values per audit area; an area without an entry shows only its findings. */
const AREA_FACTS: Partial<Record<AuditArea, (sheet: AuditSheet, lang: DocLang) => FactRow[]>> = {
  ti: (s, lang) => {
    const r = new Rows(lang);
    const k = s.ti.konnektor;
    r.add(t('TI-Anbindung', 'TI connection'), s.ti.connection, (v) => tiConnectionLabel(v, lang))
      .add(t('Konnektor-Host', 'Konnektor host'), k.host)
      .add(t('Port', 'Port'), k.port, (v) => String(v))
      .add(t('Port 443 erreichbar', 'Port 443 reachable'), k.reachable443)
      .add(t('TLS-Zertifikat', 'TLS certificate'), k.tls, (v) =>
        [
          v.protocol,
          v.subjectCn,
          v.notAfter
            ? `${tr(t('gültig bis', 'valid until'), lang)} ${formatDate(v.notAfter, lang)}`
            : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
      )
      .add(t('connector.sds lesbar', 'connector.sds readable'), k.sdsReadable)
      .add(t('Produkt / Firmware', 'Product / firmware'), k.product, (v) =>
        [v.vendor, v.productName, v.firmwareVersion ? `FW ${v.firmwareVersion}` : undefined]
          .filter(Boolean)
          .join(' · '),
      )
      .add(tr(L.konnektorExpiry, lang), k.gsmcKExpiry)
      .add(t('VPN zur TI online', 'VPN to the TI online'), k.vpnTiOnline)
      .add(t('Mandant-ID', 'Mandant ID'), s.ti.context.mandantId)
      .add(t('Client-System-ID', 'Client system ID'), s.ti.context.clientSystemId)
      .add(t('Arbeitsplatz-IDs', 'Workplace IDs'), s.ti.context.workplaceIds)
      .add(t('Standort (TI-Einstellungen)', 'Site (TI settings)'), s.ti.context.standort)
      .add(t('Aufrufkontext akzeptiert', 'Context accepted'), s.ti.context.accepted);
    for (const term of s.ti.terminals?.value ?? []) {
      r.add(`${tr(t('Kartenterminal', 'Card terminal'), lang)} ${term.id}`, s.ti.terminals, () =>
        [
          term.productName ?? term.name,
          term.ip,
          term.workplaceIds.join(', '),
          term.connected === false ? tr(t('nicht verbunden', 'not connected'), lang) : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
      );
    }
    for (const card of s.ti.cards?.value ?? []) {
      r.add(`${card.type}${card.holder ? ` ${card.holder}` : ''}`, s.ti.cards, () =>
        [
          card.certificateExpiry
            ? `${tr(t('Zertifikat bis', 'certificate until'), lang)} ${formatDate(card.certificateExpiry, lang)}`
            : undefined,
          card.pinStatus ? `PIN ${card.pinStatus}` : undefined,
          card.terminalId,
        ]
          .filter(Boolean)
          .join(' · '),
      );
    }
    r.add(t('KIM-Clientmodul installiert', 'KIM client module installed'), s.ti.kim.clientModuleInstalled)
      .add(t('KIM erreichbar', 'KIM reachable'), s.ti.kim.reachable)
      .add(t('KIM-Adresse aktiv', 'KIM address active'), s.ti.kim.kimAddressActive);
    return r.rows;
  },
  gdt: (s, lang) => {
    const r = new Rows(lang);
    for (const d of s.gdt.devices) {
      const name = d.name?.value ?? d.id;
      r.add(`${name}: ${tr(t('Gerätetyp', 'device type'), lang)}`, d.deviceType)
        .add(
          `${name}: ${tr(t('Arbeitsplatz', 'workplace'), lang)}`,
          d.workplaceId,
          (v) => s.workplaces.find((w) => w.id === v)?.name.value ?? v,
        )
        .add(`${name}: GDT-Version`, d.gdtVersion)
        .add(`${name}: ${tr(t('Export-Ordner', 'export folder'), lang)}`, d.export.folder)
        .add(`${name}: ${tr(t('Export-Datei', 'export file'), lang)}`, d.export.fileName)
        .add(`${name}: ${tr(t('Import-Ordner', 'import folder'), lang)}`, d.import.folder)
        .add(
          `${name}: ${tr(t('Import-Ordner vorhanden', 'import folder exists'), lang)}`,
          d.import.folderExists,
        )
        .add(`${name}: ${tr(t('Import-Datei', 'import file'), lang)}`, d.import.fileName)
        .add(
          `${name}: ${tr(t('Sync-Ordner in DDV', 'sync folder in DDV'), lang)}`,
          d.import.syncFolderConfigured,
        )
        .add(`${name}: ${tr(t('Zeichensatz konfiguriert', 'charset configured'), lang)}`, d.charsetConfigured)
        .add(`${name}: ${tr(t('Zeichensatz in Dateien', 'charset in files'), lang)}`, d.charsetObserved)
        .add(
          `${name}: ${tr(t('Untersuchungscode (8402)', 'examination code (8402)'), lang)}`,
          d.examinationCode,
        );
    }
    return r.rows;
  },
  mobile_card_terminals: (s, lang) => {
    const r = new Rows(lang);
    for (const m of s.mobileCardTerminals) {
      const name = m.model.value;
      r.add(`${name}: ${tr(t('Rechner', 'host'), lang)}`, m.hostComputer)
        .add(`${name}: ${tr(t('Betriebssystem', 'OS'), lang)}`, m.hostOs)
        .add(`${name}: ${tr(t('Architektur', 'architecture'), lang)}`, m.hostArch)
        .add(`${name}: ${tr(t('Treiberpfad', 'driver path'), lang)}`, m.driverPath)
        .add(`${name}: ${tr(t('Treiber installiert', 'driver installed'), lang)}`, m.driverInstalled)
        .add(
          `${name}: ${tr(t('Lokale Komponente konfiguriert', 'local component configured'), lang)}`,
          m.localComponentConfigured,
        );
    }
    return r.rows;
  },
  direct_print: (s, lang) => {
    const r = new Rows(lang);
    for (const p of s.print.printers) {
      const name = p.name?.value ?? p.id;
      r.add(`${name}: ${tr(t('Modell', 'model'), lang)}`, p.makeAndModel)
        .add(`${name}: URI`, p.uri ?? p.host)
        .add(`${name}: ${tr(t('erreichbar', 'reachable'), lang)}`, p.reachable)
        .add(`${name}: IPP`, p.ippSupported)
        .add(`${name}: PDF`, p.pdfSupported)
        .add(`${name}: ${tr(t('Auflösung', 'resolution'), lang)}`, p.resolutionsDpi, (v) =>
          v.map((d) => `${d} dpi`).join(', '),
        )
        .add(`${name}: ${tr(t('Schächte', 'trays'), lang)}`, p.trays);
    }
    for (const prof of s.print.profiles) {
      r.add(`${tr(t('Profil', 'Profile'), lang)} ${prof.documentType}`, prof.printerId, (v) =>
        [s.print.printers.find((p) => p.id === v)?.name?.value ?? v, prof.tray?.value]
          .filter(Boolean)
          .join(' · '),
      );
    }
    r.add(t('Benötigte Dokumenttypen', 'Required document types'), s.print.requiredDocumentTypes);
    return r.rows;
  },
  network: (s, lang) => {
    const n = s.network;
    const r = new Rows(lang);
    r.add(t('IP-Plan dokumentiert', 'IP plan documented'), n.ipPlanDocumented)
      .add(t('Netze / VLANs', 'Subnets / VLANs'), n.subnets, (v) =>
        v
          .map((x) => `${x.vlanId === undefined ? '' : `VLAN ${x.vlanId} `}${x.name ?? x.purpose} ${x.cidr}`)
          .join('; '),
      )
      .add(t('Gastnetz getrennt', 'Guest network separated'), n.guestSeparated)
      .add(t('DHCP-Server', 'DHCP server'), n.dhcpServer)
      .add(t('DNS-Server', 'DNS servers'), n.dnsServers)
      .add(t('Gateway', 'Gateway'), n.gateway)
      .add(t('NAT/ACLs dokumentiert', 'NAT/ACLs documented'), n.natAclsDocumented)
      .add(t('Firewall', 'Firewall'), n.firewallProduct)
      .add(t('Site-to-Site-VPN', 'Site-to-site VPN'), n.siteToSiteVpn)
      .add(t('Remote-VPN', 'Remote VPN'), n.remoteVpn)
      .add(t('Fernzugang abgesichert (MFA)', 'Remote access secured (MFA)'), n.vpnSecured)
      .add(t('Internet erreichbar', 'Internet reachable'), n.internetReachable)
      .add(
        t('Bandbreite (Download / Upload)', 'Bandwidth (down / up)'),
        n.internetDownMbit,
        (v) =>
          `${formatNumber(v, lang)} / ${n.internetUpMbit ? formatNumber(n.internetUpMbit.value, lang) : '–'} Mbit/s`,
      )
      .add(t('Portprüfungen', 'Port checks'), n.portChecks, (v) =>
        v.map((p) => `${p.host}:${p.port}/${p.protocol} ${p.state}`).join('; '),
      )
      .add(
        t('Konnektor-Admin-Port von außen erreichbar', 'Konnektor admin port exposed'),
        n.konnektorAdminPortExposed,
      );
    return r.rows;
  },
  pvs: (s, lang) => {
    const p = s.pvs;
    const r = new Rows(lang);
    r.add(t('PVS', 'PVS'), p.productName ?? p.product)
      .add(t('Version', 'Version'), p.version)
      .add(t('PVS-Server', 'PVS server'), p.serverName)
      .add(t('DB-Verbindung', 'DB connection'), p.dbConnection)
      .add(t('SQL Server', 'SQL Server'), p.sqlServer.version, (v) =>
        [v, p.sqlServer.edition?.value, p.sqlServer.instance ? `(${p.sqlServer.instance.value})` : undefined]
          .filter(Boolean)
          .join(' '),
      )
      .add(t('Azure-Erweiterung aktiv', 'Azure extension enabled'), p.sqlServer.azureExtensionEnabled)
      .add(t('Zu sichernde Datenpfade', 'Data paths to back up'), p.dataPaths)
      .add(t('Service-Provider erreichbar', 'Service-Provider reachable'), p.serviceProvider.reachable)
      .add(t('Service-Provider aktuell', 'Service-Provider up to date'), p.serviceProvider.upToDate)
      .add(t('PVS-Datenpfad vorhanden', 'PVS data path exists'), p.serviceProvider.dataPathExists)
      .add(t('Dienst läuft', 'Service running'), p.serviceProvider.serviceRunning);
    return r.rows;
  },
  system_requirements: (s, lang) => {
    const r = new Rows(lang);
    for (const m of s.machines) {
      const name = m.computerName?.value ?? m.id;
      r.add(`${name}: ${tr(t('Rolle', 'role'), lang)}`, m.role)
        .add(`${name}: ${tr(t('Betriebssystem', 'OS'), lang)}`, m.os.name ?? m.os.version)
        .add(`${name}: CPU`, m.cpu.model, (v) =>
          [
            v,
            m.cpu.clockGhz ? `${formatNumber(m.cpu.clockGhz.value, lang)} GHz` : undefined,
            m.cpu.cores ? `${m.cpu.cores.value} ${tr(t('Kerne', 'cores'), lang)}` : undefined,
          ]
            .filter(Boolean)
            .join(' · '),
        )
        .add(`${name}: RAM`, m.ramGb, gb(lang))
        .add(`${name}: ${tr(t('Datenträger (frei)', 'disks (free)'), lang)}`, m.disks, (v) =>
          v
            .map(
              (d) =>
                `${d.mount} ${formatNumber(d.freeGb, lang)}/${formatNumber(d.sizeGb, lang)} GB ${d.kind.toUpperCase()}`,
            )
            .join('; '),
        )
        .add(
          `${name}: ${tr(t('Netzwerk', 'network'), lang)}`,
          m.nicSpeedMbit,
          (v) => `${formatNumber(v, lang)} Mbit/s`,
        )
        .add(`${name}: .NET`, m.dotnetVersions)
        .add(`${name}: Office`, m.office, (v) =>
          [v.product, v.bitness ? `${v.bitness} Bit` : undefined].filter(Boolean).join(' · '),
        );
    }
    return r.rows;
  },
  it_security: (s, lang) => {
    const x = s.security;
    const r = new Rows(lang);
    r.add(t('Updates zentral verwaltet', 'Updates centrally managed'), x.updatesManaged)
      .add(t('Virenschutz zentral verwaltet', 'AV centrally managed'), x.avCentrallyManaged)
      .add(t('Admin-Konten getrennt', 'Admin accounts separated'), x.adminAccountsSeparated)
      .add(t('Persönliche Benutzerkonten', 'Individual user accounts'), x.individualUserAccounts)
      .add(t('Protokollierung aktiv', 'Logging enabled'), x.loggingEnabled)
      .add(t('Passwort-Richtlinie', 'Password policy'), x.passwordPolicy)
      .add(t('MFA für Fernzugriff', 'MFA for remote access'), x.mfaRemoteAccess)
      .add(t('Schulung der Mitarbeitenden', 'Staff awareness training'), x.staffAwarenessTraining)
      .add(t('Notfallplan', 'Emergency plan'), x.emergencyPlan);
    for (const m of s.machines) {
      const name = m.computerName?.value ?? m.id;
      r.add(`${name}: ${tr(t('Virenschutz', 'antivirus'), lang)}`, m.antivirus, (v) =>
        [
          v.product,
          v.enabled ? tr(t('aktiv', 'enabled'), lang) : tr(t('inaktiv', 'disabled'), lang),
          v.upToDate === false ? tr(t('veraltet', 'outdated'), lang) : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
      ).add(`${name}: ${tr(t('ausstehende Updates', 'pending updates'), lang)}`, m.pendingUpdates, (v) =>
        String(v),
      );
    }
    return r.rows;
  },
  backup: (s, lang) => {
    const b = s.backup;
    const r = new Rows(lang);
    r.add(t('Sicherungsgerät', 'Backup device'), b.details.device)
      .add(t('Software', 'Software'), b.details.software)
      .add(t('Medium', 'Medium'), b.details.medium)
      .add(
        t('Verschlüsselung vor Ort / extern', 'Encryption on-site / off-site'),
        b.details.encryptionOnsite,
        (v) => `${formatValue(v, lang)} / ${formatValue(b.details.encryptionOffsite?.value, lang)}`,
      )
      .add(t('Art der Sicherung', 'Backup kind'), b.settings.kind)
      .add(t('Wochentage', 'Weekdays'), b.settings.weekdays)
      .add(t('Start', 'Start'), b.settings.start)
      .add(t('Überwachung', 'Monitoring'), b.settings.monitoring)
      .add(
        t('Kopien / Medientypen', 'Copies / media types'),
        b.copies,
        (v) => `${v} / ${b.mediaTypes?.value ?? '–'}`,
      )
      .add(t('Kopie außer Haus', 'Off-site copy'), b.offsiteCopy)
      .add(t('Letzte erfolgreiche Sicherung', 'Last successful backup'), b.lastSuccessfulBackup)
      .add(t('Testrücksicherung', 'Test restore'), b.test.result, (v) =>
        [v, b.test.reasonNotPossible?.value].filter(Boolean).join(': '),
      )
      .add(t('Eingewiesene Personen', 'Instructed persons'), b.instruction.persons);
    return r.rows;
  },
  quick_checks: (s, lang) =>
    new Rows(lang).add(t('Gemeldete Symptome', 'Reported symptoms'), s.diagnostics.reportedSymptoms).rows,
};

/** The recorded values of one area, in sheet order. */
export function factsOf(area: AuditArea, sheet: AuditSheet, lang: DocLang): FactRow[] {
  return AREA_FACTS[area]?.(sheet, lang) ?? [];
}
