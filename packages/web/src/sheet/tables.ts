import {
  o,
  type ColumnSpec,
  type Label,
  type Option,
  type PartSpec,
  type TableField,
  type ValueKind,
} from './spec.ts';
import { DOCUMENT_TYPES } from './lists.ts';

type ColumnExtra = Omit<Partial<ColumnSpec>, 'path' | 'label' | 'kind'>;
const c = (path: string, kind: ColumnSpec['kind'], de: string, en: string, extra: ColumnExtra = {}) =>
  ({ path, kind, label: { de, en }, ...extra }) satisfies ColumnSpec;
const pick = (path: string, de: string, en: string, options: Option[], extra: ColumnExtra = {}) =>
  c(path, 'choice' satisfies ValueKind, de, en, { options, ...extra });

/** Free space of the data drive, or of all disks when none is marked as the data drive. */
export function diskFree(value: unknown): string {
  if (!Array.isArray(value)) {
    return '';
  }
  const disks = value as { mount: string; freeGb: number; isDataDrive?: boolean }[];
  const shown = disks.some((d) => d.isDataDrive) ? disks.filter((d) => d.isDataDrive) : disks;
  return shown.map((d) => `${d.mount} ${Math.round(d.freeGb)} GB`).join(', ');
}

type PartExtra = Omit<Partial<PartSpec>, 'key' | 'label' | 'kind'>;
const part = (key: string, kind: ValueKind, de: string, en: string, extra: PartExtra = {}): PartSpec => ({
  key,
  kind,
  label: { de, en },
  ...extra,
});

const DISK_KIND = [o('ssd', 'SSD', 'SSD'), o('hdd', 'HDD', 'HDD'), o('unknown', 'Unbekannt', 'Unknown')];
const AV_KIND = [o('av', 'Virenschutz', 'Antivirus'), o('edr', 'EDR', 'EDR')];
const BITNESS = [o('32', '32 Bit', '32-bit'), o('64', '64 Bit', '64-bit')];

/** The model's `DiskSchema`: entered by hand for the server the probe did not run on. */
export const DISK_PARTS: PartSpec[] = [
  part('mount', 'text', 'Laufwerk', 'Drive', { required: true, initial: '' }),
  part('sizeGb', 'number', 'Größe (GB)', 'Size (GB)', { required: true }),
  part('freeGb', 'number', 'Frei (GB)', 'Free (GB)', { required: true }),
  part('kind', 'choice', 'Art', 'Type', { options: DISK_KIND, required: true, initial: 'unknown' }),
  part('isDataDrive', 'bool', 'Datenlaufwerk', 'Data drive'),
];

const OS_FAMILY = [
  o('windows', 'Windows', 'Windows'),
  o('macos', 'macOS', 'macOS'),
  o('linux', 'Linux', 'Linux'),
  o('other', 'Sonstiges', 'Other'),
];
const CPU_ARCH = [
  o('x64', 'x64', 'x64'),
  o('x86', 'x86', 'x86'),
  o('arm64', 'ARM64', 'ARM64'),
  o('other', 'Sonstige', 'Other'),
];
const MACHINE_ROLE = [
  o('workstation', 'Arbeitsplatz', 'Workstation'),
  o('server', 'Server', 'Server'),
  o('terminal_server', 'Terminalserver', 'Terminal server'),
  o('laptop', 'Notebook', 'Laptop'),
];
const PIN_STATUS = ['VERIFIED', 'TRANSPORT_PIN', 'EMPTY_PIN', 'BLOCKED', 'VERIFIABLE', 'DISABLED'].map((v) =>
  o(v, v, v),
);
const CARD_TYPE = ['SMC-B', 'HBA', 'SMC-KT', 'SM-B', 'EGK', 'KVK', 'UNKNOWN'].map((v) => o(v, v, v));
const DEVICE_KIND = [
  o('printer', 'Drucker', 'Printer'),
  o('scanner', 'Scanner', 'Scanner'),
  o('card_terminal', 'Kartenterminal', 'Card terminal'),
  o('mobile_card_terminal', 'Mobiles Kartenterminal', 'Mobile card terminal'),
  o('ec_terminal', 'EC-Terminal', 'EC terminal'),
  o('lab_device', 'Laborgerät', 'Lab device'),
  o('diagnostic_device', 'Diagnosegerät', 'Diagnostic device'),
  o('large_medical_device', 'Medizinisches Großgerät', 'Large medical device'),
  o('konnektor', 'Konnektor', 'Konnektor'),
  o('router', 'Router', 'Router'),
  o('firewall', 'Firewall', 'Firewall'),
  o('switch', 'Switch', 'Switch'),
  o('nas', 'NAS', 'NAS'),
  o('ups', 'USV', 'UPS'),
  o('other', 'Sonstiges', 'Other'),
];
const CONNECTION = [
  o('usb', 'USB', 'USB'),
  o('network', 'Netzwerk', 'Network'),
  o('serial', 'Seriell', 'Serial'),
  o('gdt', 'GDT', 'GDT'),
  o('bluetooth', 'Bluetooth', 'Bluetooth'),
  o('other', 'Sonstige', 'Other'),
];
const GDT_VERSION = [o('02.10', '2.10', '2.10'), o('03.00', '3.0', '3.0'), o('other', 'Andere', 'Other')];
const GDT_CHARSET = [
  o('7bit', '7 Bit (1)', '7 bit (1)'),
  o('cp437', 'IBM CP437 (2)', 'IBM CP437 (2)'),
  o('iso-8859-1', 'ISO 8859-1 (3)', 'ISO 8859-1 (3)'),
  o('utf8', 'UTF-8', 'UTF-8'),
];
const BITLOCKER = [
  o('on', 'An', 'On'),
  o('off', 'Aus', 'Off'),
  o('partial', 'Teilweise', 'Partial'),
  o('unsupported', 'Nicht unterstützt', 'Unsupported'),
];

