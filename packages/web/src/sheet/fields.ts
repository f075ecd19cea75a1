import type { AuditArea } from '@praxisready/model';

/** One editable value of the audit sheet: its dotted path (the server's PATCH path) and how to edit it. */
export interface FieldSpec {
  path: string;
  label: { de: string; en: string };
  kind: 'text' | 'number' | 'bool' | 'tri' | 'date';
}

export interface SectionSpec {
  /** The findings area whose score is shown beside the section. */
  area: AuditArea;
  fields: FieldSpec[];
}

const f = (path: string, kind: FieldSpec['kind'], de: string, en: string): FieldSpec => ({
  path,
  kind,
  label: { de, en },
});

/** The sections the editor shows, in the order of the audit sheet (seed 000 step 4). Declarative: add a row here. */
export const SECTIONS: SectionSpec[] = [
  {
    area: 'ti',
    fields: [
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
  {
    area: 'it_security',
    fields: [
      f('security.updatesManaged', 'bool', 'Updates zentral verwaltet', 'Updates managed'),
      f('security.avCentrallyManaged', 'bool', 'Virenschutz zentral verwaltet', 'AV centrally managed'),
      f('security.individualUserAccounts', 'bool', 'Persönliche Benutzerkonten', 'Individual user accounts'),
      f('security.adminAccountsSeparated', 'bool', 'Admin-Konten getrennt', 'Admin accounts separated'),
      f('security.loggingEnabled', 'bool', 'Protokollierung aktiv', 'Logging enabled'),
      f('security.emergencyPlan', 'bool', 'Notfallplan vorhanden', 'Emergency plan'),
    ],
  },
  {
    area: 'backup',
    fields: [
      f('backup.copies', 'number', 'Anzahl Sicherungskopien', 'Backup copies'),
      f('backup.mediaTypes', 'number', 'Anzahl Medientypen', 'Media types'),
      f('backup.offsiteCopy', 'bool', 'Kopie außer Haus', 'Off-site copy'),
      f('backup.lastSuccessfulBackup', 'date', 'Letzte erfolgreiche Sicherung', 'Last successful backup'),
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
