/**
 * @module @praxisready/documents
 * What the practice and sales see of an audit: the report PDF, the offer PDF, the report e-mail in the case
 * thread, the central XLSX sheet and the artifact bundle ZIP.
 *
 * @example
 * const { findings, scores } = evaluate(sheet, { now });
 * const reportPdf = await renderReport({ sheet, findings, scores }, { now });
 * const offerPdf = await renderOffer({ sheet, findings }, { now });
 * const mail = composeReportMail({ sheet, reportPdf, offerPdf, from, dispatcher, ranger });
 */
export { DocLang } from './common/lang.ts';
export { formatEuro, parseCents, lineTotalCents, vatCents } from './common/money.ts';
export { warmUpDocuments } from './pdf/engine.ts';

export { renderReport, DEFAULT_ISSUER } from './report/render.ts';
export type { ReportInput, ReportOptions } from './report/render.ts';
export type { Issuer } from './report/document.ts';
export type { EvidenceImage } from './report/images.ts';
export { DEFAULT_OPERATIONS_CHECKLIST } from './report/checklists.ts';
export type { ChecklistItemDef } from './report/checklists.ts';
export { networkSketch } from './report/network-sketch.ts';

export { renderOffer, defaultPriceCatalog } from './offer/render-offer.ts';
export type { OfferInput, OfferOptions } from './offer/render-offer.ts';
export { buildOffer } from './offer/build-offer.ts';
export type { Offer, OfferLine, BuildOfferOptions } from './offer/build-offer.ts';
export { parsePriceCatalog, PriceCatalogSchema } from './offer/catalog.ts';
export type { PriceCatalog, PriceCatalogInput, CatalogItem } from './offer/catalog.ts';

export { composeReportMail } from './mail/report-mail.ts';
export type { ReportMailInput } from './mail/report-mail.ts';

export { exportCentralSheet, importCentralSheet } from './central-sheet/xlsx.ts';
export type { ImportOptions } from './central-sheet/xlsx.ts';
export { centralRowOf, CENTRAL_SHEET_COLUMNS } from './central-sheet/columns.ts';
export type { CentralSheetRow } from './central-sheet/columns.ts';

export { buildArtifactBundle, ARTIFACT_FOLDERS } from './bundle/bundle.ts';
export type { Artifact, ArtifactFolder, BundleInput } from './bundle/bundle.ts';
