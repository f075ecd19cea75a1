import type { AuditSheet } from '@praxisready/model';
import type { DocLang } from '../common/lang.ts';

/** A file-name-safe slug: umlauts transliterated, everything else outside [A-Za-z0-9-] dropped. */
export function slug(text: string): string {
  return text
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export function reportFileName(sheet: AuditSheet, lang: DocLang): string {
  return `${lang === 'de' ? 'Bericht' : 'Report'}_${slug(sheet.practice.name)}_${sheet.auditDate ?? 'ohne-Datum'}.pdf`;
}

export function offerFileName(sheet: AuditSheet, lang: DocLang): string {
  return `${lang === 'de' ? 'Angebot' : 'Offer'}_${slug(sheet.practice.name)}_${sheet.auditDate ?? 'ohne-Datum'}.pdf`;
}
