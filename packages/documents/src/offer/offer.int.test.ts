import { describe, expect, it } from 'vitest';
import { demoFindings, demoSheet, pdfText } from '../test-support/fixtures.ts';
import { formatEuro } from '../common/money.ts';
import { buildOffer } from './build-offer.ts';
import { defaultPriceCatalog, renderOffer } from './render-offer.ts';

const now = new Date('2026-11-20T12:00:00Z');

describe('offer PDF (pdftotext)', () => {
  it('lists package, positions, net / VAT / gross in euros, validity and the maintenance option', async () => {
    const sheet = demoSheet();
    const findings = demoFindings();
    const catalog = defaultPriceCatalog();
    const built = buildOffer(sheet, findings, catalog, { now });
    expect(built.success).toBe(true);
    if (!built.success) {
      return;
    }
    const pdf = await renderOffer({ sheet, findings, catalog }, { now });
    const flat = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(flat).toContain('Angebot ANG-CASE-2026-0042');
    expect(flat).toContain('Hausarztpraxis Dr. Jürgen Weiß & Kollegen');
    expect(flat).toContain('Goethestraße 12');
    expect(flat).toContain('Paket „Doctolib-PVS-Ready“');
    expect(flat).toContain('Gültig bis 20.12.2026');
    expect(flat).toContain(`Summe netto ${formatEuro(built.data.netCents, 'de')}`);
    expect(flat).toContain(`zzgl. USt. 19 % ${formatEuro(built.data.vatCents, 'de')}`);
    expect(flat).toContain(`Gesamtbetrag brutto ${formatEuro(built.data.grossCents, 'de')}`);
    expect(flat).toMatch(/\d{1,3}(\.\d{3})*,\d{2} €/);
    for (const line of built.data.lines) {
      expect(flat).toContain(formatEuro(line.totalCents, 'de'));
    }
    expect(flat).toContain('Optional: Wartungsvertrag');
    expect(flat).toContain('Wartungsvertrag Basis');
  });

  it('renders English with euro amounts in English notation', async () => {
    const pdf = await renderOffer({ sheet: demoSheet(), findings: demoFindings() }, { now, lang: 'en' });
    const flat = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(flat).toContain('Total gross');
    expect(flat).toMatch(/€\d{1,3}(,\d{3})*\.\d{2}/);
  });
});
