/**
 * Seed 001 §5 "Betriebs-Checkliste (kurz)", one item per bullet, in the seed's wording. The technician answers
 * each item in `operations.items[<id>]` (done / partial / open / not_applicable).
 */
import type { LocalizedText } from '@praxisready/model';

export const OPERATIONS_REFERENCE = 'Seed 001 §5, Betriebs-Checkliste';

export interface OperationsItem {
  /** Key in `operations.items`; the check id is `ops.<id>`. */
  id: string;
  title: LocalizedText;
  /** The seed's bullet, verbatim. */
  seedText: string;
  severity: 'critical' | 'high' | 'medium' | 'low';
  kbvRefs?: readonly string[];
  /** Applies only to practices using Doctolib. */
  doctolibOnly?: boolean;
}

export const OPERATIONS_CHECKLIST: readonly OperationsItem[] = [
  {
    id: 'cards-certificates',
    title: {
      de: 'Karten & Zertifikate: HBA, SMC-B, KIM-Adresse aktiv',
      en: 'Cards & certificates: HBA, SMC-B, KIM address active',
    },
    seedText: 'Karten & Zertifikate: HBA, SMC‑B, KIM-Adresse aktiv.',
    severity: 'high',
  },
  {
    id: 'konnektor-updates',
    title: {
      de: 'Konnektor/Updates: aktuell, Zulassungen erfüllt, Logs überwachen',
      en: 'Konnektor/updates: current, approvals met, logs monitored',
    },
    seedText: 'Konnektor/Updates: aktuell, Zulassungen erfüllt, Logs überwachen.',
    severity: 'high',
    kbvRefs: ['A5-02', 'A5-08'],
  },
  {
    id: 'pvs-modules',
    title: {
      de: 'PVS: KBV-gelistete Module (eRezept, eAU, Video) aktiv & getestet',
      en: 'PVS: KBV-listed modules (eRezept, eAU, video) active & tested',
    },
    seedText: 'PVS: KBV-gelistete Module (eRezept, eAU, Video) aktiv & getestet.',
    severity: 'high',
  },
  {
    id: 'doctolib',
    title: {
      de: 'Doctolib: Rollen/Rechte, API-Anbindung, Reminder-Templates, Datenschutz/AV',
      en: 'Doctolib: roles/rights, API link, reminder templates, data protection/DPA',
    },
    seedText: 'Doctolib: Rollen/Rechte, API-Anbindung, Reminder-Templates, Datenschutz/AV.',
    severity: 'medium',
    doctolibOnly: true,
  },
  {
    id: 'tests',
    title: {
      de: 'Tests: eAU an Testkasse, eRezept Probe, ePA-Leseprobe, Video-Call Dry-Run',
      en: 'Tests: eAU to test insurer, eRezept trial, ePA read test, video call dry run',
    },
    seedText: 'Tests: eAU an Testkasse, eRezept Probe, ePA-Leseprobe, Video-Call Dry-Run.',
    severity: 'medium',
  },
  {
    id: 'emergency-paths',
    title: {
      de: 'Notfallpfade: TI-Ausfall (Ersatzverfahren), Offline-Token, Backup-KIM',
      en: 'Emergency paths: TI outage (fallback procedure), offline token, backup KIM',
    },
    seedText: 'Notfallpfade: TI-Ausfall (Ersatzverfahren), Offline-Token, Backup-KIM.',
    severity: 'high',
  },
];
