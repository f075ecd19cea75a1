import {
  o,
  type ObservationsField,
  type Option,
  type ScalarField,
  type SectionSpec,
  type ValueKind,
} from './spec.ts';
import { CHECKLIST_FIELDS, ZIELOBJEKT_FIELDS } from './checklists.ts';
import { LIST_FIELDS } from './lists.ts';
import { MEASURED_FIELDS } from './measured.ts';
import { TABLE_FIELDS } from './tables.ts';

export * from './spec.ts';

const f = (path: string, kind: ValueKind, de: string, en: string): ScalarField => ({
  path,
  kind,
  label: { de, en },
});

const choice = (path: string, de: string, en: string, options: Option[]): ScalarField => ({
  ...f(path, 'choice', de, en),
  options,
});

/** Every section ends with the technician's notes for its area (the sheet's `observations`). */
const observations = (section: SectionSpec): SectionSpec => {
  const notes: ObservationsField = {
    kind: 'observations',
    path: 'observations',
    label: { de: 'Beobachtungen', en: 'Observations' },
    area: section.area,
  };
  return { ...section, fields: [...section.fields, notes] };
};

/** The sections of the audit sheet (seed 000 step 4), before the observations are added to each. */
const SHEET_SECTIONS: SectionSpec[] = [
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
      LIST_FIELDS.workplaceIds,
      TABLE_FIELDS.workplaces,
      TABLE_FIELDS.terminals,
      TABLE_FIELDS.cards,
      ...MEASURED_FIELDS.ti,
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
  { area: 'gdt', fields: [TABLE_FIELDS.gdtDevices, ...MEASURED_FIELDS.gdt] },
  { area: 'mobile_card_terminals', fields: [TABLE_FIELDS.mobileCardTerminals] },
  {
    area: 'direct_print',
    fields: [TABLE_FIELDS.printers, LIST_FIELDS.requiredDocumentTypes, TABLE_FIELDS.printProfiles],
  },
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
      LIST_FIELDS.dnsServers,
      TABLE_FIELDS.subnets,
      TABLE_FIELDS.portChecks,
    ],
  },
  {
    area: 'pvs',
    fields: [
      f('pvs.productName', 'text', 'PVS-Produkt', 'PVS product'),
      f('pvs.version', 'text', 'PVS-Version', 'PVS version'),
      LIST_FIELDS.pvsDataPaths,
      ...MEASURED_FIELDS.pvs,
    ],
  },
  { area: 'system_requirements', fields: [TABLE_FIELDS.machines] },
  { area: 'peripherals', fields: [TABLE_FIELDS.peripherals] },
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
      LIST_FIELDS.backupWeekdays,
      f('backup.settings.start', 'text', 'Startzeit (HH:MM oder manual)', 'Start time (HH:MM or manual)'),
      choice('backup.settings.protocol', 'Protokollierung', 'Protocol', [
        o('backup_software_log', 'Protokoll der Sicherungssoftware', 'Backup software log'),
        o('other', 'Sonstiges', 'Other'),
      ]),
      f('backup.settings.monitoring', 'bool', 'Überwachung eingerichtet', 'Monitoring set up'),
      // Datensicherungsinhalt.
      LIST_FIELDS.backupPaths,
      LIST_FIELDS.sqlDatabases,
      f('backup.content.sqlPluginPresent', 'bool', 'SQL-Plugin vorhanden', 'SQL plug-in present'),
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
      LIST_FIELDS.instructedPersons,
      f('backup.instruction.confirmed', 'bool', 'Einweisung bestätigt', 'Instruction confirmed'),
      f('backup.instruction.date', 'date', 'Datum der Einweisung', 'Instruction date'),
    ],
  },
  {
    area: 'kbv',
    fields: [...ZIELOBJEKT_FIELDS, CHECKLIST_FIELDS.kbv],
  },
  { area: 'operations', fields: [CHECKLIST_FIELDS.operations] },
  { area: 'quick_checks', fields: [LIST_FIELDS.symptoms] },
];

/** The sections the editor shows, in the order of the audit sheet. Declarative: add a row above. */
export const SECTIONS: SectionSpec[] = SHEET_SECTIONS.map(observations);

/** Turns an input's text into the typed value of the field; `undefined` clears it. */
export function parseInput(kind: ValueKind, raw: string): unknown {
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
