import type { Machine, Sourced } from '@praxisready/model';
import { OS_END_OF_SUPPORT } from '../catalogs/system-requirements.ts';
import {
  daysUntil,
  deDate,
  ev,
  fail,
  isServer,
  missing,
  pass,
  perMachine,
  t,
  unknown,
  warn,
  whenMachines,
} from '../engine/helpers.ts';
import type { Check, CheckContext } from '../engine/types.ts';
import { normaliseWindowsVersion } from './system-requirements.ts';

const REF = 'Seed 000, Schritt 4 (IT-Sicherheit: Updates, AV/EDR, Rechte, Protokollierung)';
/** Updates older than this count as missing ("Installieren Sie … regelmäßig die aktuellen Updates"). */
export const UPDATE_MAX_AGE_DAYS = 60;
const all = () => true;
const machines = t('Rechner', 'machines');

function yesNo(
  id: string,
  title: { de: string; en: string },
  path: string,
  get: (ctx: CheckContext) => Sourced<boolean> | undefined,
  remediation: { de: string; en: string },
  kbvRefs: string[],
  severity: Check['severity'] = 'medium',
): Check {
  return {
    id,
    area: 'it_security',
    severity,
    title,
    reference: REF,
    kbvRefs,
    remediation,
    run: (ctx) => {
      const v = get(ctx);
      if (v === undefined) {
        return [missing(path, title)];
      }
      const e = [ev(path, v)];
      return [
        v.value
          ? pass(t('Umgesetzt.', 'In place.'), e)
          : fail(t(`Nicht umgesetzt: ${title.de}.`, `Not in place: ${title.en}.`), e),
      ];
    },
  };
}

/** The end-of-support entry of a machine's Windows version, if the catalog has one. */
export function endOfSupportOf(m: Machine) {
  const v = m.os.version?.value;
  if (v === undefined || (m.os.family !== undefined && m.os.family.value !== 'windows')) {
    return undefined;
  }
  const family = isServer(m) || /server/i.test(m.os.name?.value ?? '') ? 'server' : 'client';
  const norm = normaliseWindowsVersion(v);
  return OS_END_OF_SUPPORT.find((x) => x.family === family && x.version.toUpperCase() === norm.toUpperCase());
}