const SUBNET_PURPOSE = [
  o('medical', 'Praxisnetz', 'Medical network'),
  o('guest', 'Gastnetz', 'Guest network'),
  o('management', 'Verwaltung', 'Management'),
  o('ti', 'TI', 'TI'),
  o('voip', 'Telefonie (VoIP)', 'VoIP'),
  o('devices', 'Geräte', 'Devices'),
  o('other', 'Sonstiges', 'Other'),
];
const PROTOCOL = [o('tcp', 'TCP', 'TCP'), o('udp', 'UDP', 'UDP')];
const PORT_STATE = [
  o('open', 'offen', 'open'),
  o('closed', 'geschlossen', 'closed'),
  o('filtered', 'gefiltert', 'filtered'),
  o('unknown', 'unbekannt', 'unknown'),
];

/** The printers of the edited sheet, for the print profiles' printer choice. */
export function printerOptions(sheet: unknown): Option[] {
  const printers = (sheet as { print?: { printers?: unknown } } | undefined)?.print?.printers;
  if (!Array.isArray(printers)) {
    return [];
  }
  return (printers as { id: string; name?: { value?: unknown } }[]).map((p) => {
    const name = typeof p.name?.value === 'string' && p.name.value !== '' ? p.name.value : p.id;
    return { value: p.id, label: { de: name, en: name } };
  });
}

const table = (
  path: string,
  label: Label,
  store: TableField['store'],
  titleColumn: string,
  columns: ColumnSpec[],
  idPrefix?: string,
): TableField => ({
  kind: 'table',
  path,
  label,
  store,
  titleColumn,
  columns,
  ...(idPrefix ? { idPrefix } : {}),
});

