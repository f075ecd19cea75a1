/** `ConvertTo-Json` prints a single object bare and a collection as an array; this makes both a list. */
export function asList(value: unknown): Record<string, unknown>[] {
  if (value === null || value === undefined) {
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object');
}

export function str(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? undefined : t;
  }
  if (typeof value === 'number') {
    return String(value);
  }
  return undefined;
}

export function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return undefined;
}

/** PowerShell booleans arrive as true/false, as 1/0 (GpoBoolean) or as "True"/"False". */
export function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') {
    return value;
  }
  if (value === 1 || value === '1' || value === 'True' || value === 'true') {
    return true;
  }
  if (value === 0 || value === '0' || value === 'False' || value === 'false') {
    return false;
  }
  return undefined;
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export const GB = 1024 ** 3;