export const securityChecks: Check[] = [
  {
    id: 'sec.av',
    area: 'it_security',
    severity: 'critical',
    title: t('Virenschutz (AV/EDR) aktiv und aktuell', 'Anti-virus (AV/EDR) active and up to date'),
    reference: `${REF}; Seed 004, Virenscanner`,
    kbvRefs: ['A1-20'],
    offerItem: { itemId: 'sec.av-license', quantity: 1 },
    remediation: t(
      'An allen Arbeitsplätzen ein Virenschutzprogramm einsetzen und stets die aktuellen Updates einspielen.',
      'Run anti-virus on every workstation and keep it updated.',
    ),
    appliesTo: whenMachines(all, machines),
    run: (ctx) =>
      perMachine(ctx, all, (m, p) => {
        const a = m.antivirus;
        if (a === undefined) {
          return missing(`${p}.antivirus`, t('Virenschutz', 'anti-virus'));
        }
        const e = [ev(`${p}.antivirus`, a)];
        if (!a.value.enabled) {
          return fail(t(`${a.value.product} ist deaktiviert.`, `${a.value.product} is disabled.`), e);
        }
        if (a.value.upToDate === false) {
          return fail(
            t(`${a.value.product}: Signaturen veraltet.`, `${a.value.product}: signatures outdated.`),
            e,
          );
        }
        if (a.value.upToDate === undefined) {
          return unknown(
            t(
              `${a.value.product} aktiv; Aktualität nicht erfasst.`,
              `${a.value.product} active; update state not recorded.`,
            ),
            e,
          );
        }
        return pass(
          t(
            `${a.value.product} (${a.value.kind.toUpperCase()}) aktiv und aktuell.`,
            `${a.value.product} (${a.value.kind.toUpperCase()}) active and current.`,
          ),
          e,
        );
      }),
  },
  {
    id: 'sec.updates',
    area: 'it_security',
    severity: 'high',
    title: t('Updates installiert', 'Updates installed'),
    reference: `${REF}; Seed 004, Hinweise (Service-Packs bzw. Updates)`,
    kbvRefs: ['A1-14', 'A1-16'],
    remediation: t(
      'Ausstehende Windows-Updates installieren und automatische Updates bzw. ein Patch-Management einrichten.',
      'Install pending Windows updates and set up automatic updates or patch management.',
    ),
    appliesTo: whenMachines(all, machines),
    run: (ctx) =>
      perMachine(ctx, all, (m, p) => {
        const e = [
          ev(`${p}.pendingUpdates`, m.pendingUpdates),
          ev(`${p}.lastUpdateInstalled`, m.lastUpdateInstalled),
          ev(`${p}.autoUpdates`, m.autoUpdates),
        ];
        const last = m.lastUpdateInstalled?.value;
        const age = last === undefined ? undefined : -daysUntil(last, ctx.now);
        if (age !== undefined && age > UPDATE_MAX_AGE_DAYS) {
          return fail(
            t(
              `Letztes Update am ${deDate(last ?? '')} (vor ${age} Tagen).`,
              `Last update on ${last ?? ''} (${age} days ago).`,
            ),
            e,
          );
        }
        if ((m.pendingUpdates?.value ?? 0) > 0) {
          return warn(
            t(
              `${m.pendingUpdates?.value} Updates ausstehend.`,
              `${m.pendingUpdates?.value} updates pending.`,
            ),
            e,
          );
        }
        if (m.pendingUpdates === undefined && last === undefined) {
          return unknown(t('Update-Stand nicht erfasst.', 'Update state not recorded.'), e);
        }
        if (m.autoUpdates?.value === false && last === undefined) {
          return warn(t('Automatische Updates sind aus.', 'Automatic updates are off.'), e);
        }
        return pass(t('Keine ausstehenden Updates.', 'No pending updates.'), e);
      }),
  },
  {
    id: 'sec.os-support',
    area: 'it_security',
    severity: 'critical',
    title: t(
      'Betriebssystem erhält Sicherheitsupdates (Windows 10: Supportende 14.10.2025)',
      'OS still receives security updates (Windows 10: end of support 14.10.2025)',
    ),
    reference: `${REF}; Microsoft-Lebenszyklus`,
    kbvRefs: ['A1-17'],
    offerItem: { itemId: 'sw.os-upgrade', quantity: 1 },
    remediation: t(
      'Rechner auf ein unterstütztes Betriebssystem (Windows 11 Pro, Windows Server 2022) aktualisieren oder ersetzen; bis dahin vom Netz separieren.',
      'Upgrade or replace the machine with a supported OS (Windows 11 Pro, Windows Server 2022); separate it from the network until then.',
    ),
    appliesTo: whenMachines(all, machines),
    run: (ctx) =>
      perMachine(ctx, all, (m, p) => {
        const e = [ev(`${p}.os.version`, m.os.version)];
        if (m.os.version === undefined) {
          return missing(`${p}.os.version`, t('Betriebssystemversion', 'OS version'));
        }
        const eos = endOfSupportOf(m);
        if (eos === undefined) {
          return pass(
            t(
              `Kein bekanntes Supportende für ${m.os.version.value}.`,
              `No known end of support for ${m.os.version.value}.`,
            ),
            e,
          );
        }
        const days = daysUntil(eos.endOfSupport, ctx.now);
        if (days < 0) {
          return fail(
            t(
              `${eos.label}: Supportende am ${deDate(eos.endOfSupport)}, keine Sicherheitsupdates mehr.`,
              `${eos.label}: end of support on ${eos.endOfSupport}, no more security updates.`,
            ),
            e,
          );
        }
        if (days < 365) {
          return warn(
            t(
              `${eos.label}: Supportende am ${deDate(eos.endOfSupport)}.`,
              `${eos.label}: end of support on ${eos.endOfSupport}.`,
            ),
            e,
          );
        }
        return pass(
          t(
            `${eos.label}: unterstützt bis ${deDate(eos.endOfSupport)}.`,
            `${eos.label}: supported until ${eos.endOfSupport}.`,
          ),
          e,
        );
      }),
  },
  {
    id: 'sec.firewall',
    area: 'it_security',
    severity: 'medium',
    title: t('Windows-Firewall aktiv', 'Windows firewall enabled'),
    reference: REF,
    kbvRefs: ['A1-11'],
    remediation: t(
      'Windows-Firewall aktivieren; nötige Ports laut Portliste gezielt freigeben statt die Firewall abzuschalten.',
      'Enable the Windows firewall; open the ports of the port list instead of disabling it.',
    ),
    appliesTo: whenMachines(all, machines),
    run: (ctx) =>
      perMachine(ctx, all, (m, p) => {
        const f = m.firewallEnabled;
        if (f === undefined) {
          return missing(`${p}.firewallEnabled`, t('Firewall-Status', 'firewall state'));
        }
        const e = [ev(`${p}.firewallEnabled`, f)];
        return f.value
          ? pass(t('Firewall aktiv.', 'Firewall on.'), e)
          : fail(t('Firewall deaktiviert.', 'Firewall disabled.'), e);
      }),
  },
  yesNo(
    'sec.admin-separation',
    t('Administrationskonten getrennt (Rechte)', 'Admin accounts separated (rights)'),
    'security.adminAccountsSeparated',
    (ctx) => ctx.sheet.security.adminAccountsSeparated,
    t(
      'Im Alltag mit Standardkonten arbeiten; Administratorrechte nur über separate Konten.',
      'Work with standard accounts day to day; admin rights only through separate accounts.',
    ),
    ['A2-03', 'A1-26'],
    'high',
  ),
  yesNo(
    'sec.individual-accounts',
    t('Persönliche Benutzerkonten statt Sammelkonten', 'Individual user accounts instead of shared ones'),
    'security.individualUserAccounts',
    (ctx) => ctx.sheet.security.individualUserAccounts,
    t(
      'Für jede Person ein eigenes Benutzerkonto anlegen; Sammelkonten abschaffen.',
      'Create an account per person; remove shared accounts.',
    ),
    ['A1-26'],
  ),
  yesNo(
    'sec.logging',
    t('Protokollierung aktiv', 'Logging enabled'),
    'security.loggingEnabled',
    (ctx) => ctx.sheet.security.loggingEnabled,
    t(
      'Ereignisprotokollierung auf Server und Firewall aktivieren und regelmäßig auswerten.',
      'Enable event logging on server and firewall and review it regularly.',
    ),
    ['A2-01'],
  ),
  yesNo(
    'sec.awareness',
    t(
      'Personal zur Informationssicherheit sensibilisiert und geschult',
      'Staff trained in information security',
    ),
    'security.staffAwarenessTraining',
    (ctx) => ctx.sheet.security.staffAwarenessTraining,
    t(
      'Sensibilisierungen und Schulungen zur Informationssicherheit regelmäßig durchführen und dokumentieren (Pflicht seit 01.10.2025).',
      'Run and document information security awareness training regularly (mandatory since 01.10.2025).',
    ),
    ['A1-08', 'A1-09', 'A1-10'],
  ),
];
