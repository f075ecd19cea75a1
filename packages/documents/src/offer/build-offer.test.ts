import { describe, expect, it } from 'vitest';
import { demoFindings, demoSheet } from '../test-support/fixtures.ts';
import { buildOffer } from './build-offer.ts';
import { parsePriceCatalog } from './catalog.ts';
import { defaultPriceCatalog } from './render-offer.ts';

const now = new Date('2026-11-20T12:00:00Z');

const small = {
  validityDays: 14,
  packageItemId: 'pkg',
  maintenanceItemIds: ['care'],
  items: [
    {
      id: 'pkg',
      kind: 'package',
      text: { de: 'Paket', en: 'Package' },
      unit: { de: 'Pauschale', en: 'flat' },
      unitPriceNet: '1000.00',
      vatRate: 19,
      includes: ['gdt.config'],
    },
    {
      id: 'care',
      kind: 'maintenance',
      period: 'month',
      text: { de: 'Wartung', en: 'Care' },
      unit: { de: 'Monat', en: 'month' },
      unitPriceNet: '99.99',
      vatRate: 19,
    },
    {
      id: 'hour',
      text: { de: 'Stunde', en: 'Hour' },
      unit: { de: 'Std.', en: 'h' },
      unitPriceNet: '0.33',
      vatRate: 19,
    },
    {
      id: 'book',
      text: { de: 'Handbuch', en: 'Manual' },
      unit: { de: 'Stück', en: 'piece' },
      unitPriceNet: '10.05',
      vatRate: 7,
    },
    {
      id: 'gdt.config',
      text: { de: 'GDT', en: 'GDT' },
      unit: { de: 'Gerät', en: 'device' },
      unitPriceNet: '145.00',
      vatRate: 19,
    },
  ],
};

function finding(itemId: string, quantity: number, status: 'fail' | 'warn' | 'pass' = 'fail') {
  return {
    ...demoFindings()[0]!,
    checkId: `x.${itemId.replace('.', '-')}`,
    status,
    offerItem: { itemId, quantity },
  };
}

describe('buildOffer', () => {
  const catalog = parsePriceCatalog(small);
  if (!catalog.success) {
    throw new Error(JSON.stringify(catalog.issues));
  }

  it('sums quantities per item, charges the package once and leaves out what it includes', () => {
    const r = buildOffer(
      demoSheet(),
      [
        finding('hour', 1.5),
        finding('hour', 2),
        finding('gdt.config', 1),
        finding('book', 3),
        finding('book', 1, 'pass'),
      ],
      catalog.data,
      { now },
    );
    expect(r.success).toBe(true);
    if (!r.success) {
      return;
    }
    const o = r.data;
    expect(o.lines.map((l) => [l.item.id, l.quantityMilli, l.totalCents])).toEqual([
      ['pkg', 1000, 100000],
      ['hour', 3500, 116], // 0.33 € × 3.5 = 1.155 € → 1.16 €
      ['book', 3000, 3015],
    ]);
    expect(o.vatGroups).toEqual([
      { basisPoints: 1900, netCents: 100116, vatCents: 19022 }, // 1001.16 × 19 % = 190.2204
      { basisPoints: 700, netCents: 3015, vatCents: 211 }, // 30.15 × 7 % = 2.1105
    ]);
    expect(o.netCents).toBe(103131);
    expect(o.grossCents).toBe(103131 + 19022 + 211);
    expect(o.validUntil).toBe('2026-12-04');
    expect(o.options[0]).toMatchObject({ netCents: 9999, vatCents: 1900, grossCents: 11899 });
  });

  it('warns about unknown catalog items instead of failing', () => {
    const r = buildOffer(demoSheet(), [finding('does.not-exist', 1)], catalog.data, { now });
    expect(r.success).toBe(true);
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: 'unknown_offer_item',
        path: ['findings', 0, 'offerItem'],
        severity: 'warning',
      }),
    ]);
  });

  it('uses the built-in catalog for the offer items the rules propose', () => {
    const cat = defaultPriceCatalog();
    const r = buildOffer(demoSheet(), demoFindings(), cat, { now });
    expect(r.success).toBe(true);
    expect(r.success && r.data.lines[0]?.item.id).toBe('pvs-ready');
    expect(r.success && r.data.grossCents).toBe(r.success && r.data.netCents + r.data.vatCents);
  });
});

describe('parsePriceCatalog', () => {
  it('reports bad prices, duplicate ids and unknown references with their path', () => {
    const r = parsePriceCatalog({
      packageItemId: 'nope',
      items: [
        {
          id: 'a',
          text: { de: 'A', en: 'A' },
          unit: { de: 'x', en: 'x' },
          unitPriceNet: '1.00',
          vatRate: 19,
        },
        {
          id: 'a',
          text: { de: 'A', en: 'A' },
          unit: { de: 'x', en: 'x' },
          unitPriceNet: '1.00',
          vatRate: 19,
        },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.issues.map((i) => i.path)).toEqual([['items', 1, 'id'], ['packageItemId']]);
    const bad = parsePriceCatalog({
      items: [
        {
          id: 'a',
          text: { de: 'A', en: 'A' },
          unit: { de: 'x', en: 'x' },
          unitPriceNet: '1,50',
          vatRate: 19,
        },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.issues[0]?.path).toEqual(['items', 0, 'unitPriceNet']);
  });
});
