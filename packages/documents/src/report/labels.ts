import { SEVERITY_LABELS, type FindingStatus, type Severity, type ValueSource } from '@praxisready/model';
import { t } from '../common/lang.ts';

/** Fixed texts of the report, German first. */
export const L = {
  reportTitle: t('IT-Audit-Bericht', 'IT audit report'),
  reportSubtitle: t(
    'Tech-Audit für Doctolib und ein TI-angebundenes PVS',
    'Tech audit for Doctolib and a TI-connected PVS',
  ),
  practice: t('Praxis', 'Practice'),
  site: t('Standort', 'Site'),
  auditDate: t('Audit-Datum', 'Audit date'),
  technician: t('Techniker:in', 'Technician'),
  mode: t('Art', 'Mode'),
  onSite: t('vor Ort', 'on site'),
  remote: t('remote', 'remote'),
  caseId: t('Vorgang', 'Case'),
  customerNumber: t('Kundennummer', 'Customer number'),
  createdAt: t('Erstellt am', 'Created on'),
  contents: t('Inhalt', 'Contents'),
  page: t('Seite', 'Page'),
  of: t('von', 'of'),
  summary: t('Zusammenfassung', 'Summary'),
  overall: t('Gesamt', 'Overall'),
  overallScore: t('Gesamtbewertung', 'Overall score'),
  area: t('Bereich', 'Area'),
  score: t('Punkte', 'Score'),
  coverage: t('Abdeckung', 'Coverage'),
  failed: t('Mängel', 'Failed'),
  warnings: t('Hinweise', 'Warnings'),
  passed: t('erfüllt', 'Passed'),
  open: t('offen', 'Open'),
  topFindings: t('Wichtigste Befunde', 'Top findings'),
  noTopFindings: t('Keine Mängel oder Hinweise festgestellt.', 'No failures or warnings found.'),
  scoreExplained: t(
    'Punkte 0–100 je Bereich: Anteil der erfüllten Prüfungen, gewichtet nach Schwere (kritisch 8, hoch 4, mittel 2, niedrig 1, Info 0,5); ein Hinweis zählt halb. Nicht anwendbare, manuelle und nicht erfasste Prüfungen zählen nicht als Mangel; die Abdeckung sagt, welcher Anteil entschieden werden konnte.',
    'Score 0–100 per area: share of passed checks, weighted by severity (critical 8, high 4, medium 2, low 1, info 0.5); a warning counts half. Not applicable, manual and unrecorded checks do not count as failures; coverage says which share could be decided.',
  ),
  networkSketch: t('Netzskizze', 'Network sketch'),
  networkSketchNote: t(
    'Aus dem Audit-Sheet gezeichnet: Internetanschluss, Router/Firewall, VLANs, TI-Anbindung, Server, Arbeitsplätze mit Kartenterminals und GDT-Geräten, Drucker.',
    'Drawn from the audit sheet: internet line, router/firewall, VLANs, TI connection, servers, workplaces with card terminals and GDT devices, printers.',
  ),
  facts: t('Erfasste Werte', 'Recorded values'),
  value: t('Wert', 'Value'),
  item: t('Merkmal', 'Item'),
  sourceCol: t('Quelle', 'Source'),
  observations: t('Beobachtungen', 'Observations'),
  findings: t('Befunde', 'Findings'),
  furtherChecks: t('Weitere Prüfungen', 'Further checks'),
  check: t('Prüfung', 'Check'),
  status: t('Status', 'Status'),
  severity: t('Schwere', 'Severity'),
  remediation: t('Empfehlung', 'Remediation'),
  evidence: t('Nachweis', 'Evidence'),
  reference: t('Grundlage', 'Reference'),
  nothingRecorded: t('Keine Werte erfasst.', 'Nothing recorded.'),
  seeChapter: t('Details siehe Kapitel', 'Details in chapter'),
  deviceMatrix: t('Gerätematrix', 'Device matrix'),
  device: t('Gerät', 'Device'),
  kind: t('Typ', 'Kind'),
  manufacturerModel: t('Hersteller / Modell', 'Manufacturer / model'),
  location: t('Ort / Arbeitsplatz', 'Location / workplace'),
  connection: t('Anbindung', 'Connection'),
  noDevices: t('Keine Geräte erfasst.', 'No devices recorded.'),
  kbvTable: t('KBV IT-Sicherheitsrichtlinie: Status', 'KBV IT security directive: status'),
  kbvIntro: t(
    'Anwendbare Anforderungen der Richtlinie nach § 390 SGB V mit Bewertung und Nachweis.',
    'Applicable requirements of the directive under § 390 SGB V with assessment and evidence.',
  ),
  kbvNotApplicable: t('nicht anwendbare Anforderungen ausgeblendet', 'not applicable requirements omitted'),
  sizeClass: t('Praxisgröße', 'Practice size'),
  requirement: t('Anforderung', 'Requirement'),
  nr: t('Nr.', 'No.'),
  noKbv: t('Keine KBV-Anforderungen bewertet.', 'No KBV requirements assessed.'),
  tiGateway: t('TI-Gateway-Migration', 'TI-Gateway migration'),
  konnektorExpiry: t('Ablauf Konnektor (gSMC-K)', 'Konnektor expiry (gSMC-K)'),
  daysLeft: t('Tage verbleibend', 'days left'),
  expired: t('abgelaufen', 'expired'),
  migrationRequired: t('Migration erforderlich', 'Migration required'),
  migrationStep: t('Schritt', 'Step'),
  operations: t('Betriebs-Checkliste und Notfallpfade', 'Operations checklist and emergency paths'),
  operationsIntro: t(
    'Betriebs-Checkliste nach der Architektur-Skizze (Abschnitt 5) mit dem Stand der Praxis.',
    'Operations checklist from the architecture sketch (section 5) with the practice’s state.',
  ),
  note: t('Anmerkung', 'Note'),
  appendix: t('Anhang: Nachweise', 'Appendix: evidence'),
  noImages: t('Keine Bildnachweise beigefügt.', 'No evidence images attached.'),
  yes: t('ja', 'yes'),
  no: t('nein', 'no'),
  unknown: t('unbekannt', 'unknown'),
  notRecorded: t('nicht erfasst', 'not recorded'),
  contact: t('Ansprechpartner:in', 'Contact'),
} as const;

export const STATUS_LABEL: Record<FindingStatus, { de: string; en: string }> = {
  pass: t('erfüllt', 'pass'),
  fail: t('Mangel', 'fail'),
  warn: t('Hinweis', 'warning'),
  not_applicable: t('n. a.', 'n/a'),
  manual: t('manuell prüfen', 'manual'),
  unknown: t('nicht erfasst', 'unknown'),
};

export const STATUS_COLOR: Record<FindingStatus, string> = {
  pass: '#1E7B45',
  fail: '#B03A2E',
  warn: '#B9770E',
  not_applicable: '#7F8C8D',
  manual: '#2E5C8A',
  unknown: '#7F8C8D',
};

/** The model's severity words (shared with the web UI). */
export const SEVERITY_LABEL = SEVERITY_LABELS;

export const SOURCE_LABEL: Record<ValueSource, { de: string; en: string }> = {
  probe: t('Probe', 'Probe'),
  person: t('Person', 'Person'),
  import: t('Import', 'Import'),
};

/** Order of statuses in the report: what needs action first. */
export const STATUS_ORDER: Record<FindingStatus, number> = {
  fail: 0,
  warn: 1,
  manual: 2,
  unknown: 3,
  pass: 4,
  not_applicable: 5,
};

export const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
