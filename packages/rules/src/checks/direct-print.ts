import type { Printer } from '@praxisready/model';
import { SYSTEM_REQUIREMENTS as R } from '../catalogs/system-requirements.ts';
import { ev, evRaw, fail, manual, missing, pass, t, unknown } from '../engine/helpers.ts';
import type { Check, CheckContext, Outcome } from '../engine/types.ts';

const REF = 'Seed 000, Schritt 4 (Direktdruck) und Stolpersteine („Direktdruck nicht kompatibel“)';
/** Document types that need a profile when the sheet names none: "z. B. AU" (seed 000) and the eRezept (seed 004). */
export const DEFAULT_REQUIRED_DOCUMENT_TYPES = ['AU', 'Rezept'] as const;

function hasPrinters(ctx: CheckContext) {
  return ctx.sheet.print.printers.length > 0
    ? (true as const)
    : t('Keine Drucker erfasst.', 'No printers recorded.');
}

function each(ctx: CheckContext, fn: (pr: Printer, p: string) => Outcome): Outcome[] {
  return ctx.sheet.print.printers.map((pr, i) => ({
    ...fn(pr, `print.printers[${i}]`),
    subject: pr.name?.value ?? pr.id,
  }));
}

export const directPrintChecks: Check[] = [
  {
    id: 'print.ipp',
    area: 'direct_print',
    severity: 'high',
    title: t('Drucker per IPP erreichbar', 'Printer reachable via IPP'),
    reference: REF,
    remediation: t(
      'IP/Hostname am Drucker kontrollieren und IPP am Drucker aktivieren.',
      'Check IP/host name at the printer and enable IPP.',
    ),
    appliesTo: hasPrinters,
    run: (ctx) =>
      each(ctx, (pr, p) => {
        const e = [
          ev(`${p}.host`, pr.host),
          ev(`${p}.reachable`, pr.reachable),
          ev(`${p}.ippSupported`, pr.ippSupported),
        ];
        if (pr.reachable?.value === false) {
          return fail(
            t(
              `Drucker ${pr.host?.value ?? ''} nicht erreichbar.`,
              `Printer ${pr.host?.value ?? ''} not reachable.`,
            ),
            e,
          );
        }
        if (pr.ippSupported?.value === false) {
          return fail(t('Drucker spricht kein IPP.', 'Printer does not speak IPP.'), e);
        }
        if (pr.reachable === undefined || pr.ippSupported === undefined) {
          return unknown(t('IPP-Erreichbarkeit nicht geprüft.', 'IPP reachability not checked.'), e);
        }
        return pass(t('Per IPP erreichbar.', 'Reachable via IPP.'), e);
      }),
  },
  {
    id: 'print.pdf',
    area: 'direct_print',
    severity: 'high',
    title: t('Drucker kann PDF direkt drucken', 'Printer prints PDF directly'),
    reference: REF,
    offerItem: { itemId: 'hw.printer', quantity: 1 },
    remediation: t(
      'PDF-Fähigkeit sicherstellen (Direktdruck sendet PDFs per IPP) oder einen PDF-fähigen Drucker einsetzen.',
      'Ensure PDF support (direct print sends PDFs via IPP) or use a PDF-capable printer.',
    ),
    appliesTo: hasPrinters,
    run: (ctx) =>
      each(ctx, (pr, p) => {
        const v = pr.pdfSupported;
        if (v === undefined) {
          return missing(`${p}.pdfSupported`, t('PDF-Unterstützung', 'PDF support'));
        }
        const e = [ev(`${p}.pdfSupported`, v)];
        return v.value
          ? pass(t('application/pdf wird unterstützt.', 'application/pdf supported.'), e)
          : fail(t('Drucker unterstützt kein PDF.', 'Printer does not support PDF.'), e);
      }),
  },
  {
    id: 'print.resolution',
    area: 'direct_print',
    severity: 'high',
    title: t('Druckauflösung mindestens 300 dpi', 'Print resolution at least 300 dpi'),
    reference: `${REF}; Seed 004, Drucker (Hinweise)`,
    offerItem: { itemId: 'hw.printer', quantity: 1 },
    remediation: t(
      'Drucker mit einer Mindestauflösung von 300 dpi einsetzen (beispielsweise für den eRezept-Ausdruck relevant).',
      'Use a printer with at least 300 dpi (relevant e.g. for printing the eRezept).',
    ),
    appliesTo: hasPrinters,
    run: (ctx) =>
      each(ctx, (pr, p) => {
        const r = pr.resolutionsDpi;
        if (r === undefined || r.value.length === 0) {
          return missing(`${p}.resolutionsDpi`, t('Druckauflösung', 'print resolution'));
        }
        const max = Math.max(...r.value);
        const e = [ev(`${p}.resolutionsDpi`, r)];
        return max >= R.printerMinDpi
          ? pass(t(`Bis ${max} dpi.`, `Up to ${max} dpi.`), e)
          : fail(
              t(
                `Höchstens ${max} dpi; benötigt werden mindestens 300 dpi (eRezept).`,
                `At most ${max} dpi; at least 300 dpi are needed (eRezept).`,
              ),
              e,
            );
      }),
  },
  {
    id: 'print.profiles',
    area: 'direct_print',
    severity: 'medium',
    title: t(
      'Drucker-/Schachtprofil je Dokumenttyp (AU, Rezept …)',
      'Printer/tray profile per document type (AU, Rezept …)',
    ),
    reference: REF,
    remediation: t(
      'Im Direktdruck Standard- und Dokumenttyp-Profile (z. B. AU, Rezept) mit Drucker und Schacht einrichten.',
      'Set up default and per-document-type profiles (e.g. AU, Rezept) with printer and tray.',
    ),
    run: (ctx) => {
      const req = ctx.sheet.print.requiredDocumentTypes?.value ?? [...DEFAULT_REQUIRED_DOCUMENT_TYPES];
      const printers = new Set(ctx.sheet.print.printers.map((p) => p.id));
      if (ctx.sheet.print.printers.length === 0 && ctx.sheet.print.profiles.length === 0) {
        return [unknown(t('Weder Drucker noch Profile erfasst.', 'Neither printers nor profiles recorded.'))];
      }
      if (ctx.sheet.print.profiles.length === 0) {
        // Profiles live in the PVS/DDV settings; the probe cannot read them, so none recorded means "look".
        return [
          manual(
            t(
              `Keine Druckprofile erfasst: im Direktdruck je Dokumenttyp (${req.join(', ')}) Drucker und Schacht prüfen und eintragen.`,
              `No print profiles recorded: check and record printer and tray per document type (${req.join(', ')}).`,
            ),
          ),
        ];
      }
      return req.map((type) => {
        const prof = ctx.sheet.print.profiles.findIndex((x) => x.documentType === type);
        const pr = ctx.sheet.print.profiles[prof];
        const e = [
          evRaw(
            `print.profiles[documentType=${type}]`,
            pr ? { printerId: pr.printerId.value, tray: pr.tray?.value ?? null } : null,
          ),
        ];
        if (pr === undefined) {
          return fail(t(`Kein Profil für ${type}.`, `No profile for ${type}.`), e, type);
        }
        if (!printers.has(pr.printerId.value)) {
          return fail(
            t(
              `Profil ${type} verweist auf unbekannten Drucker ${pr.printerId.value}.`,
              `Profile ${type} points to unknown printer ${pr.printerId.value}.`,
            ),
            e,
            type,
          );
        }
        return pass(
          t(
            `${type}: Drucker ${pr.printerId.value}${pr.tray ? `, Schacht ${pr.tray.value}` : ''}.`,
            `${type}: printer ${pr.printerId.value}${pr.tray ? `, tray ${pr.tray.value}` : ''}.`,
          ),
          e,
          type,
        );
      });
    },
  },
];
