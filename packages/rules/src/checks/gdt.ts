import type { GdtDevice, GdtFolderAudit } from '@praxisready/model';
import { ev, evRaw, fail, missing, pass, t, unknown } from '../engine/helpers.ts';
import type { Check, CheckContext, Outcome } from '../engine/types.ts';

const REF = 'Seed 000, Schritt 4 (GDT-Anbindung) und Stolpersteine („GDT kein Befund“)';

function hasDevices(ctx: CheckContext) {
  return ctx.sheet.gdt.devices.length > 0
    ? (true as const)
    : t('Keine GDT-Geräte angebunden.', 'No GDT devices connected.');
}

function perDevice(ctx: CheckContext, fn: (d: GdtDevice, p: string) => Outcome): Outcome[] {
  return ctx.sheet.gdt.devices.map((d, i) => ({
    ...fn(d, `gdt.devices[${i}]`),
    subject: d.name?.value ?? d.id,
  }));
}

const DIRS = [
  ['export', t('Export (Auftrag ans Gerät)', 'export (order to the device)')],
  ['import', t('Import (Befundrücklauf)', 'import (result back)')],
] as const;

function gdtCheck(c: Omit<Check, 'area' | 'reference' | 'appliesTo'> & { reference?: string }): Check {
  return { area: 'gdt', reference: REF, appliesTo: hasDevices, ...c };
}

/** Folder-audit problem codes that mean the bytes do not match the declared character set (GDT engine codes). */
const CHARSET_PROBLEMS = ['CHARSET_MISMATCH', 'UNDECLARED_UTF8', 'CHARSET_CONFLICT'] as const;

function charsetProblemFiles(audit: GdtFolderAudit): number {
  return Math.max(0, ...CHARSET_PROBLEMS.map((code) => audit.problems[code]?.files ?? 0));
}

/** Checks on the GDT files the probe found in the exchange folders (structure only, no patient data). */
const gdtFileChecks: Check[] = [
  {
    id: 'gdt.files.charset-consistent',
    area: 'gdt',
    severity: 'high',
    reference: REF,
    title: t(
      'GDT-Dateien im deklarierten Zeichensatz geschrieben',
      'GDT files written in their declared character set',
    ),
    remediation: t(
      'Zeichensatz (Feld 9206) in PVS und Gerät gleich einstellen (GDT-Standard: IBM CP437); die Gerätesoftware schreibt sonst Umlaute falsch, Befunde kommen verstümmelt oder gar nicht an.',
      'Set the same character set (field 9206) in PVS and device (GDT default: IBM CP437); otherwise umlauts arrive garbled or results are rejected.',
    ),
    appliesTo: (ctx) =>
      (ctx.sheet.gdt.folderAudits?.value.length ?? 0) > 0
        ? true
        : t('Keine GDT-Ordner von der Probe geprüft.', 'No GDT folders audited by the probe.'),
    run: (ctx) => {
      const audits = ctx.sheet.gdt.folderAudits;
      return (audits?.value ?? []).map((audit, i) => {
        const e = [
          { ...ev(`gdt.folderAudits[${i}].charsets`, audits), value: audit.charsets },
          evRaw(`gdt.folderAudits[${i}].problems`, audit.problems),
        ];
        const bad = charsetProblemFiles(audit);
        if (!audit.exists || audit.counts.gdtFiles === 0) {
          return pass(t('Keine GDT-Dateien im Ordner.', 'No GDT files in the folder.'), e, audit.path);
        }
        return bad > 0
          ? fail(
              t(
                `${bad} von ${audit.counts.gdtFiles} GDT-Dateien passen nicht zum deklarierten Zeichensatz (9206): deklariert ${Object.keys(audit.charsets.declared).join(', ')}, erkannt ${Object.keys(audit.charsets.detected).join(', ')}.`,
                `${bad} of ${audit.counts.gdtFiles} GDT files do not match their declared character set (9206): declared ${Object.keys(audit.charsets.declared).join(', ')}, detected ${Object.keys(audit.charsets.detected).join(', ')}.`,
              ),
              e,
              audit.path,
            )
          : pass(
              t(
                `${audit.counts.gdtFiles} GDT-Dateien im deklarierten Zeichensatz.`,
                `${audit.counts.gdtFiles} GDT files in their declared character set.`,
              ),
              e,
              audit.path,
            );
      });
    },
  },
];

