/**
 * Normalisation for matching practices and sites, so that "Praxis Dr. Müller, Hauptstraße 5" and
 * "praxis dr mueller,  Hauptstr. 5" are the same site. Pure functions; the match keys are unique in the database.
 */
const REPLACEMENTS: readonly [RegExp, string][] = [
  [/ä/g, 'ae'],
  [/ö/g, 'oe'],
  [/ü/g, 'ue'],
  [/ß/g, 'ss'],
  [/é|è|ê/g, 'e'],
];

/** Street suffixes: "Straße", "Strasse", "Str." and "str" all become "str"; likewise "Platz"/"Pl.". */
const STREET_SUFFIXES: readonly [RegExp, string][] = [
  [/(strasse|str\.?)(?=\s|\d|$)/g, 'str'],
  [/(platz|pl\.)(?=\s|\d|$)/g, 'pl'],
  [/(weg)(?=\s|\d|$)/g, 'weg'],
];

/** Lower case, umlauts spelled out, punctuation to spaces, whitespace collapsed. */
export function normalizeText(input: string): string {
  let s = input.normalize('NFC').toLowerCase();
  for (const [re, to] of REPLACEMENTS) {
    s = s.replace(re, to);
  }
  return s
    .replace(/[^a-z0-9.\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A practice name for matching: titles kept, dots dropped ("Dr. med." → "dr med"). */
export function normalizeName(name: string): string {
  return normalizeText(name).replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
}

/** A street for matching: suffix variants unified, spaces and dots removed. */
export function normalizeStreet(street: string): string {
  let s = normalizeText(street);
  for (const [re, to] of STREET_SUFFIXES) {
    s = s.replace(re, to);
  }
  // Spaces carry no meaning in a street ("Haupt Straße 5 a" = "Hauptstraße 5a"), so the key drops them.
  return s.replace(/[.\s]/g, '');
}

export function normalizePostalCode(code: string): string {
  return code.replace(/\s+/g, '');
}

/** Key that identifies a customer: name + postal code of its (first) site. */
export function customerMatchKey(name: string, postalCode: string): string {
  return `${normalizeName(name)}|${normalizePostalCode(postalCode)}`;
}

/** Key that identifies a site: customer name + street + postal code. */
export function siteMatchKey(name: string, street: string, postalCode: string): string {
  return `${normalizeName(name)}|${normalizeStreet(street)}|${normalizePostalCode(postalCode)}`;
}
