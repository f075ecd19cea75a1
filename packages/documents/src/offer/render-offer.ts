import { readFileSync } from 'node:fs';
import type { AuditSheet, Finding } from '@praxisready/model';
import { AppError } from '@praxisready/model';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { DocLang } from '../common/lang.ts';
import { t, tr } from '../common/lang.ts';
import { formatDate } from '../common/format.ts';
import { formatEuro, formatPercent, formatQuantity } from '../common/money.ts';
import { renderPdf } from '../pdf/engine.ts';
import { COLOR, PAGE_MARGINS, STYLES, ZEBRA } from '../pdf/theme.ts';
import type { Issuer } from '../report/document.ts';
import { DEFAULT_ISSUER } from '../report/render.ts';
import { buildOffer, type Offer } from './build-offer.ts';
import { parsePriceCatalog, type PriceCatalog } from './catalog.ts';

/** The catalog shipped with Praxisready (`default-catalog.json`); admins replace it with their own file. */
export function defaultPriceCatalog(): PriceCatalog {
  const raw = JSON.parse(readFileSync(new URL('./default-catalog.json', import.meta.url), 'utf8')) as unknown;
  const r = parsePriceCatalog(raw);
  if (!r.success) {
    throw new AppError('CONFIG_INVALID', 'The built-in price catalog is invalid', { issues: r.issues });
  }
  return r.data;
}

export interface OfferInput {
  sheet: AuditSheet;
  findings: readonly Finding[];
  /** Price catalog; the built-in one when left out. */
  catalog?: PriceCatalog;
  extra?: readonly { itemId: string; quantity: number }[];
}

export interface OfferOptions {
  lang?: DocLang;
  now?: Date;
  issuer?: Issuer;
  number?: string;
}

const O = {
  title: t('Angebot', 'Offer'),
  subtitle: t(
    '„Doctolib-PVS-Ready“ auf Grundlage des Tech-Audits',
    '"Doctolib PVS-Ready" based on the tech audit',
  ),
  number: t('Angebotsnummer', 'Offer number'),
  date: t('Datum', 'Date'),
  validUntil: t('Gültig bis', 'Valid until'),
  customer: t('Kundennummer', 'Customer number'),
  audit: t('Audit vom', 'Audit of'),
  pos: t('Pos.', 'Item'),
  description: t('Leistung', 'Description'),
  qty: t('Menge', 'Qty'),
  unit: t('Einheit', 'Unit'),
  unitPrice: t('Einzelpreis', 'Unit price'),
  total: t('Gesamt', 'Total'),
  net: t('Summe netto', 'Total net'),
  vat: t('zzgl. USt.', 'plus VAT'),
  gross: t('Gesamtbetrag brutto', 'Total gross'),
  options: t('Optional: Wartungsvertrag', 'Optional: maintenance contract'),
  optionsNote: t(
    'Laufende Betreuung nach der Umsetzung; nicht im Gesamtbetrag enthalten. Laufzeit 12 Monate, danach monatlich kündbar.',
    'Ongoing support after implementation; not included in the total. Term 12 months, then cancellable monthly.',
  ),
  perMonth: t('pro Monat', 'per month'),
  perYear: t('pro Jahr', 'per year'),
  reason: t('aus Befund', 'from finding'),
  intro: t(
    'vielen Dank für die Durchführung des Tech-Audits. Auf Grundlage der Befunde bieten wir Ihnen folgende Leistungen an:',
    'thank you for the tech audit. Based on the findings we offer the following services:',
  ),
  greeting: t('Sehr geehrte Damen und Herren,', 'Dear Sir or Madam,'),
  closing: t(
    'Alle Preise in Euro. Es gelten unsere Allgemeinen Geschäftsbedingungen. Wir freuen uns auf Ihren Auftrag.',
    'All prices in euros. Our terms and conditions apply. We look forward to your order.',
  ),
  page: t('Seite', 'Page'),
  of: t('von', 'of'),
} as const;

