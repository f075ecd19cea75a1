import { describe, expect, it } from 'vitest';
import { defaultPriceCatalog, parsePriceCatalog } from '@praxisready/documents';
import { catalogToJson, centsToDecimal, checkCatalog } from './service.ts';

describe('documents service helpers', () => {
  it('writes cents as decimal strings without floating point', () => {
    expect(centsToDecimal(0)).toBe('0.00');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(149000)).toBe('1490.00');
    expect(centsToDecimal(177310)).toBe('1773.10');
    expect(centsToDecimal(-1999)).toBe('-19.99');
  });

  it('turns the parsed catalog back into JSON that parses to the same catalog', () => {
    const catalog = defaultPriceCatalog();
    const json = catalogToJson(catalog);
    expect(json.items.length).toBe(catalog.items.size);
    const again = parsePriceCatalog(json);
    expect(again.success).toBe(true);
    if (again.success) {
      expect([...again.data.items.values()]).toEqual([...catalog.items.values()]);
      expect(again.data.packageItemId).toBe(catalog.packageItemId);
    }
  });

  it('lists every check of the rules once, with titles in both languages', () => {
    const list = checkCatalog();
    expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
    expect(list.every((c) => c.title.de !== '' && c.title.en !== '')).toBe(true);
  });
});
