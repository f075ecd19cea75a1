import type { AuditArea } from '@praxisready/model';

type Label = { de: string; en: string };

/** One column of a device table: a dotted path inside one row, optionally formatted (e.g. disks → free GB). */
export interface ColumnSpec {
  path: string;
  label: Label;
  format?: (value: unknown) => string;
}

/**
 * A list section of the audit sheet shown read-only. `path` is either a plain array of rows whose values are
 * sourced one by one (machines, printers) or one sourced array (Konnektor terminals and cards).
 */
export interface TableSpec {
  path: string;
  label: Label;
  columns: ColumnSpec[];
}

const c = (path: string, de: string, en: string, format?: ColumnSpec['format']): ColumnSpec =>
  format ? { path, label: { de, en }, format } : { path, label: { de, en } };

/** Free space of the data drive, or of all disks when none is marked as the data drive. */
export function diskFree(value: unknown): string {
  if (!Array.isArray(value)) {
    return '';
  }
  const disks = value as { mount: string; freeGb: number; isDataDrive?: boolean }[];
  const shown = disks.some((d) => d.isDataDrive) ? disks.filter((d) => d.isDataDrive) : disks;
  return shown.map((d) => `${d.mount} ${Math.round(d.freeGb)} GB`).join(', ');
}

/** Tables per area, in the order the section shows them. */
export const TABLES: Partial<Record<AuditArea, TableSpec[]>> = {
  ti: [
    {
      path: 'ti.terminals',
      label: { de: 'Kartenterminals', en: 'Card terminals' },
      columns: [
        c('name', 'Name', 'Name'),
        c('productName', 'Produkt', 'Product'),
        c('ip', 'IP', 'IP'),
        c('firmware', 'Firmware', 'Firmware'),
        c('connected', 'Verbunden', 'Connected'),
      ],
    },
    {
      path: 'ti.cards',
      label: { de: 'Karten', en: 'Cards' },
      columns: [
        c('type', 'Typ', 'Type'),
        c('holder', 'Inhaber', 'Holder'),
        c('terminalId', 'Terminal', 'Terminal'),
        c('pinStatus', 'PIN-Status', 'PIN status'),
        c('certificateExpiry', 'Zertifikat gültig bis', 'Certificate expiry'),
      ],
    },
  ],
  system_requirements: [
    {
      path: 'machines',
      label: { de: 'Rechner', en: 'Computers' },
      columns: [
        c('computerName', 'Computername', 'Computer name'),
        c('role', 'Rolle', 'Role'),
        c('os.name', 'Betriebssystem', 'Operating system'),
        c('ramGb', 'RAM (GB)', 'RAM (GB)'),
        c('disks', 'Freier Speicher', 'Disk free', diskFree),
        c('cpu.model', 'CPU', 'CPU'),
      ],
    },
  ],
  gdt: [
    {
      path: 'gdt.devices',
      label: { de: 'GDT-Geräte', en: 'GDT devices' },
      columns: [
        c('name', 'Name', 'Name'),
        c('deviceType', 'Geräteart', 'Device type'),
        c('gdtVersion', 'GDT-Version', 'GDT version'),
        c('export.folder', 'Exportordner', 'Export folder'),
        c('import.folder', 'Importordner', 'Import folder'),
        c('charsetConfigured', 'Zeichensatz', 'Charset'),
      ],
    },
  ],
  mobile_card_terminals: [
    {
      path: 'mobileCardTerminals',
      label: { de: 'Mobile Kartenterminals', en: 'Mobile card terminals' },
      columns: [
        c('model', 'Modell', 'Model'),
        c('hostComputer', 'Rechner', 'Computer'),
        c('hostOs', 'Betriebssystem', 'OS'),
        c('hostArch', 'Architektur', 'Architecture'),
        c('driverInstalled', 'Treiber installiert', 'Driver installed'),
      ],
    },
  ],
  direct_print: [
    {
      path: 'print.printers',
      label: { de: 'Drucker', en: 'Printers' },
      columns: [
        c('name', 'Name', 'Name'),
        c('host', 'Host', 'Host'),
        c('makeAndModel', 'Modell', 'Model'),
        c('reachable', 'Erreichbar', 'Reachable'),
        c('pdfSupported', 'PDF-Druck', 'PDF printing'),
      ],
    },
  ],
  peripherals: [
    {
      path: 'peripherals',
      label: { de: 'Geräte', en: 'Devices' },
      columns: [
        c('kind', 'Art', 'Kind'),
        c('name', 'Name', 'Name'),
        c('model', 'Modell', 'Model'),
        c('location', 'Standort', 'Location'),
        c('connection', 'Anbindung', 'Connection'),
      ],
    },
  ],
};
