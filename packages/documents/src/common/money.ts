import type { DocLang } from './lang.ts';

/**
 * Money is integer cents everywhere; floating point never touches an amount. Quantities are integer
 * thousandths (milli-units) so that 1.5 hours stays exact. Rounding is half up (kaufmännisch), on the line.
 */

/** Parses a decimal string with a dot ("149.00", "12.5", "3") into integer cents; undefined when malformed. */
export function parseCents(text: string): number | undefined {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const frac = (m[2] ?? '').padEnd(2, '0');
  return Number(m[1]) * 100 + Number(frac);
}

/** Converts a quantity to integer thousandths; undefined when it has more than three decimals or is negative. */
export function toMilli(quantity: number): number | undefined {
  if (!Number.isFinite(quantity) || quantity < 0) {
    return undefined;
  }
  const milli = Math.round(quantity * 1000);
  return Math.abs(milli - quantity * 1000) < 1e-6 ? milli : undefined;
}

/** Integer division rounding half up, for non-negative numerators. */
function divRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Line total: unit price (cents) × quantity (milli-units), rounded half up to the cent. */
export function lineTotalCents(unitCents: number, quantityMilli: number): number {
  return divRoundHalfUp(unitCents * quantityMilli, 1000);
}

/** VAT on a net amount; the rate is in basis points (19 % = 1900), rounded half up to the cent. */
export function vatCents(netCents: number, rateBasisPoints: number): number {
  return divRoundHalfUp(netCents * rateBasisPoints, 10_000);
}

/** Parses a VAT rate in percent ("19", "7", "0", "19.5") to basis points. */
export function percentToBasisPoints(percent: number): number | undefined {
  const bp = Math.round(percent * 100);
  return Number.isFinite(percent) && percent >= 0 && percent <= 100 && Math.abs(bp - percent * 100) < 1e-6
    ? bp
    : undefined;
}

/** Formats cents as `1.234,56 €` (de) or `€1,234.56` (en). */
export function formatEuro(cents: number, lang: DocLang): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  const group = lang === 'de' ? '.' : ',';
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = negative ? '-' : '';
  return lang === 'de' ? `${sign}${grouped},${rest} €` : `${sign}€${grouped}.${rest}`;
}

/** Formats milli-units as a quantity (`1,5` / `1.5`). */
export function formatQuantity(milli: number, lang: DocLang): string {
  const whole = Math.floor(milli / 1000);
  const frac = String(milli % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return frac === '' ? String(whole) : `${whole}${lang === 'de' ? ',' : '.'}${frac}`;
}

/** Formats basis points as a percentage (`19 %`). */
export function formatPercent(basisPoints: number, lang: DocLang): string {
  const whole = Math.floor(basisPoints / 100);
  const frac = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  const num = frac === '' ? String(whole) : `${whole}${lang === 'de' ? ',' : '.'}${frac}`;
  return lang === 'de' ? `${num} %` : `${num}%`;
}
