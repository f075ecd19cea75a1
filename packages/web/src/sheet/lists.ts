import { QUICK_CHECKS } from '@praxisready/rules';
import { o, type ListField, type Option } from './spec.ts';

const list = (path: string, de: string, en: string, extra: Partial<ListField> = {}): ListField => ({
  kind: 'list',
  path,
  label: { de, en },
  ...extra,
});

/** The model's weekday codes (security.ts `Weekday`), Monday first as on the seed 004 protocol. */
export const WEEKDAYS: Option[] = [
  o('mo', 'Mo', 'Mon'),
  o('di', 'Di', 'Tue'),
  o('mi', 'Mi', 'Wed'),
  o('do', 'Do', 'Thu'),
  o('fr', 'Fr', 'Fri'),
  o('sa', 'Sa', 'Sat'),
  o('so', 'So', 'Sun'),
];

/** The model's `DocumentType` with the names the practice uses. */
export const DOCUMENT_TYPES: Option[] = [
  o('AU', 'AU', 'Sick note (AU)'),
  o('Rezept', 'Rezept', 'Prescription'),
  o('BTM', 'BtM-Rezept', 'Narcotics prescription'),
  o('Ueberweisung', 'Überweisung', 'Referral'),
  o('Labor', 'Labor', 'Laboratory'),
  o('Standard', 'Standard', 'Default'),
];

/** String lists of the sheet, each a sourced list in the model. */
export const LIST_FIELDS = {
  instructedPersons: list('backup.instruction.persons', 'Eingewiesene Personen', 'Instructed persons', {
    placeholder: { de: 'Name, z. B. Anna Schulz', en: 'Name, e.g. Anna Schulz' },
  }),
  backupWeekdays: list('backup.settings.weekdays', 'Sicherungstage', 'Backup days', { options: WEEKDAYS }),
  backupPaths: list('backup.content.paths', 'Gesicherte Pfade', 'Backed-up paths', {
    placeholder: { de: 'z. B. D:\\PVS\\Daten', en: 'e.g. D:\\PVS\\Data' },
  }),
  sqlDatabases: list('backup.content.sqlDatabases', 'Gesicherte SQL-Datenbanken', 'Backed-up SQL databases'),
  requiredDocumentTypes: list(
    'print.requiredDocumentTypes',
    'Dokumenttypen mit eigenem Druckprofil',
    'Document types needing a print profile',
    { options: DOCUMENT_TYPES },
  ),
  pvsDataPaths: list('pvs.dataPaths', 'Zu sichernde PVS-Datenpfade', 'PVS data paths to back up'),
  dnsServers: list('network.dnsServers', 'DNS-Server', 'DNS servers'),
  workplaceIds: list(
    'ti.context.workplaceIds',
    'Arbeitsplatz-IDs (Aufrufkontext)',
    'Workplace ids (context)',
  ),
  /** Seed 000 quick checks: the symptoms the practice reports, by the rules catalog's symptom id. */
  symptoms: list('diagnostics.reportedSymptoms', 'Gemeldete Symptome', 'Reported symptoms', {
    options: QUICK_CHECKS.map((q) => ({ value: q.id, label: q.symptom })),
  }),
} as const satisfies Record<string, ListField>;