/** The offer document; pure. */
export function offerDefinition(
  sheet: AuditSheet,
  offer: Offer,
  lang: DocLang,
  issuer: Issuer,
): TDocumentDefinitions {
  const addr = sheet.practice.address ?? sheet.site?.address;
  const contact = sheet.practice.contacts.find((c) => c.role === 'owner') ?? sheet.practice.contacts[0];
  const right = (text: string, extra: Record<string, unknown> = {}): TableCell => ({
    text,
    alignment: 'right',
    fontSize: 8.5,
    ...extra,
  });
  const th = (text: string, align: 'left' | 'right' = 'left'): TableCell => ({
    text,
    style: 'th',
    alignment: align,
  });
  const body: TableCell[][] = [
    [
      th(tr(O.pos, lang)),
      th(tr(O.description, lang)),
      th(tr(O.qty, lang), 'right'),
      th(tr(O.unit, lang)),
      th(tr(O.unitPrice, lang), 'right'),
      th(tr(O.total, lang), 'right'),
    ],
    ...offer.lines.map((l): TableCell[] => [
      { text: String(l.pos), fontSize: 8.5 },
      {
        stack: [
          { text: tr(l.item.text, lang), bold: l.item.kind === 'package', fontSize: 8.5 },
          ...(l.item.description ? [{ text: tr(l.item.description, lang), style: 'small' }] : []),
          ...(l.reasons.length > 0
            ? [{ text: `${tr(O.reason, lang)}: ${l.reasons.join(', ')}`, style: 'small' }]
            : []),
        ],
      },
      right(formatQuantity(l.quantityMilli, lang)),
      { text: tr(l.item.unit, lang), fontSize: 8.5 },
      right(formatEuro(l.unitCents, lang)),
      right(formatEuro(l.totalCents, lang), { bold: true }),
    ]),
  ];
  const totals: TableCell[][] = [
    [{ text: tr(O.net, lang), fontSize: 9 }, right(formatEuro(offer.netCents, lang), { fontSize: 9 })],
    ...offer.vatGroups.map((g): TableCell[] => [
      { text: `${tr(O.vat, lang)} ${formatPercent(g.basisPoints, lang)}`, fontSize: 9 },
      right(formatEuro(g.vatCents, lang), { fontSize: 9 }),
    ]),
    [
      { text: tr(O.gross, lang), bold: true, fontSize: 10.5 },
      right(formatEuro(offer.grossCents, lang), { bold: true, fontSize: 10.5 }),
    ],
  ];
  const options: Content[] =
    offer.options.length === 0
      ? []
      : [
          {
            unbreakable: true,
            stack: [
              { text: tr(O.options, lang), style: 'h2' },
              { text: tr(O.optionsNote, lang), fontSize: 8.5, margin: [0, 0, 0, 4] },
              {
                table: {
                  headerRows: 1,
                  widths: ['*', 70, 70, 80],
                  body: [
                    [
                      th(tr(O.description, lang)),
                      th(tr(t('netto', 'net'), lang), 'right'),
                      th('USt./VAT', 'right'),
                      th(tr(t('brutto', 'gross'), lang), 'right'),
                    ],
                    ...offer.options.map((o): TableCell[] => [
                      {
                        stack: [
                          { text: tr(o.item.text, lang), fontSize: 8.5 },
                          {
                            text: `${formatPercent(o.item.vatBasisPoints, lang)} · ${tr(o.item.period === 'year' ? O.perYear : O.perMonth, lang)}`,
                            style: 'small',
                          },
                        ],
                      },
                      right(formatEuro(o.netCents, lang)),
                      right(formatEuro(o.vatCents, lang)),
                      right(formatEuro(o.grossCents, lang), { bold: true }),
                    ]),
                  ],
                },
                layout: ZEBRA,
              },
            ],
          },
        ];
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    info: {
      title: `${tr(O.title, lang)} ${offer.number} – ${sheet.practice.name}`,
      author: issuer.name,
      creator: 'Praxisready',
      producer: 'Praxisready (pdfmake)',
    },
    defaultStyle: { font: 'Roboto', fontSize: 9, color: COLOR.text, lineHeight: 1.15 },
    styles: STYLES,
    footer: (page, pages) => ({
      margin: [40, 16, 40, 0],
      columns: [
        { text: [issuer.name, issuer.address, issuer.email].filter(Boolean).join(' · '), style: 'small' },
        {
          text: `${tr(O.page, lang)} ${page} ${tr(O.of, lang)} ${pages}`,
          style: 'small',
          alignment: 'right',
        },
      ],
    }),
    content: [
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: `${issuer.name} · ${issuer.address ?? ''}`, style: 'small', margin: [0, 0, 0, 6] },
              { text: sheet.practice.name, bold: true, fontSize: 10 },
              ...(contact ? [{ text: contact.name, fontSize: 10 }] : []),
              ...(addr
                ? [
                    { text: addr.street, fontSize: 10 },
                    { text: `${addr.postalCode} ${addr.city}`, fontSize: 10 },
                  ]
                : []),
            ],
          },
          {
            width: 190,
            table: {
              widths: [85, '*'],
              body: [
                [
                  { text: tr(O.number, lang), style: 'label' },
                  { text: offer.number, fontSize: 9, bold: true },
                ],
                [
                  { text: tr(O.date, lang), style: 'label' },
                  { text: formatDate(offer.date, lang), fontSize: 9 },
                ],
                [
                  { text: tr(O.validUntil, lang), style: 'label' },
                  { text: formatDate(offer.validUntil, lang), fontSize: 9, bold: true },
                ],
                ...(sheet.practice.customerNumber
                  ? [
                      [
                        { text: tr(O.customer, lang), style: 'label' },
                        { text: sheet.practice.customerNumber, fontSize: 9 },
                      ],
                    ]
                  : []),
                ...(sheet.auditDate
                  ? [
                      [
                        { text: tr(O.audit, lang), style: 'label' },
                        { text: formatDate(sheet.auditDate, lang), fontSize: 9 },
                      ],
                    ]
                  : []),
              ],
            },
            layout: 'noBorders',
          },
        ],
        margin: [0, 0, 0, 30],
      },
      { text: `${tr(O.title, lang)} ${offer.number}`, style: 'h1' },
      { text: tr(O.subtitle, lang), color: COLOR.muted, margin: [0, -4, 0, 12] },
      { text: tr(O.greeting, lang), margin: [0, 0, 0, 4] },
      { text: tr(O.intro, lang), margin: [0, 0, 0, 10] },
      {
        table: { headerRows: 1, widths: [22, '*', 34, 50, 62, 66], body, dontBreakRows: true },
        layout: ZEBRA,
      },
      {
        columns: [
          { width: '*', text: '' },
          { width: 230, table: { widths: ['*', 90], body: totals }, layout: 'lightHorizontalLines' },
        ],
        margin: [0, 8, 0, 0],
        unbreakable: true,
      },
      ...options,
      { text: tr(O.closing, lang), fontSize: 8.5, margin: [0, 16, 0, 0] },
    ],
  };
}

/**
 * Renders the offer PDF. The positions come from the failing findings' offer items and the catalog.
 * Unknown catalog ids are left out (see {@link buildOffer} for the warnings).
 */
export async function renderOffer(input: OfferInput, opts: OfferOptions = {}): Promise<Buffer> {
  const now = opts.now ?? new Date();
  const r = buildOffer(input.sheet, input.findings, input.catalog ?? defaultPriceCatalog(), {
    now,
    ...(opts.number ? { number: opts.number } : {}),
    ...(input.extra ? { extra: input.extra } : {}),
  });
  if (!r.success) {
    throw new AppError('VALIDATION_FAILED', 'The offer could not be built', { issues: r.issues });
  }
  return renderPdf(offerDefinition(input.sheet, r.data, opts.lang ?? 'de', opts.issuer ?? DEFAULT_ISSUER));
}