export const gdtChecks: Check[] = [
  ...gdtFileChecks,
  gdtCheck({
    id: 'gdt.paths.exist',
    severity: 'high',
    title: t('GDT-Import- und Exportordner existieren', 'GDT import and export folders exist'),
    remediation: t(
      'Ordnerpfad in PVS und Gerätesoftware angleichen und den Ordner anlegen (falscher Ordnerpfad ist die häufigste Ursache für „GDT kein Befund“).',
      'Align the folder path in PVS and device software and create the folder.',
    ),
    run: (ctx) =>
      perDevice(ctx, (d, p) => {
        const e = DIRS.map(([dir]) => ev(`${p}.${dir}.folderExists`, d[dir].folderExists));
        const missingDirs = DIRS.filter(([dir]) => d[dir].folder === undefined);
        if (missingDirs.length > 0) {
          return missing(`${p}.${missingDirs[0]?.[0]}.folder`, t('GDT-Ordnerpfad', 'GDT folder path'));
        }
        const bad = DIRS.filter(([dir]) => d[dir].folderExists?.value === false);
        if (bad.length > 0) {
          return fail(
            t(
              `Ordner fehlt: ${bad.map(([dir, l]) => `${l.de} ${d[dir].folder?.value ?? ''}`).join('; ')}.`,
              `Folder missing: ${bad.map(([dir, l]) => `${l.en} ${d[dir].folder?.value ?? ''}`).join('; ')}.`,
            ),
            e,
          );
        }
        if (DIRS.some(([dir]) => d[dir].folderExists === undefined)) {
          return unknown(
            t('Nicht geprüft, ob die Ordner existieren.', 'Not checked whether the folders exist.'),
            e,
          );
        }
        return pass(t('Import- und Exportordner existieren.', 'Import and export folders exist.'), e);
      }),
  }),
  gdtCheck({
    id: 'gdt.paths.writable',
    severity: 'high',
    title: t('GDT-Ordner beschreibbar', 'GDT folders writable'),
    remediation: t(
      'Schreibrechte für die PVS- und Geräte-Benutzer auf die GDT-Austauschordner vergeben.',
      'Grant write access on the GDT exchange folders to the PVS and device users.',
    ),
    run: (ctx) =>
      perDevice(ctx, (d, p) => {
        const e = DIRS.map(([dir]) => ev(`${p}.${dir}.writable`, d[dir].writable));
        const bad = DIRS.filter(([dir]) => d[dir].writable?.value === false);
        if (bad.length > 0) {
          return fail(
            t(
              `Nicht beschreibbar: ${bad.map(([, l]) => l.de).join(', ')}.`,
              `Not writable: ${bad.map(([, l]) => l.en).join(', ')}.`,
            ),
            e,
          );
        }
        if (DIRS.some(([dir]) => d[dir].writable === undefined)) {
          return unknown(t('Schreibrechte nicht geprüft.', 'Write access not checked.'), e);
        }
        return pass(t('Beide Ordner sind beschreibbar.', 'Both folders are writable.'), e);
      }),
  }),
  gdtCheck({
    id: 'gdt.paths.differ',
    severity: 'medium',
    title: t('GDT-Import- und Exportdatei getrennt', 'GDT import and export files separate'),
    remediation: t(
      'Für Auftrag (Export) und Befund (Import) unterschiedliche Dateinamen bzw. Ordner verwenden, sonst überschreibt das Gerät den Auftrag.',
      'Use different file names or folders for order and result, otherwise the device overwrites the order.',
    ),
    run: (ctx) =>
      perDevice(ctx, (d, p) => {
        const ex = d.export;
        const im = d.import;
        if (ex.folder === undefined || im.folder === undefined) {
          return missing(`${p}.export.folder`, t('GDT-Ordnerpfade', 'GDT folder paths'));
        }
        const norm = (f: string, n?: string) =>
          `${f.replace(/[\\/]+$/, '').toLowerCase()}|${(n ?? '').toLowerCase()}`;
        const e = [
          ev(`${p}.export.folder`, ex.folder),
          ev(`${p}.export.fileName`, ex.fileName),
          ev(`${p}.import.folder`, im.folder),
          ev(`${p}.import.fileName`, im.fileName),
        ];
        if (ex.fileName === undefined || im.fileName === undefined) {
          return ex.folder.value.toLowerCase() === im.folder.value.toLowerCase()
            ? unknown(
                t('Gleicher Ordner, Dateinamen nicht erfasst.', 'Same folder, file names not recorded.'),
                e,
              )
            : pass(t('Getrennte Ordner.', 'Separate folders.'), e);
        }
        return norm(ex.folder.value, ex.fileName.value) === norm(im.folder.value, im.fileName.value)
          ? fail(t('Import und Export verwenden dieselbe Datei.', 'Import and export use the same file.'), e)
          : pass(t('Import und Export sind getrennt.', 'Import and export are separate.'), e);
      }),
  }),
  gdtCheck({
    id: 'gdt.charset',
    severity: 'high',
    title: t('GDT-Zeichensatz angegeben und passend', 'GDT character set declared and matching'),
    remediation: t(
      'Zeichensatz (Feld 9206) in PVS und Gerät gleich einstellen (GDT-Standard: IBM CP437); Umlaute in Befunden prüfen.',
      'Set the same character set (field 9206) in PVS and device (GDT default: IBM CP437); check umlauts in results.',
    ),
    run: (ctx) =>
      perDevice(ctx, (d, p) => {
        const e = [
          ev(`${p}.charsetConfigured`, d.charsetConfigured),
          ev(`${p}.charsetObserved`, d.charsetObserved),
        ];
        if (d.charsetConfigured === undefined) {
          return missing(
            `${p}.charsetConfigured`,
            t('konfigurierter Zeichensatz (9206)', 'configured character set (9206)'),
          );
        }
        if (d.charsetObserved === undefined) {
          return unknown(
            t(
              `Zeichensatz ${d.charsetConfigured.value} konfiguriert; in den Dateien nicht geprüft.`,
              `Character set ${d.charsetConfigured.value} configured; files not checked.`,
            ),
            e,
          );
        }
        return d.charsetConfigured.value === d.charsetObserved.value
          ? pass(
              t(
                `Zeichensatz ${d.charsetConfigured.value} passt.`,
                `Character set ${d.charsetConfigured.value} matches.`,
              ),
              e,
            )
          : fail(
              t(
                `Falscher Zeichensatz: konfiguriert ${d.charsetConfigured.value}, die Dateien sind ${d.charsetObserved.value}.`,
                `Wrong character set: configured ${d.charsetConfigured.value}, the files are ${d.charsetObserved.value}.`,
              ),
              e,
            );
      }),
  }),
  gdtCheck({
    id: 'gdt.examination-code',
    severity: 'medium',
    title: t('Untersuchungscode (8402) gesetzt', 'Examination code (8402) set'),
    remediation: t(
      'Untersuchungsgruppe/-code (Feld 8402) für das Gerät in PVS und Gerät einrichten.',
      'Set the examination code (field 8402) for the device in PVS and device.',
    ),
    run: (ctx) =>
      perDevice(ctx, (d, p) => {
        const c = d.examinationCode;
        if (c === undefined) {
          return missing(`${p}.examinationCode`, t('Untersuchungscode (8402)', 'examination code (8402)'));
        }
        const e = [ev(`${p}.examinationCode`, c)];
        return c.value.trim() !== ''
          ? pass(t(`Untersuchungscode ${c.value}.`, `Examination code ${c.value}.`), e)
          : fail(t('Kein Untersuchungscode (8402) gesetzt.', 'No examination code (8402) set.'), e);
      }),
  }),
  gdtCheck({
    id: 'gdt.import.sync-folder',
    severity: 'medium',
    title: t(
      'Befundrücklauf über synchronisierten Ordner (DDV)',
      'Result import via synchronised folder (DDV)',
    ),
    remediation: t(
      'Synchronisierten Ordner für den Befundimport in der lokalen Komponente (DDV) einrichten.',
      'Configure the synchronised folder for the result import in the local component (DDV).',
    ),
    run: (ctx) =>
      perDevice(ctx, (d, p) => {
        const s = d.import.syncFolderConfigured;
        if (s === undefined) {
          return missing(`${p}.import.syncFolderConfigured`, t('Sync-Ordner', 'sync folder'));
        }
        const e = [ev(`${p}.import.syncFolderConfigured`, s)];
        return s.value
          ? pass(t('Sync-Ordner eingerichtet.', 'Sync folder configured.'), e)
          : fail(t('Kein Sync-Ordner in der DDV eingerichtet.', 'No sync folder in the DDV.'), e);
      }),
  }),
];
