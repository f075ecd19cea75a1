import type { DocLang } from './lang.ts';

/** Formats an ISO date or timestamp as `TT.MM.JJJJ` (de) or `YYYY-MM-DD` (en); anything else is kept. */
export function formatDate(value: string | Date | undefined, lang: DocLang): string {
  if (value === undefined) {
    return '–';
  }
  const iso = typeof value === 'string' ? value : value.toISOString();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) {
    return iso;
  }
  return lang === 'de' ? `${m[3]}.${m[2]}.${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** Formats a timestamp with minutes in UTC, e.g. `23.11.2026 09:30 UTC`. */
export function formatDateTime(value: string | undefined, lang: DocLang): string {
  if (value === undefined) {
    return '–';
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    return value;
  }
  const d = new Date(ms);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${formatDate(d, lang)} ${hh}:${mm} UTC`;
}

/** Whole days from `now` to an ISO date (negative when in the past); NaN when unparsable. */
export function daysUntil(date: string, now: Date): number {
  const ms = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  return Number.isNaN(ms) ? Number.NaN : Math.floor((ms - now.getTime()) / 86_400_000);
}

/** Adds whole days to a date and returns the ISO calendar date (UTC). */
export function addDays(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Formats a number with the language's decimal separator; at most `digits` decimals, trailing zeros dropped. */
export function formatNumber(value: number, lang: DocLang, digits = 2): string {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(value);
}

/** A score 0–100 as text, or a dash when nothing could be decided. */
export function formatScore(score: number | null, lang: DocLang): string {
  return score === null ? '–' : formatNumber(score, lang, 1);
}
