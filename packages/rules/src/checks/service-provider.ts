import type { AuditSheet, Evidence, IniFile, LocalizedText, Sourced } from '@praxisready/model';
import {
  INI_KEYS,
  PVS_INI_DIRECTORY,
  SERVICE_PROVIDER_HINTS as H,
  SERVICE_PROVIDER_MESSAGES as M,
  SERVICE_PROVIDER_PORT,
  SERVICE_PROVIDER_PRODUCTS,
  SERVICE_PROVIDER_PVS_NAMES,
  SERVICE_PROVIDER_REFERENCE as REF,
} from '../catalogs/service-provider.ts';
import { ev, evRaw, fail, manual, missing, pass, t, unknown, warn } from '../engine/helpers.ts';
import type { Applicability, Check, CheckContext, Outcome } from '../engine/types.ts';
import { entriesWithSpaces, iniEntry, parseIni, type IniDocument } from '../ini/ini.ts';

interface LoadedIni {
  label: LocalizedText;
  path: string;
  file: Sourced<IniFile>;
  doc: IniDocument | undefined;
}

const LABELS = {
  installIni: t('Installations-ServiceProvider.ini', 'Installations-ServiceProvider.ini'),
  dataIni: t('PVS-ServiceProvider.ini', 'PVS-ServiceProvider.ini'),
} as const;

/** Both ini files as recorded, parsed when their text is there. */
function loadInis(sheet: AuditSheet): { install?: LoadedIni; data?: LoadedIni } {
  const sp = sheet.pvs.serviceProvider;
  const load = (key: 'installIni' | 'dataIni'): LoadedIni | undefined => {
    const file = sp[key];
    if (file === undefined) {
      return undefined;
    }
    const text = file.value.found ? file.value.text : undefined;
    return {
      label: LABELS[key],
      path: `pvs.serviceProvider.${key}`,
      file,
      doc: text === undefined ? undefined : parseIni(text),
    };
  };
  const install = load('installIni');
  const data = load('dataIni');
  return { ...(install ? { install } : {}), ...(data ? { data } : {}) };
}

const parsedInis = (sheet: AuditSheet) =>
  [loadInis(sheet).install, loadInis(sheet).data].filter(
    (x): x is LoadedIni & { doc: IniDocument } => x?.doc !== undefined,
  );

function lineEv(ini: LoadedIni, lineNo: number, raw: string): Evidence {
  return { path: `${ini.path}.text#L${lineNo}`, value: raw, source: ini.file.source, at: ini.file.at };
}

/** The Service-Provider exists for x.concept, x.comfort and x.isynet/x.vianova, not for medatixx. */
function appliesToServiceProvider(ctx: CheckContext): Applicability {
  const p = ctx.sheet.pvs.product?.value;
  if (p === undefined || (SERVICE_PROVIDER_PRODUCTS as readonly string[]).includes(p)) {
    return true;
  }
  return t(
    `Praxissoftware ${p} nutzt keinen Service-Provider.`,
    `Practice software ${p} has no Service-Provider.`,
  );
}

function spCheck(
  c: Omit<Check, 'area' | 'reference' | 'appliesTo'> & { appliesTo?: Check['appliesTo'] },
): Check {
  return {
    area: 'pvs',
    reference: REF,
    ...c,
    appliesTo: (ctx) => {
      const base = appliesToServiceProvider(ctx);
      return base === true && c.appliesTo ? c.appliesTo(ctx) : base;
    },
  };
}

const noIniText = () =>
  unknown(
    t('Keine ServiceProvider.ini mit Inhalt erfasst.', 'No ServiceProvider.ini with content recorded.'),
    [evRaw('pvs.serviceProvider', null)],
  );

/** Compares one key between the two ini files. */
function sameInBoth(keys: readonly string[], label: LocalizedText) {
  return (ctx: CheckContext): Outcome[] => {
    const { install, data } = loadInis(ctx.sheet);
    if (install?.doc === undefined || data?.doc === undefined) {
      return [
        unknown(
          t(
            `Für den Vergleich von ${label.de} werden beide ServiceProvider.ini-Dateien benötigt.`,
            `Comparing ${label.en} needs both ServiceProvider.ini files.`,
          ),
        ),
      ];
    }
    const a = iniEntry(install.doc, keys);
    const b = iniEntry(data.doc, keys);
    const e: Evidence[] = [];
    if (a) {
      e.push(lineEv(install, a.lineNo, a.raw));
    }
    if (b) {
      e.push(lineEv(data, b.lineNo, b.raw));
    }
    if (a?.value === undefined || b?.value === undefined) {
      return [
        unknown(
          t(`${label.de} fehlt in einer der beiden Dateien.`, `${label.en} is missing in one of the files.`),
          e,
        ),
      ];
    }
    return a.value.toLowerCase() === b.value.toLowerCase()
      ? [pass(t(`${label.de} stimmt überein (${a.value}).`, `${label.en} matches (${a.value}).`), e)]
      : [
          fail(
            t(
              `${label.de} unterscheidet sich: Installations-ServiceProvider.ini "${a.value}", PVS-ServiceProvider.ini "${b.value}".`,
              `${label.en} differs: Installations-ServiceProvider.ini "${a.value}", PVS-ServiceProvider.ini "${b.value}".`,
            ),
            e,
          ),
        ];
  };
}

