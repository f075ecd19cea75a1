import type { AuditSheet, Sourced } from '@praxisready/model';
import type { DocLang } from '../common/lang.ts';
import { t, tr } from '../common/lang.ts';
import { formatDate } from '../common/format.ts';

export interface MigrationStep {
  title: string;
  /** true = done, false = open, undefined = not recorded. */
  done: boolean | undefined;
  statusText: string;
  source?: string;
  at?: string;
}

/** The TI-Gateway migration checklist (seed 002) with the state recorded in the sheet. */
export function tiGatewaySteps(sheet: AuditSheet, lang: DocLang): MigrationStep[] {
  const m = sheet.ti.tiGatewayMigration;
  const pw = m.adminPasswords;
  const done = t('erledigt', 'done');
  const open = t('offen', 'open');
  const none = t('nicht erfasst', 'not recorded');
  const step = (title: { de: string; en: string }, v: Sourced<boolean> | undefined): MigrationStep => ({
    title: tr(title, lang),
    done: v?.value,
    statusText: tr(v === undefined ? none : v.value ? done : open, lang),
    ...(v ? { source: v.source, at: v.at } : {}),
  });
  const passwords = [
    ['Windows', pw.windows],
    ['PVS', pw.pvs],
    ['TI-Gateway', pw.tiGateway],
    ['Firewall', pw.firewall],
    ['Router', pw.router],
  ] as const;
  const recorded = passwords.filter(([, v]) => v !== undefined);
  const missing = passwords.filter(([, v]) => v?.value === false).map(([n]) => n);
  const first = recorded[0]?.[1];
  const dhcp = m.ownDhcpServerKnown;
  return [
    step(t('Lieferumfang der VPN-Box geprüft', 'VPN box delivery checked'), m.vpnBoxDeliveryChecked),
    step(
      t('Portfreigaben und Routen eingetragen', 'Firewall ports and routes configured'),
      m.firewallPortsOpened,
    ),
    step(
      t('TI-Gateway-Zugang registriert (2FA-App)', 'TI-Gateway access registered (2FA app)'),
      m.twoFactorAppRegistered,
    ),
    {
      title: tr(t('Ansprechpartner:in für die Migration', 'Contact person for the migration'), lang),
      done: m.contactPerson ? true : undefined,
      statusText: m.contactPerson?.value ?? tr(none, lang),
      ...(m.contactPerson ? { source: m.contactPerson.source, at: m.contactPerson.at } : {}),
    },
    {
      title: tr(
        t(
          'Admin-Kennwörter liegen vor (Windows, PVS, TI-Gateway, Firewall, Router)',
          'Admin passwords available (Windows, PVS, TI-Gateway, firewall, router)',
        ),
        lang,
      ),
      done: recorded.length === 0 ? undefined : missing.length === 0,
      statusText:
        recorded.length === 0
          ? tr(none, lang)
          : missing.length === 0
            ? tr(done, lang)
            : `${tr(t('fehlt', 'missing'), lang)}: ${missing.join(', ')}`,
      ...(first ? { source: first.source, at: first.at } : {}),
    },
    {
      title: tr(t('Eigener DHCP-Server bekannt', 'Own DHCP server known'), lang),
      done: dhcp === undefined || dhcp.value === 'unknown' ? undefined : true,
      statusText:
        dhcp === undefined
          ? tr(none, lang)
          : tr(
              dhcp.value === 'yes'
                ? t('ja', 'yes')
                : dhcp.value === 'no'
                  ? t('nein', 'no')
                  : t('unbekannt', 'unknown'),
              lang,
            ),
      ...(dhcp ? { source: dhcp.source, at: dhcp.at } : {}),
    },
    step(t('KIM-Mails vor dem Tausch abgerufen', 'KIM mails fetched before the swap'), m.kimMailsFetched),
    {
      title: tr(t('Termin vereinbart', 'Appointment scheduled'), lang),
      done: m.appointment ? true : undefined,
      statusText: m.appointment ? formatDate(m.appointment.value, lang) : tr(none, lang),
      ...(m.appointment ? { source: m.appointment.source, at: m.appointment.at } : {}),
    },
    step(
      t('Alter Konnektor außer Betrieb genommen', 'Old Konnektor decommissioned'),
      m.oldKonnektorDecommissioned,
    ),
    step(t('Alter Konnektor zurückgeschickt', 'Old Konnektor returned'), m.oldKonnektorReturned),
  ];
}