/** The device lists of the sheet with their editable columns (types and enums of the model). */
export const TABLE_FIELDS = {
  workplaces: table(
    'workplaces',
    { de: 'Arbeitsplätze', en: 'Workplaces' },
    'rows',
    'name',
    [
      c('name', 'text', 'Name', 'Name', { initial: '' }),
      c('room', 'text', 'Raum', 'Room'),
      c('tiWorkplaceId', 'text', 'Arbeitsplatz-ID (Konnektor)', 'Workplace id (Konnektor)'),
      c('needsCardTerminal', 'bool', 'Braucht Kartenterminal', 'Needs card terminal'),
    ],
    'ap',
  ),
  terminals: table(
    'ti.terminals',
    { de: 'Kartenterminals', en: 'Card terminals' },
    'sourced',
    'name',
    [
      c('name', 'text', 'Name', 'Name'),
      c('productName', 'text', 'Produkt', 'Product'),
      c('ip', 'text', 'IP', 'IP'),
      c('firmware', 'text', 'Firmware', 'Firmware'),
      c('connected', 'bool', 'Verbunden', 'Connected'),
    ],
    'kt',
  ),
  cards: table('ti.cards', { de: 'Karten', en: 'Cards' }, 'sourced', 'type', [
    pick('type', 'Typ', 'Type', CARD_TYPE, { initial: 'SMC-B' }),
    c('holder', 'text', 'Inhaber', 'Holder'),
    c('terminalId', 'text', 'Terminal', 'Terminal'),
    pick('pinStatus', 'PIN-Status', 'PIN status', PIN_STATUS),
    c('certificateExpiry', 'date', 'Zertifikat gültig bis', 'Certificate expiry'),
  ]),
  machines: table(
    'machines',
    { de: 'Rechner', en: 'Computers' },
    'rows',
    'computerName',
    [
      c('computerName', 'text', 'Computername', 'Computer name'),
      pick('role', 'Rolle', 'Role', MACHINE_ROLE, { initial: 'workstation' }),
      pick('os.family', 'OS-Familie', 'OS family', OS_FAMILY),
      c('os.name', 'text', 'Betriebssystem', 'Operating system'),
      c('os.edition', 'text', 'Edition', 'Edition'),
      c('os.version', 'text', 'Version', 'Version'),
      pick('os.arch', 'Architektur', 'Architecture', CPU_ARCH),
      c('cpu.model', 'text', 'CPU', 'CPU'),
      c('cpu.clockGhz', 'number', 'Takt (GHz)', 'Clock (GHz)'),
      c('ramGb', 'number', 'RAM (GB)', 'RAM (GB)'),
      c('disks', 'items', 'Festplatten', 'Disks', {
        parts: DISK_PARTS,
        summary: { label: { de: 'Freier Speicher', en: 'Disk free' }, format: diskFree },
      }),
      c('nicSpeedMbit', 'number', 'Netzwerkkarte (Mbit/s)', 'Network card (Mbit/s)'),
      c('ups', 'bool', 'USV', 'UPS'),
      c('firewallEnabled', 'bool', 'Firewall aktiv', 'Firewall enabled'),
      pick('bitlocker', 'BitLocker', 'BitLocker', BITLOCKER),
      c('pendingUpdates', 'number', 'Ausstehende Updates', 'Pending updates'),
      c('lastUpdateInstalled', 'date', 'Letztes Update', 'Last update'),
      c('dotnetVersions', 'strings', '.NET-Versionen', '.NET versions'),
      c('office', 'object', 'Office', 'Office', {
        parts: [
          part('product', 'text', 'Produkt', 'Product', { required: true }),
          part('wordVersion', 'text', 'Word-Version', 'Word version'),
          part('bitness', 'choice', 'Bitness', 'Bitness', { options: BITNESS, numeric: true }),
        ],
      }),
      c('antivirus', 'object', 'Virenschutz', 'Antivirus', {
        parts: [
          part('product', 'text', 'Produkt', 'Product', { required: true }),
          part('enabled', 'bool', 'Aktiv', 'Enabled', { required: true }),
          part('upToDate', 'bool', 'Aktuell', 'Up to date'),
          part('kind', 'choice', 'Art', 'Kind', { options: AV_KIND }),
        ],
      }),
      c('backupSoftware', 'strings', 'Sicherungssoftware', 'Backup software'),
      c('pvsInstalled', 'items', 'Installierte PVS-Software', 'Installed PVS software', {
        parts: [
          part('product', 'text', 'Produkt', 'Product', { required: true, initial: '' }),
          part('version', 'text', 'Version', 'Version'),
        ],
      }),
      c('display', 'object', 'Bildschirmauflösung', 'Display resolution', {
        parts: [
          part('width', 'number', 'Breite (px)', 'Width (px)', { required: true }),
          part('height', 'number', 'Höhe (px)', 'Height (px)', { required: true }),
        ],
      }),
    ],
    'pc',
  ),
  gdtDevices: table(
    'gdt.devices',
    { de: 'GDT-Geräte', en: 'GDT devices' },
    'rows',
    'name',
    [
      c('name', 'text', 'Name', 'Name'),
      c('deviceType', 'text', 'Geräteart', 'Device type'),
      pick('gdtVersion', 'GDT-Version', 'GDT version', GDT_VERSION),
      c('receiverId', 'text', 'Empfänger-ID (8315)', 'Receiver id (8315)'),
      c('senderId', 'text', 'Sender-ID (8316)', 'Sender id (8316)'),
      c('export.folder', 'text', 'Exportordner', 'Export folder'),
      c('export.fileName', 'text', 'Exportdatei', 'Export file'),
      c('import.folder', 'text', 'Importordner', 'Import folder'),
      c('import.fileName', 'text', 'Importdatei', 'Import file'),
      c('import.syncFolderConfigured', 'bool', 'Sync-Ordner (DDV)', 'Sync folder (DDV)'),
      pick('charsetConfigured', 'Zeichensatz', 'Charset', GDT_CHARSET),
      c('examinationCode', 'text', 'Untersuchungscode (8402)', 'Examination code (8402)'),
    ],
    'gdt',
  ),
  mobileCardTerminals: table(
    'mobileCardTerminals',
    { de: 'Mobile Kartenterminals', en: 'Mobile card terminals' },
    'rows',
    'model',
    [
      c('model', 'text', 'Modell', 'Model', { initial: '' }),
      c('hostComputer', 'text', 'Rechner', 'Computer'),
      pick('hostOs', 'Betriebssystem', 'OS', OS_FAMILY),
      pick('hostArch', 'Architektur', 'Architecture', CPU_ARCH),
      c('driverPath', 'text', 'Treiberpfad', 'Driver path'),
      c('driverInstalled', 'bool', 'Treiber installiert', 'Driver installed'),
      c('localComponentConfigured', 'bool', 'Lokale Komponente (DDV)', 'Local component (DDV)'),
    ],
    'mkt',
  ),
  printers: table(
    'print.printers',
    { de: 'Drucker', en: 'Printers' },
    'rows',
    'name',
    [
      c('name', 'text', 'Name', 'Name'),
      c('host', 'text', 'Host', 'Host'),
      c('makeAndModel', 'text', 'Modell', 'Model'),
      c('reachable', 'bool', 'Erreichbar', 'Reachable'),
      c('ippSupported', 'bool', 'IPP', 'IPP'),
      c('pdfSupported', 'bool', 'PDF-Druck', 'PDF printing'),
      c('resolutionsDpi', 'numbers', 'Auflösungen (dpi)', 'Resolutions (dpi)'),
      c('trays', 'strings', 'Schächte', 'Trays'),
    ],
    'dr',
  ),
  printProfiles: table(
    'print.profiles',
    { de: 'Druckprofile je Dokumenttyp', en: 'Print profiles per document type' },
    'plain',
    'documentType',
    [
      pick('documentType', 'Dokumenttyp', 'Document type', DOCUMENT_TYPES, { raw: true, initial: 'AU' }),
      c('printerId', 'choice', 'Drucker', 'Printer', { options: printerOptions, initial: '' }),
      c('tray', 'text', 'Schacht', 'Tray'),
    ],
  ),
  peripherals: table(
    'peripherals',
    { de: 'Geräte', en: 'Devices' },
    'rows',
    'name',
    [
      pick('kind', 'Art', 'Kind', DEVICE_KIND, { raw: true, initial: 'other' }),
      c('name', 'text', 'Name', 'Name', { initial: '' }),
      c('manufacturer', 'text', 'Hersteller', 'Manufacturer'),
      c('model', 'text', 'Modell', 'Model'),
      c('location', 'text', 'Standort', 'Location'),
      pick('connection', 'Anbindung', 'Connection', CONNECTION),
      c('ip', 'text', 'IP', 'IP'),
      c('approvedForOs', 'tri', 'Für das Betriebssystem freigegeben', 'Approved for the OS'),
    ],
    'ge',
  ),
  subnets: table('network.subnets', { de: 'Subnetze / VLANs', en: 'Subnets / VLANs' }, 'sourced', 'cidr', [
    c('cidr', 'text', 'Netz (CIDR)', 'Network (CIDR)', { initial: '' }),
    c('vlanId', 'number', 'VLAN-ID', 'VLAN id'),
    pick('purpose', 'Zweck', 'Purpose', SUBNET_PURPOSE, { initial: 'other' }),
    c('name', 'text', 'Name', 'Name'),
  ]),
  portChecks: table('network.portChecks', { de: 'Portprüfungen', en: 'Port checks' }, 'sourced', 'host', [
    c('host', 'text', 'Host', 'Host', { initial: '' }),
    c('port', 'number', 'Port', 'Port', { initial: 443 }),
    pick('protocol', 'Protokoll', 'Protocol', PROTOCOL, { initial: 'tcp' }),
    pick('state', 'Zustand', 'State', PORT_STATE, { initial: 'unknown' }),
    c('role', 'text', 'Rolle des Hosts', 'Role of the host'),
  ]),
} as const satisfies Record<string, TableField>;
