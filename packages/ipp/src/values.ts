import type { IppAttribute, IppDateTime, IppGroup, IppMessage, IppValue } from './codec.ts';
import { DelimiterTag, Operation, ResolutionUnits, ValueTag, type OperationName } from './tags.ts';

/** Value builders: `attribute('printer-state', enumValue(3))`, `attribute('media', keyword('iso_a4_210x297mm'))`. */
export const integer = (value: number): IppValue => ({ kind: 'integer', tag: ValueTag.integer, value });
export const enumValue = (value: number): IppValue => ({ kind: 'integer', tag: ValueTag.enum, value });
export const boolean = (value: boolean): IppValue => ({ kind: 'boolean', tag: ValueTag.boolean, value });
const str =
  (tag: number) =>
  (value: string): IppValue => ({ kind: 'string', tag, value });
export const text = str(ValueTag.textWithoutLanguage);
export const name = str(ValueTag.nameWithoutLanguage);
export const keyword = str(ValueTag.keyword);
export const uri = str(ValueTag.uri);
export const uriScheme = str(ValueTag.uriScheme);
export const charset = str(ValueTag.charset);
export const naturalLanguage = str(ValueTag.naturalLanguage);
export const mimeMediaType = str(ValueTag.mimeMediaType);
export const textWithLanguage = (language: string, value: string): IppValue => ({
  kind: 'stringWithLanguage',
  tag: ValueTag.textWithLanguage,
  language,
  value,
});
export const nameWithLanguage = (language: string, value: string): IppValue => ({
  kind: 'stringWithLanguage',
  tag: ValueTag.nameWithLanguage,
  language,
  value,
});
export const octetString = (value: Uint8Array): IppValue => ({
  kind: 'octets',
  tag: ValueTag.octetString,
  value,
});
export const resolution = (x: number, y: number, units: keyof typeof ResolutionUnits = 'dpi'): IppValue => ({
  kind: 'resolution',
  tag: ValueTag.resolution,
  x,
  y,
  units: ResolutionUnits[units],
});
export const rangeOfInteger = (lower: number, upper: number): IppValue => ({
  kind: 'range',
  tag: ValueTag.rangeOfInteger,
  lower,
  upper,
});
export const collection = (members: IppAttribute[]): IppValue => ({
  kind: 'collection',
  tag: ValueTag.begCollection,
  members,
});
export const outOfBand = (
  tag: (typeof ValueTag)[
    'unsupported' | 'unknown' | 'noValue' | 'notSettable' | 'deleteAttribute' | 'adminDefine'],
): IppValue => ({ kind: 'outOfBand', tag });

/** A dateTime from a JS date, in UTC (as ippeveprinter sends it). */
export function dateTime(date: Date): IppValue {
  const value: IppDateTime = {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hours: date.getUTCHours(),
    minutes: date.getUTCMinutes(),
    seconds: date.getUTCSeconds(),
    deciSeconds: Math.floor(date.getUTCMilliseconds() / 100),
    utcDirection: '+',
    utcHours: 0,
    utcMinutes: 0,
  };
  return { kind: 'dateTime', tag: ValueTag.dateTime, value };
}

export function attribute(attrName: string, ...values: IppValue[]): IppAttribute {
  return { name: attrName, values };
}

/**
 * A request with the operation attributes every request starts with (RFC 8011 §4.1.4: attributes-charset and
 * attributes-natural-language first, then the target).
 */
export function ippRequest(
  operation: OperationName,
  options: {
    requestId?: number;
    version?: { major: number; minor: number };
    language?: string;
    operationAttributes?: IppAttribute[];
    groups?: IppGroup[];
    data?: Uint8Array;
  } = {},
): IppMessage {
  return {
    version: options.version ?? { major: 2, minor: 0 },
    code: Operation[operation],
    requestId: options.requestId ?? 1,
    groups: [
      {
        tag: DelimiterTag.operationAttributes,
        attributes: [
          attribute('attributes-charset', charset('utf-8')),
          attribute('attributes-natural-language', naturalLanguage(options.language ?? 'en')),
          ...(options.operationAttributes ?? []),
        ],
      },
      ...(options.groups ?? []),
    ],
    data: options.data ?? new Uint8Array(0),
  };
}

/**
 * The attributes of all groups with this tag, by name (the first occurrence of a name wins). Get-Jobs answers
 * several job groups: use `message.groups` directly for those.
 */
export function groupAttributes(message: IppMessage, tag: number): Map<string, IppValue[]> {
  const out = new Map<string, IppValue[]>();
  for (const group of message.groups) {
    if (group.tag !== tag) {
      continue;
    }
    for (const a of group.attributes) {
      if (!out.has(a.name)) {
        out.set(a.name, a.values);
      }
    }
  }
  return out;
}

/** A JS view of a value for callers that do not care about the tag. */
export type PlainValue =
  | string
  | number
  | boolean
  | null
  | Uint8Array
  | Date
  | readonly [number, number, 'dpi' | 'dpcm' | number]
  | { lower: number; upper: number }
  | { [member: string]: PlainValue[] };

/**
 * integer and enum → number, strings → string (the language of textWithLanguage is dropped), resolution →
 * `[x, y, 'dpi' | 'dpcm']`, rangeOfInteger → `{ lower, upper }`, dateTime → Date, collection → member name to
 * values, out-of-band → null, anything else → its bytes.
 */
export function plainValue(v: IppValue): PlainValue {
  switch (v.kind) {
    case 'integer':
    case 'boolean':
    case 'string':
    case 'stringWithLanguage':
      return v.value;
    case 'resolution':
      return [
        v.x,
        v.y,
        v.units === ResolutionUnits.dpi ? 'dpi' : v.units === ResolutionUnits.dpcm ? 'dpcm' : v.units,
      ];
    case 'range':
      return { lower: v.lower, upper: v.upper };
    case 'dateTime': {
      const d = v.value;
      const offsetMin = (d.utcDirection === '-' ? -1 : 1) * (d.utcHours * 60 + d.utcMinutes);
      const local = Date.UTC(d.year, d.month - 1, d.day, d.hours, d.minutes, d.seconds, d.deciSeconds * 100);
      return new Date(local - offsetMin * 60_000);
    }
    case 'collection':
      return Object.fromEntries(v.members.map((m) => [m.name, m.values.map(plainValue)]));
    case 'outOfBand':
      return null;
    case 'octets':
      return v.value;
  }
}
