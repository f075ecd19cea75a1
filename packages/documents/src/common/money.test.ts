import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatEuro,
  formatPercent,
  formatQuantity,
  lineTotalCents,
  parseCents,
  percentToBasisPoints,
  toMilli,
  vatCents,
} from './money.ts';

describe('money in integer cents', () => {
  it('parses decimal strings exactly', () => {
    expect(parseCents('149.00')).toBe(14900);
    expect(parseCents('59.9')).toBe(5990);
    expect(parseCents('3')).toBe(300);
    expect(parseCents('0.07')).toBe(7);
    expect(parseCents('1,00')).toBeUndefined();
    expect(parseCents('1.005')).toBeUndefined();
    expect(parseCents('-1')).toBeUndefined();
  });

  it('rounds VAT half up to the cent', () => {
    // 0.10 € × 19 % = 1.9 ct → 2 ct; 5382.90 € × 19 % = 1022.751 € → 1022.75 €
    expect(vatCents(10, 1900)).toBe(2);
    expect(vatCents(538290, 1900)).toBe(102275);
    // exactly half a cent rounds up: 0.50 € × 7 % = 3.5 ct
    expect(vatCents(50, 700)).toBe(4);
  });

  it('multiplies unit price and fractional quantity without float error', () => {
    expect(lineTotalCents(11500, 1500)).toBe(17250);
    expect(lineTotalCents(5990, 3000)).toBe(17970);
    expect(lineTotalCents(333, 333)).toBe(111); // 333 ct × 0.333 = 110.889 ct
    expect(toMilli(0.1 + 0.2)).toBe(300);
    expect(toMilli(1.0005)).toBeUndefined();
  });

  it('formats euros in German and English', () => {
    expect(formatEuro(640565, 'de')).toBe('6.405,65 €');
    expect(formatEuro(640565, 'en')).toBe('€6,405.65');
    expect(formatEuro(5, 'de')).toBe('0,05 €');
    expect(formatEuro(123456789, 'de')).toBe('1.234.567,89 €');
    expect(formatQuantity(1500, 'de')).toBe('1,5');
    expect(formatQuantity(2000, 'en')).toBe('2');
    expect(formatPercent(1900, 'de')).toBe('19 %');
    expect(percentToBasisPoints(19)).toBe(1900);
    expect(percentToBasisPoints(7.5)).toBe(750);
  });

  it('property: VAT is within half a cent of the exact value and never negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.integer({ min: 0, max: 10_000 }),
        (net, bp) => {
          const v = vatCents(net, bp);
          const exact = (net * bp) / 10_000;
          return Number.isInteger(v) && v >= 0 && Math.abs(v - exact) <= 0.5;
        },
      ),
    );
  });

  it('property: formatting and parsing round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (cents) => {
        const en = formatEuro(cents, 'en').replace('€', '').replace(/,/g, '');
        return parseCents(en) === cents;
      }),
    );
  });
});
