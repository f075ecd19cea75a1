import type { Label, MeasuredField, Say } from './spec.ts';

/**
 * Values the probe measures that have no editor (the Konnektor's TLS and product, GDT folder audits, the
 * ServiceProvider.ini files): read-only entries summarised in words, so a technician sees them with their source
 * instead of not at all. Each formatter reads the model's shape loosely: a value it cannot read yields '' and the
 * entry is left out rather than shown as raw JSON.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const join = (parts: (string | undefined | false)[]) => parts.filter(Boolean).join(', ');

/** A date or timestamp as a calendar day (12.03.2027); the day of the UTC time, as the probe records it. */
export function day(iso: unknown, say: Say): string | undefined {
  const s = str(iso);
  if (!s) {
    return undefined;
  }
  const d = new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
  return Number.isNaN(d.getTime())
    ? s
    : d.toLocaleDateString(say('de-DE', 'en-GB'), {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        timeZone: 'UTC',
      });
}

/** "cp437 (12), iso-8859-1 (1)": a tally of structural values, most frequent first. */
export function tally(v: unknown): string {
  if (!isObj(v)) {
    return '';
  }
  return Object.entries(v)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} (${n})`)
    .join(', ');
}

const yesNo =
  (yes: Label, no: Label) =>
  (v: unknown, say: Say): string =>
    typeof v === 'boolean' ? (v ? say(yes.de, yes.en) : say(no.de, no.en)) : '';

const text = (v: unknown) => str(v) ?? '';

export function formatTls(v: unknown, say: Say): string {
  if (!isObj(v)) {
    return '';
  }
  const until = day(v.notAfter, say);
  return join([
    str(v.protocol)?.replace(/^TLSv/, 'TLS '),
    str(v.subjectCn) &&
      say(`Zertifikat für ${String(v.subjectCn)}`, `certificate for ${String(v.subjectCn)}`),
    until && say(`Zertifikat gültig bis ${until}`, `certificate valid until ${until}`),
    v.trusted === true && say('vertrauenswürdig', 'trusted'),
    v.trusted === false && say('nicht vertrauenswürdig', 'not trusted'),
  ]);
}

export function formatProduct(v: unknown, say: Say): string {
  if (!isObj(v)) {
    return '';
  }
  const type = str(v.productType);
  return join([
    [str(v.vendor), str(v.productName)].filter(Boolean).join(' ') || undefined,
    type && (str(v.productTypeVersion) ? `${type} ${String(v.productTypeVersion)}` : type),
    str(v.firmwareVersion) &&
      say(`Firmware ${String(v.firmwareVersion)}`, `firmware ${String(v.firmwareVersion)}`),
    str(v.hardwareVersion) &&
      say(`Hardware ${String(v.hardwareVersion)}`, `hardware ${String(v.hardwareVersion)}`),
  ]);
}

/** A list shown as one line per item; an empty list says so (the probe asked and found none). */
const lines =
  (item: (o: Obj, say: Say) => string, none: Label) =>
  (v: unknown, say: Say): string | string[] => {
    if (!Array.isArray(v)) {
      return '';
    }
    const out = objects(v)
      .map((o) => item(o, say))
      .filter(Boolean);
    return out.length > 0 ? out : say(none.de, none.en);
  };

export const formatFaults = lines((f) => join([str(f.code), str(f.message)]).replace(', ', ': '), {
  de: 'keine',
  en: 'none',
});

export const formatStates = lines(
  (s) => (str(s.severity) ? `${text(s.type)} (${String(s.severity)})` : text(s.type)),
  {
    de: 'keine',
    en: 'none',
  },
);

export const formatKonnektorServices = lines((s) => join([str(s.name), str(s.version)]).replace(', ', ' '), {
  de: 'keine',
  en: 'none',
});

export const formatPvsServices = lines(
  (s, say) =>
    str(s.name)
      ? `${String(s.name)} (${s.running === true ? say('läuft', 'running') : s.running === false ? say('gestoppt', 'stopped') : '?'})`
      : '',
  { de: 'keine gefunden', en: 'none found' },
);

const ROLE: Record<string, Label> = {
  import: { de: 'Import', en: 'import' },
  export: { de: 'Export', en: 'export' },
};

/** One GDT folder audit: structure only (counts, record types, charsets, problems), never file names. */
export function formatFolderAudit(a: Obj, say: Say): string {
  const role = ROLE[text(a.role)];
  const head = `${role ? `${say(role.de, role.en)} ` : ''}${text(a.path)}`;
  if (a.exists === false) {
    return `${head}: ${say('Ordner fehlt', 'folder missing')}`;
  }
  const counts = isObj(a.counts) ? a.counts : {};
  const files = typeof counts.gdtFiles === 'number' ? counts.gdtFiles : undefined;
  const charsets = isObj(a.charsets) ? tally(a.charsets.detected) : '';
  const problems =
    (isObj(a.problems) ? Object.keys(a.problems).length : 0) +
    (Array.isArray(a.folderProblems) ? a.folderProblems.length : 0);
  const records = tally(a.recordTypes);
  return `${head}: ${join([
    files !== undefined && say(`${files} GDT-Dateien`, `${files} GDT files`),
    records && say(`Satzarten ${records}`, `record types ${records}`),
    charsets && say(`Zeichensätze ${charsets}`, `charsets ${charsets}`),
    a.readable === false && say('nicht lesbar', 'not readable'),
    a.writable === false && say('nicht beschreibbar', 'not writable'),
    problems === 1 ? say('1 Problem', '1 problem') : say(`${problems} Probleme`, `${problems} problems`),
  ])}`;
}

export const formatFolderAudits = lines(formatFolderAudit, { de: 'keine', en: 'none' });

/** A ServiceProvider.ini as found: its path, whether it exists, and how long its text is (shown on request). */
export function formatIni(v: unknown, say: Say): string {
  if (!isObj(v) || !str(v.path)) {
    return '';
  }
  if (v.found !== true) {
    return `${String(v.path)}: ${say('nicht gefunden', 'not found')}`;
  }
  const n = str(v.text)
    ?.split(/\r?\n/)
    .filter((l) => l.trim() !== '').length;
  return `${String(v.path)}: ${join([say('gefunden', 'found'), n !== undefined && say(`${n} Zeilen`, `${n} lines`)])}`;
}

const m = (path: string, de: string, en: string, format: MeasuredField['format']): MeasuredField => ({
  kind: 'measured',
  path,
  label: { de, en },
  format,
});

/** The ini's text itself is kept for diagnostics (its formatting matters): shown folded under the summary. */
const ini = (path: string, de: string, en: string): MeasuredField => ({
  ...m(path, de, en, formatIni),
  detail: (v) => (isObj(v) ? str(v.text) : undefined),
});

const YES = { de: 'ja', en: 'yes' };
const NO = { de: 'nein', en: 'no' };

/** Per section, the measured values shown read-only below its editable fields. */
export const MEASURED_FIELDS = {
  ti: [
    m('ti.konnektor.product', 'Konnektor-Produkt', 'Konnektor product', formatProduct),
    m('ti.konnektor.tls', 'TLS-Verbindung', 'TLS connection', formatTls),
    m(
      'ti.konnektor.sdsReadable',
      'Dienstverzeichnis (SDS) lesbar',
      'Service directory (SDS) readable',
      yesNo(YES, NO),
    ),
    m('ti.konnektor.vpnTiOnline', 'VPN zur TI verbunden', 'VPN to the TI online', yesNo(YES, NO)),
    m('ti.konnektor.gsmcKExpiry', 'gSMC-K gültig bis', 'gSMC-K valid until', (v, say) => day(v, say) ?? ''),
    m('ti.konnektor.operatingStates', 'Betriebszustände', 'Operating states', formatStates),
    m('ti.konnektor.faults', 'Fehlermeldungen', 'Faults', formatFaults),
    m('ti.konnektor.services', 'Dienste', 'Services', formatKonnektorServices),
  ],
  gdt: [m('gdt.folderAudits', 'GDT-Ordnerprüfung', 'GDT folder audit', formatFolderAudits)],
  pvs: [
    m('pvs.serverName', 'PVS-Server', 'PVS server', text),
    m('pvs.sqlServer.version', 'SQL Server', 'SQL Server', (v, say) =>
      str(v) ? say(`Version ${String(v)}`, `version ${String(v)}`) : '',
    ),
    m('pvs.sqlServer.instance', 'SQL-Instanz', 'SQL instance', text),
    ini(
      'pvs.serviceProvider.installIni',
      'ServiceProvider.ini (Installation)',
      'ServiceProvider.ini (installation)',
    ),
    ini(
      'pvs.serviceProvider.dataIni',
      'ServiceProvider.ini (Datenverzeichnis)',
      'ServiceProvider.ini (data directory)',
    ),
    m(
      'pvs.serviceProvider.reachable',
      'Service-Provider erreichbar',
      'Service-Provider reachable',
      yesNo(YES, NO),
    ),
    m(
      'pvs.serviceProvider.serviceRunning',
      'Service-Provider-Dienst läuft',
      'Service-Provider service running',
      yesNo(YES, NO),
    ),
    m('pvs.services', 'PVS-Dienste', 'PVS services', formatPvsServices),
  ],
} as const satisfies Record<string, MeasuredField[]>;
