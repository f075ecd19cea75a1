import { describe, expect, it } from 'vitest';
import { decodeIpp, encodeIpp, type IppMessage } from './codec.ts';
import { DelimiterTag, ValueTag } from './tags.ts';
import {
  attribute,
  collection,
  dateTime,
  integer,
  ippRequest,
  keyword,
  nameWithLanguage,
  outOfBand,
  plainValue,
  rangeOfInteger,
  resolution,
  textWithLanguage,
  uri,
} from './values.ts';

/** Bytes from hex with spaces and comments (`# …` to the end of a line) for readable wire examples. */
function hex(s: string): Uint8Array {
  return Uint8Array.from(Buffer.from(s.replace(/#[^\n]*/g, '').replace(/\s+/g, ''), 'hex'));
}
const ascii = (s: string) => Buffer.from(s, 'utf8').toString('hex');
const u16 = (n: number) => n.toString(16).padStart(4, '0');

/** A response header (IPP/2.0, successful-ok, request-id 7), one printer group with `attrs`, end tag. */
function printerResponse(attrs: string): Uint8Array {
  return hex(`0200 0000 00000007 04 ${attrs} 03`);
}
/** A value: tag, name, value bytes as hex. */
function tv(tag: number, name: string, value: string): string {
  return `${tag.toString(16).padStart(2, '0')} ${u16(Buffer.byteLength(name))} ${ascii(name)} ${u16(value.replace(/\s+/g, '').length / 2)} ${value}`;
}

function decodeOk(bytes: Uint8Array): IppMessage {
  const r = decodeIpp(bytes);
  if (!r.success) {
    throw new Error(JSON.stringify(r.issues));
  }
  expect(Buffer.from(encodeIpp(r.data)).equals(Buffer.from(bytes))).toBe(true);
  return r.data;
}

describe('IPP encoding (RFC 8010 §3.9)', () => {
  it('encodes the header, an operation group and end-of-attributes exactly', () => {
    const bytes = encodeIpp(
      ippRequest('Get-Printer-Attributes', {
        requestId: 0x01020304,
        operationAttributes: [attribute('printer-uri', uri('ipp://h/'))],
      }),
    );
    expect(Buffer.from(bytes).toString('hex')).toBe(
      [
        '0200', // version 2.0
        '000b', // Get-Printer-Attributes
        '01020304',
        '01',
        `47 0012 ${ascii('attributes-charset')} 0005 ${ascii('utf-8')}`,
        `48 001b ${ascii('attributes-natural-language')} 0002 ${ascii('en')}`,
        `45 000b ${ascii('printer-uri')} 0008 ${ascii('ipp://h/')}`,
        '03',
      ]
        .join('')
        .replace(/\s+/g, ''),
    );
  });

  it('printer-resolution: two SIGNED-INTEGERs and a SIGNED-BYTE unit (3 = dpi, 4 = dpcm), 9 bytes', () => {
    const bytes = printerResponse(
      tv(0x32, 'printer-resolution-supported', '00000258 00000258 03') + tv(0x32, '', '0000012c 00000096 04'),
    );
    const m = decodeOk(bytes);
    const values = m.groups[0]?.attributes[0]?.values ?? [];
    expect(values).toEqual([
      { kind: 'resolution', tag: 0x32, x: 600, y: 600, units: 3 },
      { kind: 'resolution', tag: 0x32, x: 300, y: 150, units: 4 },
    ]);
    expect(values.map(plainValue)).toEqual([
      [600, 600, 'dpi'],
      [300, 150, 'dpcm'],
    ]);
    const built = encodeIpp({
      ...m,
      groups: [
        {
          tag: 0x04,
          attributes: [
            attribute('printer-resolution-supported', resolution(600, 600), resolution(300, 150, 'dpcm')),
          ],
        },
      ],
    });
    expect(Buffer.from(built).equals(Buffer.from(bytes))).toBe(true);
  });

  it('rangeOfInteger: lower and upper as SIGNED-INTEGERs, 8 bytes, negative bounds kept', () => {
    const bytes = printerResponse(
      tv(0x33, 'copies-supported', '00000001 000003e7') + tv(0x33, '', 'ffffffff 7fffffff'),
    );
    const values = decodeOk(bytes).groups[0]?.attributes[0]?.values ?? [];
    expect(values).toEqual([rangeOfInteger(1, 999), rangeOfInteger(-1, 0x7fffffff)]);
    expect(plainValue(values[0]!)).toEqual({ lower: 1, upper: 999 });
  });

  it('additional values have an empty name; a different tag per value is kept (1setOf with out-of-band)', () => {
    const bytes = printerResponse(
      tv(0x44, 'media-source-supported', ascii('auto')) + tv(0x44, '', ascii('main')) + tv(0x13, '', ''),
    );
    const attr = decodeOk(bytes).groups[0]?.attributes[0];
    expect(attr?.name).toBe('media-source-supported');
    expect(attr?.values).toEqual([keyword('auto'), keyword('main'), outOfBand(ValueTag.noValue)]);
  });

  it('textWithLanguage and nameWithLanguage: language and text each with a SIGNED-SHORT length', () => {
    const lang = (l: string, t: string) =>
      `${u16(Buffer.byteLength(l))}${ascii(l)}${u16(Buffer.byteLength(t))}${ascii(t)}`;
    const bytes = printerResponse(
      tv(0x35, 'printer-info', lang('de', 'Drucker für Ärzte')) +
        tv(0x36, 'printer-name', lang('', 'Empfang')),
    );
    const attrs = decodeOk(bytes).groups[0]?.attributes ?? [];
    expect(attrs[0]?.values).toEqual([textWithLanguage('de', 'Drucker für Ärzte')]);
    expect(attrs[1]?.values).toEqual([nameWithLanguage('', 'Empfang')]);
  });

  it('dateTime: 11 bytes (RFC 2579), offset from UTC honoured by plainValue', () => {
    // 2026-11-23 20:15:30.7 +01:00
    const bytes = printerResponse(tv(0x31, 'printer-current-time', '07ea 0b 17 14 0f 1e 07 2b 01 00'));
    const v = decodeOk(bytes).groups[0]?.attributes[0]?.values[0];
    expect(v).toMatchObject({
      kind: 'dateTime',
      value: { year: 2026, month: 11, day: 23, utcDirection: '+', utcHours: 1 },
    });
    expect((plainValue(v!) as Date).toISOString()).toBe('2026-11-23T19:15:30.700Z');
    const built = dateTime(new Date('2026-11-23T19:15:30.700Z'));
    expect(plainValue(built)).toEqual(new Date('2026-11-23T19:15:30.700Z'));
  });

  it('collections (RFC 3382): begCollection, memberAttrName, member values with empty names, endCollection', () => {
    // media-col = { media-size = { x-dimension = 21000, y-dimension = 29700 }, media-source = main },
    // then a second collection value of the same attribute: { media-source = manual }.
    const member = (name: string) => tv(0x4a, '', ascii(name));
    const end = tv(0x37, '', '');
    const bytes = printerResponse(
      tv(0x34, 'media-col-ready', '') +
        member('media-size') +
        tv(0x34, '', '') +
        member('x-dimension') +
        tv(0x21, '', '00005208') +
        member('y-dimension') +
        tv(0x21, '', '00007404') +
        end +
        member('media-source') +
        tv(0x44, '', ascii('main')) +
        end +
        tv(0x34, '', '') +
        member('media-source') +
        tv(0x44, '', ascii('manual')) +
        tv(0x44, '', ascii('by-pass-tray')) +
        end,
    );
    const values = decodeOk(bytes).groups[0]?.attributes[0]?.values ?? [];
    expect(values).toEqual([
      collection([
        attribute(
          'media-size',
          collection([attribute('x-dimension', integer(21000)), attribute('y-dimension', integer(29700))]),
        ),
        attribute('media-source', keyword('main')),
      ]),
      collection([attribute('media-source', keyword('manual'), keyword('by-pass-tray'))]),
    ]);
    expect(plainValue(values[0]!)).toEqual({
      'media-size': [{ 'x-dimension': [21000], 'y-dimension': [29700] }],
      'media-source': ['main'],
    });
  });

  it('keeps repeated groups, empty groups and the document data after end-of-attributes', () => {
    const bytes = hex(
      `0101 0000 00000002 01 ${tv(0x47, 'attributes-charset', ascii('utf-8'))} 02 ${tv(0x21, 'job-id', '00000001')} 02 ${tv(0x21, 'job-id', '00000002')} 04 03 ${ascii('%PDF-1.4')}`,
    );
    const m = decodeOk(bytes);
    expect(m.version).toEqual({ major: 1, minor: 1 });
    expect(m.groups.map((g) => [g.tag, g.attributes.length])).toEqual([
      [DelimiterTag.operationAttributes, 1],
      [DelimiterTag.jobAttributes, 1],
      [DelimiterTag.jobAttributes, 1],
      [DelimiterTag.printerAttributes, 0],
    ]);
    expect(Buffer.from(m.data).toString()).toBe('%PDF-1.4');
  });

  it('keeps unknown tags, octetString and non-UTF-8 text as bytes so they round-trip', () => {
    const bytes = printerResponse(
      tv(0x30, 'printer-input-tray', '00ff10') +
        tv(0x41, 'printer-info', 'c3') +
        tv(0x5f, 'x-vendor', '0102'),
    );
    const attrs = decodeOk(bytes).groups[0]?.attributes ?? [];
    expect(attrs.map((a) => a.values[0]?.kind)).toEqual(['octets', 'octets', 'octets']);
    expect(attrs.map((a) => a.values[0]?.tag)).toEqual([0x30, 0x41, 0x5f]);
  });
});

describe('decodeIpp on bad input: issues with a path, never a throw', () => {
  const issuesOf = (bytes: Uint8Array, options?: Parameters<typeof decodeIpp>[1]) => {
    const r = decodeIpp(bytes, options);
    expect(r.success).toBe(false);
    return r.issues;
  };

  it.each([
    ['empty input', ''],
    ['short header', '0200 00'],
    ['no end-of-attributes tag', `0200 0000 00000001 04 ${tv(0x21, 'a', '00000001')}`],
    ['value runs past the end', `0200 0000 00000001 04 21 0001 61 0004 0000`],
    ['negative value-length', `0200 0000 00000001 04 21 0001 61 8000 03`],
    ['integer with 2 bytes', `0200 0000 00000001 04 ${tv(0x21, 'a', '0001')} 03`],
    ['boolean 2', `0200 0000 00000001 04 ${tv(0x22, 'a', '02')} 03`],
    ['resolution with 8 bytes', `0200 0000 00000001 04 ${tv(0x32, 'a', '00000001 00000001')} 03`],
    ['rangeOfInteger with 9 bytes', `0200 0000 00000001 04 ${tv(0x33, 'a', '00000001 00000001 00')} 03`],
    [
      'dateTime with a bad UTC sign',
      `0200 0000 00000001 04 ${tv(0x31, 'a', '07ea 0b 17 14 0f 1e 07 3f 01 00')} 03`,
    ],
    [
      'textWithLanguage lengths that do not add up',
      `0200 0000 00000001 04 ${tv(0x35, 'a', '0002 6465 0005 6162')} 03`,
    ],
    ['additional value first in a group', `0200 0000 00000001 04 ${tv(0x44, '', ascii('x'))} 03`],
    ['value tag before any group', `0200 0000 00000001 ${tv(0x44, 'a', ascii('x'))} 03`],
    ['reserved delimiter 0x00', `0200 0000 00000001 00 03`],
    ['endCollection outside a collection', `0200 0000 00000001 04 ${tv(0x37, '', '')} 03`],
    [
      'unterminated collection',
      `0200 0000 00000001 04 ${tv(0x34, 'c', '')} ${tv(0x4a, '', ascii('m'))} ${tv(0x21, '', '00000001')} 03`,
    ],
    [
      'member value before memberAttrName',
      `0200 0000 00000001 04 ${tv(0x34, 'c', '')} ${tv(0x21, '', '00000001')} ${tv(0x37, '', '')} 03`,
    ],
    [
      'member without a value',
      `0200 0000 00000001 04 ${tv(0x34, 'c', '')} ${tv(0x4a, '', ascii('m'))} ${tv(0x37, '', '')} 03`,
    ],
    [
      'named value inside a collection',
      `0200 0000 00000001 04 ${tv(0x34, 'c', '')} ${tv(0x4a, '', ascii('m'))} ${tv(0x21, 'n', '00000001')} ${tv(0x37, '', '')} 03`,
    ],
    ['begCollection with a value', `0200 0000 00000001 04 ${tv(0x34, 'c', '00')} ${tv(0x37, '', '')} 03`],
    ['attribute name not UTF-8', `0200 0000 00000001 04 44 0001 ff 0001 78 03`],
  ])('%s', (_label, input) => {
    const issues = issuesOf(hex(input));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'IPP_MALFORMED', severity: 'error' });
    expect(issues[0]?.message.length).toBeGreaterThan(5);
  });

  it('names the group and attribute in the path', () => {
    const issues = issuesOf(
      hex(
        `0200 0000 00000001 01 ${tv(0x47, 'attributes-charset', ascii('utf-8'))} 04 ${tv(0x21, 'a', '00000001')} ${tv(0x22, 'b', '07')} 03`,
      ),
    );
    expect(issues[0]?.path).toEqual(['groups', 1, 'attributes', 1, 'values']);
  });

  it('caps collection nesting', () => {
    const depth = 40;
    const open = (tv(0x34, '', '') + tv(0x4a, '', ascii('m'))).repeat(depth);
    const close = tv(0x37, '', '').repeat(depth + 1);
    const bytes = hex(
      `0200 0000 00000001 04 ${tv(0x34, 'c', '')} ${tv(0x4a, '', ascii('m'))} ${open} ${tv(0x21, '', '00000001')} ${close} 03`,
    );
    expect(issuesOf(bytes)[0]?.message).toMatch(/nested deeper than 16/);
    // Within the cap the same shape decodes and round-trips.
    expect(decodeIpp(bytes, { maxDepth: 64 }).success).toBe(true);
    decodeOk(
      hex(
        `0200 0000 00000001 04 ${tv(0x34, 'c', '')} ${tv(0x4a, '', ascii('m'))} ${(tv(0x34, '', '') + tv(0x4a, '', ascii('m'))).repeat(10)} ${tv(0x21, '', '00000001')} ${tv(0x37, '', '').repeat(11)} 03`,
      ),
    );
  });

  it('refuses inputs above the size cap without reading them', () => {
    const issues = issuesOf(new Uint8Array(2000), { maxBytes: 1000 });
    expect(issues[0]).toMatchObject({ code: 'IPP_TOO_LARGE', path: [] });
  });
});

describe('encodeIpp refuses what cannot be on the wire', () => {
  const base = ippRequest('Get-Jobs');
  it.each([
    ['an attribute without values', attribute('a')],
    ['an integer beyond 32 bits', attribute('a', integer(2 ** 31))],
    ['a non-integer number', attribute('a', integer(1.5))],
    ['a value longer than 32767 bytes', attribute('a', keyword('x'.repeat(40_000)))],
    [
      'a resolution unit beyond a byte',
      attribute('a', { kind: 'resolution', tag: ValueTag.resolution, x: 1, y: 1, units: 300 }),
    ],
  ])('%s', (_label, attr) => {
    expect(() => encodeIpp({ ...base, groups: [{ tag: 0x02, attributes: [attr] }] })).toThrow(/IPP encode/);
  });
});
