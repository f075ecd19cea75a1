import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeName, normalizeStreet, siteMatchKey } from './normalize.ts';

describe('site matching', () => {
  it.each([
    ['Hauptstraße 5', 'Hauptstr. 5'],
    ['Hauptstraße 5', 'hauptstrasse  5'],
    ['Hauptstraße 5a', 'Hauptstr. 5 a'],
    ['Haupt Straße 5', 'Hauptstraße 5'],
    ['Königsplatz 1', 'Koenigspl. 1'],
    ['Müllerweg 3', 'MUELLERWEG 3'],
  ])('%s ≡ %s', (a, b) => {
    expect(normalizeStreet(a)).toBe(normalizeStreet(b));
  });

  it.each([
    ['Hauptstraße 5', 'Hauptstraße 7'],
    ['Hauptstraße 5', 'Nebenstraße 5'],
    ['Gartenweg 2', 'Gartenplatz 2'],
  ])('%s ≠ %s', (a, b) => {
    expect(normalizeStreet(a)).not.toBe(normalizeStreet(b));
  });

  it('treats umlauts, case, dots and whitespace in practice names alike', () => {
    expect(normalizeName('Praxis Dr. med.  Jürgen Müller')).toBe(
      normalizeName('praxis dr med juergen mueller'),
    );
    expect(siteMatchKey('Praxis Dr. Müller', 'Hauptstraße 5', '10115')).toBe(
      siteMatchKey('PRAXIS DR MUELLER', 'Hauptstr.5', '10 115'),
    );
  });

  it('is idempotent and case-insensitive (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = normalizeStreet(s);
        expect(normalizeStreet(once)).toBe(once);
        expect(normalizeStreet(s.toUpperCase())).toBe(normalizeStreet(s.toLowerCase()));
        expect(normalizeName(normalizeName(s))).toBe(normalizeName(s));
      }),
    );
  });
});