export const serviceProviderChecks: Check[] = [
  spCheck({
    id: 'sp.reachable',
    severity: 'critical',
    title: M.notReachable.title,
    remediation: M.notReachable.solution,
    kbvRefs: [],
    run: (ctx) => {
      const sp = ctx.sheet.pvs.serviceProvider;
      const ports = (ctx.sheet.network.portChecks?.value ?? []).filter(
        (c) => c.port === SERVICE_PROVIDER_PORT && c.protocol === 'tcp',
      );
      const e: Evidence[] = [ev('pvs.serviceProvider.reachable', sp.reachable)];
      if (ports.length > 0) {
        e.push(evRaw('network.portChecks[23174]', ports));
      }
      if (sp.serviceRunning !== undefined) {
        e.push(ev('pvs.serviceProvider.serviceRunning', sp.serviceRunning));
      }
      const closed = ports.filter((c) => c.state === 'closed' || c.state === 'filtered');
      if (sp.reachable?.value === false || closed.length > 0 || sp.serviceRunning?.value === false) {
        const why = [
          ...closed.map((c) => `Port ${c.port} auf ${c.host}: ${c.state}`),
          ...(sp.serviceRunning?.value === false ? ['Dienst läuft nicht'] : []),
        ].join('; ');
        return [
          fail(t(`${M.notReachable.message.de}${why ? ` (${why})` : ''}`, M.notReachable.message.en), e),
        ];
      }
      if (sp.reachable?.value === true || ports.some((c) => c.state === 'open')) {
        return [
          pass(
            t(
              'Service-Provider ist über Port 23174 erreichbar.',
              'Service-Provider reachable on port 23174.',
            ),
            e,
          ),
        ];
      }
      return [
        missing(
          'pvs.serviceProvider.reachable',
          t(
            'Erreichbarkeit des Service-Providers (Port 23174)',
            'Service-Provider reachability (port 23174)',
          ),
        ),
      ];
    },
  }),
  spCheck({
    id: 'sp.up-to-date',
    severity: 'high',
    title: M.outdated.title,
    remediation: M.outdated.solution,
    run: (ctx) => {
      const u = ctx.sheet.pvs.serviceProvider.upToDate;
      if (u === undefined) {
        return [
          manual(
            t(
              'Versionsstand prüfen: Dienstprogramme → Service-Provider öffnen; oben links wird die Versionsnummer angezeigt.',
              'Check the version: open Dienstprogramme → Service-Provider; the version number is shown top left.',
            ),
          ),
        ];
      }
      const e = [ev('pvs.serviceProvider.upToDate', u)];
      return [
        u.value
          ? pass(t('Service-Provider ist aktuell.', 'Service-Provider is up to date.'), e)
          : fail(M.outdated.message, e),
      ];
    },
  }),
  spCheck({
    id: 'sp.installed',
    severity: 'critical',
    title: M.installedNot1.title,
    remediation: M.installedNot1.solution,
    run: (ctx) => {
      const inis = parsedInis(ctx.sheet);
      if (inis.length === 0) {
        return [noIniText()];
      }
      return inis.map((ini) => {
        const entry = iniEntry(ini.doc, INI_KEYS.installed);
        const e = entry
          ? [lineEv(ini, entry.lineNo, entry.raw)]
          : [evRaw(`${ini.path}.text`, 'Installed fehlt')];
        const o =
          entry?.value === '1'
            ? pass(t('Installed=1.', 'Installed=1.'), e)
            : fail(
                t(
                  `${M.installedNot1.message.de} (${entry ? `Zeile ${entry.lineNo}: ${entry.raw.trim()}` : 'Eintrag Installed fehlt'})`,
                  `${M.installedNot1.message.en} (${entry ? `line ${entry.lineNo}: ${entry.raw.trim()}` : 'no Installed entry'})`,
                ),
                e,
              );
        return { ...o, subject: ini.label.de };
      });
    },
  }),
  spCheck({
    id: 'sp.data-ini-found',
    severity: 'critical',
    title: M.iniNotFound.title,
    remediation: M.iniNotFound.solution,
    run: (ctx) => {
      const d = ctx.sheet.pvs.serviceProvider.dataIni;
      if (d === undefined) {
        return [
          missing('pvs.serviceProvider.dataIni', t('PVS-ServiceProvider.ini', 'PVS-ServiceProvider.ini')),
        ];
      }
      const e = [
        evRaw('pvs.serviceProvider.dataIni.path', d.value.path),
        ev('pvs.serviceProvider.dataIni.found', { ...d, value: d.value.found }),
      ];
      const dir = PVS_INI_DIRECTORY[ctx.sheet.pvs.product?.value ?? ''];
      return [
        d.value.found
          ? pass(t(`Gefunden: ${d.value.path}.`, `Found: ${d.value.path}.`), e)
          : fail(
              t(
                `${M.iniNotFound.message.de} Gesucht: ${d.value.path}${dir ? ` (erwartet in ${dir})` : ''}.`,
                `${M.iniNotFound.message.en} Looked for: ${d.value.path}${dir ? ` (expected in ${dir})` : ''}.`,
              ),
              e,
            ),
      ];
    },
  }),
  spCheck({
    id: 'sp.data-path-exists',
    severity: 'critical',
    title: M.dataPathMissing.title,
    remediation: M.dataPathMissing.solution,
    run: (ctx) => {
      const sp = ctx.sheet.pvs.serviceProvider;
      const install = loadInis(ctx.sheet).install;
      const entry = install?.doc ? iniEntry(install.doc, INI_KEYS.pvsDataPath) : undefined;
      const e: Evidence[] = [ev('pvs.serviceProvider.dataPathExists', sp.dataPathExists)];
      if (install && entry) {
        e.push(lineEv(install, entry.lineNo, entry.raw));
      }
      if (sp.dataPathExists !== undefined) {
        return [
          sp.dataPathExists.value
            ? pass(t('PVS-Datenpfad existiert.', 'PVS data path exists.'), e)
            : fail(M.dataPathMissing.message, e),
        ];
      }
      const product = ctx.sheet.pvs.product?.value;
      // x.isynet keeps its data in SQL Server: its sample ini has an empty PVSDataPath.
      if (
        install?.doc &&
        (product === 'x.concept' || product === 'x.comfort') &&
        (entry?.value ?? '') === ''
      ) {
        return [
          fail(
            t(
              `${M.dataPathMissing.message.de} (PVSDataPath ist leer)`,
              `${M.dataPathMissing.message.en} (PVSDataPath is empty)`,
            ),
            e,
          ),
        ];
      }
      return [
        missing(
          'pvs.serviceProvider.dataPathExists',
          t('Existenz des PVS-Datenpfads', 'existence of the PVS data path'),
        ),
      ];
    },
  }),
  spCheck({
    id: 'sp.pvs-name',
    severity: 'critical',
    title: M.unknownPvs.title,
    remediation: M.unknownPvs.solution,
    run: (ctx) => {
      const install = loadInis(ctx.sheet).install;
      if (install?.doc === undefined) {
        return [
          missing(
            'pvs.serviceProvider.installIni',
            t('Installations-ServiceProvider.ini', 'Installations-ServiceProvider.ini'),
          ),
        ];
      }
      const entry = iniEntry(install.doc, INI_KEYS.pvsName);
      const e = entry
        ? [lineEv(install, entry.lineNo, entry.raw)]
        : [evRaw(`${install.path}.text`, 'PVSName fehlt')];
      const name = (entry?.value ?? '').toUpperCase();
      const known = new Set(Object.values(SERVICE_PROVIDER_PVS_NAMES));
      const product = ctx.sheet.pvs.product?.value;
      const expected = product === undefined ? undefined : SERVICE_PROVIDER_PVS_NAMES[product];
      if (!known.has(name) || (expected !== undefined && name !== expected)) {
        return [
          fail(
            t(
              `${M.unknownPvs.message.de} (PVSName "${entry?.value ?? ''}"${expected ? `, erwartet ${expected}` : ''})`,
              `${M.unknownPvs.message.en} (PVSName "${entry?.value ?? ''}"${expected ? `, expected ${expected}` : ''})`,
            ),
            e,
          ),
        ];
      }
      return [pass(t(`PVSName=${name}.`, `PVSName=${name}.`), e)];
    },
  }),
  spCheck({
    id: 'sp.ini.spaces',
    severity: 'medium',
    title: t(
      'ServiceProvider.ini: keine Leerzeichen vor und nach dem =',
      'ServiceProvider.ini: no spaces around =',
    ),
    remediation: H.spaces,
    run: (ctx) => {
      const inis = parsedInis(ctx.sheet);
      if (inis.length === 0) {
        return [noIniText()];
      }
      return inis.map((ini) => {
        const bad = entriesWithSpaces(ini.doc);
        const o =
          bad.length === 0
            ? pass(t('Keine Leerzeichen um das Gleichheitszeichen.', 'No spaces around the equals sign.'))
            : fail(
                t(
                  `Leerzeichen um das = in ${bad.map((l) => `Zeile ${l.lineNo} ("${l.raw.trim()}")`).join(', ')}.`,
                  `Spaces around = in ${bad.map((l) => `line ${l.lineNo} ("${l.raw.trim()}")`).join(', ')}.`,
                ),
                bad.map((l) => lineEv(ini, l.lineNo, l.raw)),
              );
        return { ...o, subject: ini.label.de };
      });
    },
  }),
  spCheck({
    id: 'sp.ini.kundennummer',
    severity: 'low',
    title: t(
      'Installations-ServiceProvider.ini: Kundennummer eingetragen',
      'Installations-ServiceProvider.ini: Kundennummer present',
    ),
    remediation: H.kundennummer,
    run: (ctx) => {
      const install = loadInis(ctx.sheet).install;
      if (install?.doc === undefined) {
        return [
          missing(
            'pvs.serviceProvider.installIni',
            t('Installations-ServiceProvider.ini', 'Installations-ServiceProvider.ini'),
          ),
        ];
      }
      const entry = iniEntry(install.doc, INI_KEYS.kundennummer);
      return entry !== undefined && (entry.value ?? '') !== ''
        ? [
            pass(
              t(
                `Kundennummer ${entry.value ?? ''} eingetragen.`,
                `Kundennummer ${entry.value ?? ''} present.`,
              ),
              [lineEv(install, entry.lineNo, entry.raw)],
            ),
          ]
        : [
            fail(
              t(
                'Keine Kundennummer in der Installations-ServiceProvider.ini.',
                'No Kundennummer in the Installations-ServiceProvider.ini.',
              ),
              entry
                ? [lineEv(install, entry.lineNo, entry.raw)]
                : [evRaw(`${install.path}.text`, 'Kundennummer fehlt')],
            ),
          ];
    },
  }),
  spCheck({
    id: 'sp.ini.port-match',
    severity: 'high',
    title: t(
      'Port in beiden ServiceProvider.ini-Dateien gleich',
      'Port equal in both ServiceProvider.ini files',
    ),
    remediation: H.portAndId,
    run: sameInBoth(INI_KEYS.tcpPort, t('Der Port (TCPPort)', 'The port (TCPPort)')),
  }),
  spCheck({
    id: 'sp.ini.unique-id-match',
    severity: 'high',
    title: t(
      'Unique Identifier in beiden ServiceProvider.ini-Dateien gleich',
      'Unique Identifier equal in both ServiceProvider.ini files',
    ),
    remediation: H.portAndId,
    run: sameInBoth(INI_KEYS.uniqueIdentifier, t('Der Unique Identifier', 'The Unique Identifier')),
  }),
  spCheck({
    id: 'sp.mapped-drive',
    severity: 'medium',
    title: t(
      'Service-Provider nicht auf gemapptem Laufwerk installiert',
      'Service-Provider not installed on a mapped drive',
    ),
    remediation: H.mappedDrive,
    run: (ctx) => {
      const m = ctx.sheet.pvs.serviceProvider.installedOnMappedDrive;
      if (m === undefined) {
        return [
          missing(
            'pvs.serviceProvider.installedOnMappedDrive',
            t('Installationslaufwerk', 'installation drive'),
          ),
        ];
      }
      const e = [ev('pvs.serviceProvider.installedOnMappedDrive', m)];
      return [m.value ? warn(H.mappedDrive, e) : pass(t('Lokal installiert.', 'Installed locally.'), e)];
    },
  }),
  spCheck({
    id: 'sp.isynet-sql-host',
    severity: 'high',
    title: t(
      'x.isynet: Service-Provider auf dem SQL-Server-Rechner',
      'x.isynet: Service-Provider on the SQL Server host',
    ),
    remediation: H.isynetSqlHost,
    appliesTo: (ctx) =>
      ['x.isynet', 'x.vianova'].includes(ctx.sheet.pvs.product?.value ?? '')
        ? true
        : t('Nur für x.isynet/x.vianova.', 'x.isynet/x.vianova only.'),
    run: (ctx) => {
      const o = ctx.sheet.pvs.serviceProvider.onSqlServerHost;
      if (o === undefined) {
        return [
          missing(
            'pvs.serviceProvider.onSqlServerHost',
            t('Rechner des Service-Providers', 'Service-Provider host'),
          ),
        ];
      }
      const e = [ev('pvs.serviceProvider.onSqlServerHost', o)];
      return [
        o.value
          ? pass(
              t(
                'Service-Provider läuft auf dem SQL-Server-Rechner.',
                'Service-Provider runs on the SQL Server host.',
              ),
              e,
            )
          : fail(
              t(
                'Service-Provider ist nicht auf dem Rechner des SQL-Servers installiert.',
                'Service-Provider is not installed on the SQL Server host.',
              ),
              e,
            ),
      ];
    },
  }),
];
