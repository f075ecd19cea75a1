/**
 * Seed 002: the TI-Gateway migration checklist (steps 1–8 and the FAQ), as data. Each item names the sheet
 * field (ti.tiGatewayMigration.*) that answers it. "AUF KEINEN FALL DEN KONNEKTOR SELBER OHNE ANLEITUNG TAUSCHEN!"
 */
import type { LocalizedText } from '@praxisready/model';

export const TI_GATEWAY_REFERENCE = 'Seed 002, TI-Gateway-Migration';

/** When an item is due: before the swap appointment, or after it (decommissioning, return). */
export type MigrationPhase = 'before' | 'after';

export interface TiGatewayItem {
  /** Check id suffix: the check is `tig.<id>`. */
  id: string;
  /** Step of the seed (1–8) or "FAQ". */
  step: string;
  title: LocalizedText;
  /** Seed wording of the requirement (German), and an English rendering. */
  remediation: LocalizedText;
  /** Field under ti.tiGatewayMigration (dotted for adminPasswords.*). */
  field: string;
  phase: MigrationPhase;
  severity: 'critical' | 'high' | 'medium' | 'low';
}

export const TI_GATEWAY_CHECKLIST: readonly TiGatewayItem[] = [
  {
    id: 'vpn-box-delivery',
    step: '1',
    title: { de: 'Lieferumfang der Fortinet VPN-Box geprüft', en: 'Fortinet VPN box delivery checked' },
    remediation: {
      de: 'Lieferumfang der Fortinet VPN-Box prüfen. Bei Beschädigungen am Paket, dessen Inhalt oder bei Fehlmengen informieren Sie bitte die ZIS.',
      en: 'Check the delivery of the Fortinet VPN box; report damage or missing parts to the ZIS.',
    },
    field: 'vpnBoxDeliveryChecked',
    phase: 'before',
    severity: 'medium',
  },
  {
    id: 'firewall-ports',
    step: '2',
    title: { de: 'Portfreigaben und Routen eingetragen', en: 'Port openings and routes configured' },
    remediation: {
      de: 'Portfreigaben und Routen eintragen (alle notwendigen Freigaben stehen im Anschreiben der ZIS auf Seite 3). Anpassungen einer praxisindividuellen Firewall müssen separat beim IT-Betreuer beauftragt werden.',
      en: 'Configure the port openings and routes listed in the ZIS letter (page 3); changes to a practice-specific firewall must be ordered from the IT provider separately.',
    },
    field: 'firewallPortsOpened',
    phase: 'before',
    severity: 'high',
  },
  {
    id: 'two-factor',
    step: '4',
    title: { de: 'TI-Gateway-Zugang registriert (2FA-App)', en: 'TI-Gateway access registered (2FA app)' },
    remediation: {
      de: 'TI-Gateway-Zugang registrieren. Hier wird zwingend eine 2FA (Zweifaktor-Authentifizierung) APP benötigt; ratsam ist eine professionelle Lösung.',
      en: 'Register the TI-Gateway access; a 2FA app is mandatory (a professional solution is advisable).',
    },
    field: 'twoFactorAppRegistered',
    phase: 'before',
    severity: 'high',
  },
  {
    id: 'contact-person',
    step: '5',
    title: { de: 'Ansprechpartner für die Migration benannt', en: 'Contact person for the migration named' },
    remediation: {
      de: 'Für die Installation muss ein Ansprechpartner vorhanden sein, der alle notwendigen Zugänge bereitstellen kann und mit dem Migrationsprozess vertraut ist (TeamViewer starten, PIN der SMC-B, Anmeldung am Konnektor, 2FA am connectTI-Portal).',
      en: 'A contact person must be available who can provide all access and knows the migration process (start TeamViewer, SMC-B PIN, Konnektor login, 2FA at the connectTI portal).',
    },
    field: 'contactPerson',
    phase: 'before',
    severity: 'high',
  },
  ...(
    [
      ['windows', 'Windows', 'Windows'],
      ['pvs', 'PVS (Praxisverwaltungssystem)', 'PVS'],
      ['tiGateway', 'Anmeldedaten an das TI-Gateway', 'TI-Gateway credentials'],
      ['firewall', 'Firewall', 'firewall'],
      ['router', 'Router', 'router'],
    ] as const
  ).map(([key, de, en]): TiGatewayItem => ({
    id: `admin-password-${key.toLowerCase().replace('tigateway', 'ti-gateway')}`,
    step: 'FAQ',
    title: { de: `Administratorkennwort ${de} liegt vor`, en: `Admin password ${en} available` },
    remediation: {
      de: `Die praxiseigenen Administratorkennwörter für Windows, PVS, Anmeldedaten an das TI-Gateway, Firewall und Router müssen in der Praxis vorliegen und dem Ansprechpartner bekannt sein (fehlt: ${de}).`,
      en: `The practice's own admin passwords for Windows, PVS, TI-Gateway, firewall and router must be available and known to the contact person (missing: ${en}).`,
    },
    field: `adminPasswords.${key}`,
    phase: 'before',
    severity: 'high',
  })),
  {
    id: 'own-dhcp-known',
    step: 'FAQ',
    title: {
      de: 'Bekannt, ob die Praxis einen eigenen DHCP-Server betreibt',
      en: 'Known whether the practice runs its own DHCP server',
    },
    remediation: {
      de: 'Klären, ob die Praxis einen eigenen DHCP-Server betreibt („Weiter ist es wichtig zu wissen, ob die Praxis einen eigenen DHCP-Server betreibt.“).',
      en: 'Find out whether the practice runs its own DHCP server.',
    },
    field: 'ownDhcpServerKnown',
    phase: 'before',
    severity: 'medium',
  },
  {
    id: 'kim-mails-fetched',
    step: 'Hinweise KIM',
    title: {
      de: 'KIM-Mails vor dem Tausch abgerufen/entschlüsselt',
      en: 'KIM mails fetched/decrypted before the swap',
    },
    remediation: {
      de: 'Bitte vor dem Tausch die vorhandenen Mails abrufen/entschlüsseln!',
      en: 'Fetch/decrypt the existing KIM mails before the swap!',
    },
    field: 'kimMailsFetched',
    phase: 'before',
    severity: 'high',
  },
  {
    id: 'old-konnektor-decommissioned',
    step: '8',
    title: {
      de: 'Alter Konnektor über den DVO außer Betrieb genommen',
      en: 'Old Konnektor decommissioned through the DVO',
    },
    remediation: {
      de: 'Der Konnektor muss über den DVO außer Betrieb genommen werden (Werksreset für Versand – finale Außerbetriebnahme).',
      en: 'The Konnektor must be decommissioned through the DVO (factory reset for shipping, final decommissioning).',
    },
    field: 'oldKonnektorDecommissioned',
    phase: 'after',
    severity: 'medium',
  },
  {
    id: 'old-konnektor-returned',
    step: '8',
    title: {
      de: 'Alter Konnektor an den Hersteller zurückgeschickt',
      en: 'Old Konnektor returned to the manufacturer',
    },
    remediation: {
      de: 'Die Rücksendung der Secunet-Konnektoren obliegt der Verantwortung der Praxis: gemäß der gematik-Empfehlung an den Hersteller „Secunet“ zurückschicken.',
      en: 'Returning the Secunet Konnektor is the practice’s duty: send it back to the manufacturer as gematik recommends.',
    },
    field: 'oldKonnektorReturned',
    phase: 'after',
    severity: 'low',
  },
];
