import type { AuditArea } from '@praxisready/model';

/** One editable value of the audit sheet: its dotted path (the server's PATCH path) and how to edit it. */
export interface FieldSpec {
  path: string;
  label: { de: string; en: string };
  kind: 'text' | 'number' | 'bool' | 'tri' | 'date' | 'choice';
  /** The allowed values of a `choice` field (the model's enum), with their labels. */
  options?: { value: string; label: { de: string; en: string } }[];
}

export interface SectionSpec {
  /** Tab key; the area when a section has no own id. */
  id?: string;
  /** Heading when the section is not a whole area (e.g. the practice profile); else the area's label. */
  title?: { de: string; en: string };
  /** The findings area whose score is shown beside the section. */
  area: AuditArea;
  fields: FieldSpec[];
}

export const sectionId = (s: SectionSpec): string => s.id ?? s.area;

const f = (path: string, kind: FieldSpec['kind'], de: string, en: string): FieldSpec => ({
  path,
  kind,
  label: { de, en },
});

const o = (value: string, de: string, en: string) => ({ value, label: { de, en } });
const choice = (path: string, de: string, en: string, options: FieldSpec['options']): FieldSpec => ({
  ...f(path, 'choice', de, en),
  options,
});

/** The sections the editor shows, in the order of the audit sheet (seed 000 step 4). Declarative: add a row here. */
export const SECTIONS: SectionSpec[] = [
  {
    area: 'ti',
    fields: [
      choice('ti.connection', 'TI-Anbindung', 'TI connection', [
        o('konnektor', 'Konnektor in der Praxis', 'Konnektor on site'),
        o('ti_gateway', 'TI-Gateway', 'TI-Gateway'),
        o('hosted_konnektor', 'Gehosteter Konnektor', 'Hosted Konnektor'),
        o('none', 'Keine', 'None'),
      ]),
      f('ti.konnektor.host', 'text', 'Konnektor-Host/IP', 'Konnektor host/IP'),
      f('ti.konnektor.port', 'number', 'Konnektor-Port', 'Konnektor port'),
      f('ti.konnektor.reachable443', 'bool', 'Port 443 erreichbar', 'Port 443 reachable'),
      f('ti.context.mandantId', 'text', 'Mandant-ID', 'Mandant-ID'),
      f('ti.context.clientSystemId', 'text', 'Client-System-ID', 'Client-System-ID'),
      f('ti.context.standort', 'text', 'Standort', 'Standort'),
      f('ti.kim.clientModuleInstalled', 'bool', 'KIM-Clientmodul installiert', 'KIM client module installed'),
    ],
  },
  {
    // The profile decides the KBV size class and Anlagen 4/5, so its score is the KBV one.
    id: 'profile',
    title: { de: 'Praxisprofil (Vorab-Info)', en: 'Practice profile (pre-information)' },
    area: 'kbv',
    fields: [
      f('profile.doctors', 'number', 'Anzahl Ärztinnen/Ärzte', 'Doctors'),
      f('profile.workplaceCount', 'number', 'Anzahl Arbeitsplätze', 'Workplaces'),
      f(
        'profile.staffInDataProcessing',
        'number',
        'Personen ständig mit Datenverarbeitung betraut',
        'Staff permanently in data processing',
      ),
      f(
        'profile.extensiveDataProcessing',
        'tri',
        'Datenverarbeitung über das übliche Maß hinaus',
        'Data processing beyond the usual scope',
      ),
      f(
        'profile.largeMedicalDevices',
        'tri',
        'Medizinische Großgeräte (Anlage 4)',
        'Large medical devices (annex 4)',
      ),
      f(
        'profile.decentralTiComponents',
        'tri',
        'Dezentrale TI-Komponenten (Anlage 5)',
        'Decentral TI components (annex 5)',
      ),
      f('profile.doctolib', 'bool', 'Doctolib im Einsatz', 'Uses Doctolib'),
    ],
  },
  {
    area: 'ti_gateway',
    fields: [
      f('ti.tiGatewayMigration.required', 'bool', 'Migration erforderlich', 'Migration required'),
      f(
        'ti.tiGatewayMigration.twoFactorAppRegistered',
        'bool',
        '2-Faktor-App registriert',
        'Two-factor app registered',
      ),
      f('ti.tiGatewayMigration.contactPerson', 'text', 'Ansprechperson', 'Contact person'),
      f(
        'ti.tiGatewayMigration.adminPasswords.windows',
        'bool',
        'Admin-Passwort Windows',
        'Admin password Windows',
      ),
      f('ti.tiGatewayMigration.adminPasswords.pvs', 'bool', 'Admin-Passwort PVS', 'Admin password PVS'),
      f(
        'ti.tiGatewayMigration.adminPasswords.tiGateway',
        'bool',
        'Admin-Passwort TI-Gateway',
        'Admin password TI-Gateway',
      ),
      f(
        'ti.tiGatewayMigration.adminPasswords.firewall',
        'bool',
        'Admin-Passwort Firewall',
        'Admin password firewall',
      ),
      f(
        'ti.tiGatewayMigration.adminPasswords.router',
        'bool',
        'Admin-Passwort Router',
        'Admin password router',
      ),
      f(
        'ti.tiGatewayMigration.ownDhcpServerKnown',
        'tri',
        'Eigener DHCP-Server bekannt',
        'Own DHCP server known',
      ),
      f(
        'ti.tiGatewayMigration.firewallPortsOpened',
        'bool',
        'Firewall-Ports freigegeben',
        'Firewall ports opened',
      ),
      f(
        'ti.tiGatewayMigration.vpnBoxDeliveryChecked',
        'bool',
        'Lieferung VPN-Box geprüft',
        'VPN box delivery checked',
      ),
      f('ti.tiGatewayMigration.kimMailsFetched', 'bool', 'KIM-Mails abgerufen', 'KIM mails fetched'),
      f('ti.tiGatewayMigration.appointment', 'date', 'Umstellungstermin', 'Migration appointment'),
      f(
        'ti.tiGatewayMigration.oldKonnektorDecommissioned',
        'bool',
        'Alter Konnektor außer Betrieb',
        'Old Konnektor decommissioned',
      ),
      f(
        'ti.tiGatewayMigration.oldKonnektorReturned',
        'bool',
        'Alter Konnektor zurückgesendet',
        'Old Konnektor returned',
      ),
    ],
  },
  // Device lists: no scalar fields, their tables (sheet/tables.ts) show what the probe and the audit filled.
  { area: 'gdt', fields: [] },
  { area: 'mobile_card_terminals', fields: [] },
  { area: 'direct_print', fields: [] },
  {
    area: 'network',
    fields: [
      f('network.gateway', 'text', 'Gateway', 'Gateway'),
      f('network.dhcpServer', 'text', 'DHCP-Server', 'DHCP server'),
      f('network.guestSeparated', 'tri', 'Gastnetz getrennt', 'Guest network separated'),
      f('network.firewallProduct', 'text', 'Firewall-Produkt', 'Firewall product'),
      f('network.remoteVpn', 'bool', 'Fernzugriff per VPN', 'Remote VPN'),
      f('network.internetDownMbit', 'number', 'Internet Download (Mbit/s)', 'Internet download (Mbit/s)'),
      f('network.internetUpMbit', 'number', 'Internet Upload (Mbit/s)', 'Internet upload (Mbit/s)'),
    ],
  },
  {
    area: 'pvs',
    fields: [
      f('pvs.productName', 'text', 'PVS-Produkt', 'PVS product'),
      f('pvs.version', 'text', 'PVS-Version', 'PVS version'),
    ],
  },
  { area: 'system_requirements', fields: [] },
  { area: 'peripherals', fields: [] },
  {
    area: 'it_security',
    fields: [
      f('security.updatesManaged', 'bool', 'Updates zentral verwaltet', 'Updates managed'),
      f('security.avCentrallyManaged', 'bool', 'Virenschutz zentral verwaltet', 'AV centrally managed'),
      f('security.individualUserAccounts', 'bool', 'Persönliche Benutzerkonten', 'Individual user accounts'),
      f('security.adminAccountsSeparated', 'bool', 'Admin-Konten getrennt', 'Admin accounts separated'),
      f('security.loggingEnabled', 'bool', 'Protokollierung aktiv', 'Logging enabled'),
      f('security.emergencyPlan', 'bool', 'Notfallplan vorhanden', 'Emergency plan'),
      f('security.passwordPolicy', 'bool', 'Passwortrichtlinie', 'Password policy'),
      f('security.mfaRemoteAccess', 'tri', 'MFA für Fernzugriff', 'MFA for remote access'),
      f('security.staffAwarenessTraining', 'bool', 'Mitarbeiterschulung', 'Staff awareness training'),
    ],
  },
  {
    area: 'backup',
    fields: [
      f('backup.copies', 'number', 'Anzahl Sicherungskopien', 'Backup copies'),
      f('backup.mediaTypes', 'number', 'Anzahl Medientypen', 'Media types'),
      f('backup.offsiteCopy', 'bool', 'Kopie außer Haus', 'Off-site copy'),
      f('backup.lastSuccessfulBackup', 'date', 'Letzte erfolgreiche Sicherung', 'Last successful backup'),
      // Seed 004 Datensicherungsprotokoll: Angaben zur Datensicherung.
      f('backup.details.device', 'text', 'Sicherungsgerät', 'Backup device'),
      f('backup.details.software', 'text', 'Sicherungssoftware', 'Backup software'),
      f('backup.details.medium', 'text', 'Sicherungsmedium', 'Backup medium'),
      f('backup.details.mediaCount', 'number', 'Anzahl Medien', 'Number of media'),
      f('backup.details.encryptionOffsite', 'bool', 'Verschlüsselung außer Haus', 'Encryption off-site'),
      f('backup.details.encryptionOnsite', 'bool', 'Verschlüsselung im Haus', 'Encryption on-site'),
      f(
        'backup.details.encryptionPasswordDeposited',
        'bool',
        'Verschlüsselungspasswort hinterlegt',
        'Encryption password deposited',
      ),
      f(
        'backup.details.practiceDeclinesEncryption',
        'bool',
        'Praxis lehnt Verschlüsselung ab',
        'Practice declines encryption',
      ),
      // Datensicherungseinstellungen.
      choice('backup.settings.kind', 'Art der Sicherung', 'Backup kind', [
        o('file', 'Dateisicherung', 'File backup'),
        o('image', 'Image-Sicherung', 'Image backup'),
        o('file_and_image', 'Datei- und Image-Sicherung', 'File and image backup'),
      ]),
      f('backup.settings.start', 'text', 'Startzeit (HH:MM oder manual)', 'Start time (HH:MM or manual)'),
      choice('backup.settings.protocol', 'Protokollierung', 'Protocol', [
        o('backup_software_log', 'Protokoll der Sicherungssoftware', 'Backup software log'),
        o('other', 'Sonstiges', 'Other'),
      ]),
      f('backup.settings.monitoring', 'bool', 'Überwachung eingerichtet', 'Monitoring set up'),
      // Testdatensicherung.
      choice('backup.test.result', 'Testdatensicherung', 'Test backup', [
        o('success', 'Erfolgreich', 'Successful'),
        o('not_possible', 'Nicht möglich', 'Not possible'),
        o('not_wanted', 'Nicht gewünscht', 'Not wanted'),
      ]),
      f('backup.test.reasonNotPossible', 'text', 'Grund (nicht möglich)', 'Reason (not possible)'),
      f('backup.test.restoreVerified', 'bool', 'Wiederherstellung geprüft', 'Restore verified'),
      f('backup.test.date', 'date', 'Datum Testdatensicherung', 'Test backup date'),
      // Einweisung.
      f('backup.instruction.confirmed', 'bool', 'Einweisung bestätigt', 'Instruction confirmed'),
      f('backup.instruction.date', 'date', 'Datum der Einweisung', 'Instruction date'),
    ],
  },
];

/** Reads a value at a dotted path of plain objects (array items by `[id]` are not needed by SECTIONS). */
export function getAtPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) {
      return undefined;
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Returns a copy of `root` with `value` at the dotted path, creating objects on the way. */
export function withValueAt(
  root: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const keys = path.split('.');
  const copy: Record<string, unknown> = { ...root };
  let node = copy;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    const child = node[key];
    const next = typeof child === 'object' && child !== null ? { ...(child as Record<string, unknown>) } : {};
    node[key] = next;
    node = next;
  });
  return copy;
}

/** Turns an input's text into the typed value of the field; `undefined` clears it. */
export function parseInput(kind: FieldSpec['kind'], raw: string): unknown {
  if (raw === '') {
    return undefined;
  }
  if (kind === 'number') {
    const n = Number(raw.replace(',', '.'));
    return Number.isFinite(n) ? n : undefined;
  }
  if (kind === 'bool') {
    return raw === 'true';
  }
  return raw;
}

export function inputValue(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}
