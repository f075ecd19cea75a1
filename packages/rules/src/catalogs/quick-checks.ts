/**
 * Seed 000, "Häufige Stolpersteine & schnelle Checks": each symptom with the causes the seed names, in its
 * wording. A technician records reported symptoms in `diagnostics.reportedSymptoms` by symptom id.
 */
import type { LocalizedText } from '@praxisready/model';

export const QUICK_CHECKS_REFERENCE = 'Seed 000, Häufige Stolpersteine & schnelle Checks';

export interface QuickCheckCause {
  id: string;
  /** The probable cause, as the technician should read it. */
  text: LocalizedText;
}

export interface QuickCheck {
  /** Symptom id (in diagnostics.reportedSymptoms); the check id is `qc.<id>`. */
  id: string;
  symptom: LocalizedText;
  /** The seed's line, verbatim. */
  seedText: string;
  causes: readonly QuickCheckCause[];
}

export const QUICK_CHECKS: readonly QuickCheck[] = [
  {
    id: 'ti-handshake',
    symptom: { de: 'TI-Handshake schlägt fehl', en: 'TI handshake fails' },
    seedText: 'TI-Handshake schlägt fehl: Zertifikat/Passwort/Client-System-ID prüfen, Port 443 offen?',
    causes: [
      {
        id: 'port-443',
        text: { de: 'Port 443 zum Konnektor nicht offen', en: 'Port 443 to the Konnektor not open' },
      },
      {
        id: 'certificate',
        text: {
          de: 'Zertifikat des Konnektors abgelaufen oder nicht vertrauenswürdig',
          en: 'Konnektor certificate expired or not trusted',
        },
      },
      {
        id: 'client-system-id',
        text: {
          de: 'Client-System-ID fehlt oder wird vom Konnektor abgelehnt',
          en: 'Client-System-ID missing or rejected by the Konnektor',
        },
      },
      {
        id: 'password',
        text: {
          de: 'Passwort (Client-Zertifikat/Basic-Auth) prüfen',
          en: 'Check the password (client certificate / basic auth)',
        },
      },
    ],
  },
  {
    id: 'gdt-no-result',
    symptom: { de: 'GDT kein Befund', en: 'GDT: no result' },
    seedText:
      'GDT kein Befund: Falscher Ordnerpfad oder kein Sync-Ordner in DDV; Zeichensatz/Untersuchungscode prüfen.',
    causes: [
      { id: 'folder-path', text: { de: 'Falscher Ordnerpfad', en: 'Wrong folder path' } },
      { id: 'sync-folder', text: { de: 'Kein Sync-Ordner in DDV', en: 'No sync folder in the DDV' } },
      { id: 'charset', text: { de: 'Zeichensatz passt nicht', en: 'Character set mismatch' } },
      { id: 'examination-code', text: { de: 'Untersuchungscode fehlt', en: 'Examination code missing' } },
    ],
  },
  {
    id: 'mobile-reader',
    symptom: { de: 'Mobiler Leser tut nicht', en: 'Mobile reader does not work' },
    seedText:
      'Mobiler Leser tut nicht: Treiberpfad falsch oder Gerät zu früh angesteckt; keine ARM64-Macs unterstützt.',
    causes: [
      {
        id: 'arm64-mac',
        text: {
          de: 'ARM64-Mac (Apple Silicon) wird nicht unterstützt',
          en: 'ARM64 Mac (Apple Silicon) not supported',
        },
      },
      { id: 'driver-path', text: { de: 'Treiberpfad falsch', en: 'Wrong driver path' } },
      {
        id: 'plugged-early',
        text: {
          de: 'Gerät zu früh angesteckt (vor der Treiberinstallation)',
          en: 'Device plugged in too early (before the driver install)',
        },
      },
    ],
  },
  {
    id: 'direct-print-incompatible',
    symptom: { de: 'Direktdruck „nicht kompatibel“', en: 'Direct print "not compatible"' },
    seedText:
      'Direktdruck „nicht kompatibel“: IP/Hostname am Drucker kontrollieren, IPP & PDF-Fähigkeit sicherstellen.',
    causes: [
      {
        id: 'printer-address',
        text: {
          de: 'IP/Hostname am Drucker falsch bzw. nicht erreichbar',
          en: 'Printer IP/host name wrong or unreachable',
        },
      },
      { id: 'ipp', text: { de: 'Drucker spricht kein IPP', en: 'Printer does not speak IPP' } },
      { id: 'pdf', text: { de: 'Drucker kann kein PDF', en: 'Printer cannot print PDF' } },
    ],
  },
];
