// The codec against real bytes: every request and response Debian's ipptool and ippeveprinter (CUPS 2.4.2)
// exchanged on 127.0.0.1 (src/__fixtures__/README.md) decodes, re-encodes byte for byte, and reads the same
// attribute names, syntaxes and values as ipptool printed for the same exchange.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeIpp, encodeIpp, type IppMessage, type IppValue } from './codec.ts';
import { DelimiterTag, statusName, ValueTag } from './tags.ts';
import { groupAttributes, plainValue } from './values.ts';

const dir = new URL('./__fixtures__/', import.meta.url);
const runs = readdirSync(dir)
  .filter((n) => n.endsWith('.ipptool.txt'))
  .map((n) => n.replace(/\.ipptool\.txt$/, ''))
  .sort();
const read = (name: string) => readFileSync(new URL(name, dir));

function decoded(bytes: Uint8Array): IppMessage {
  const r = decodeIpp(bytes);
  if (!r.success) {
    throw new Error(JSON.stringify(r.issues));
  }
  return r.data;
}

const TAG_NAMES = new Map<number, string>(Object.entries(ValueTag).map(([k, v]) => [v, k]));
/** Syntax names where ipptool's differ from the tag names (out-of-band values, collections). */
const OUT_OF_BAND_NAMES: Record<number, string> = {
  [ValueTag.begCollection]: 'collection',
  [ValueTag.unsupported]: 'unsupported',
  [ValueTag.unknown]: 'unknown',
  [ValueTag.noValue]: 'no-value',
};

/**
 * A value as CUPS's ippAttributeString prints it, for the syntaxes whose text needs no CUPS tables (enum names
 * do; those attributes are compared by syntax only).
 */
function cupsText(v: IppValue): string | undefined {
  switch (v.kind) {
    case 'integer':
      return v.tag === ValueTag.enum ? undefined : String(v.value);
    case 'boolean':
      return String(v.value);
    case 'string':
      return v.value;
    case 'stringWithLanguage':
      return v.value === '' ? undefined : v.value;
    case 'resolution': {
      const units = v.units === 3 ? 'dpi' : 'dpcm';
      return v.x === v.y ? `${v.x}${units}` : `${v.x}x${v.y}${units}`;
    }
    case 'range':
      return `${v.lower}-${v.upper}`;
    case 'dateTime':
      return (plainValue(v) as Date).toISOString().replace(/\.\d{3}Z$/, 'Z');
    case 'outOfBand':
      return v.tag === ValueTag.begCollection ? undefined : OUT_OF_BAND_NAMES[v.tag];
    case 'octets':
      return Buffer.from(v.value).toString('latin1');
    case 'collection': {
      const members = v.members.map((m) => {
        const values = m.values.map(cupsText);
        return values.includes(undefined) ? undefined : `${m.name}=${values.join(',')}`;
      });
      return members.includes(undefined) ? undefined : `{${members.join(' ')}}`;
    }
  }
}

/** `name (syntax) = value` lines of one message as ipptool prints them; `value` undefined where not comparable. */
function asIpptool(m: IppMessage): { name: string; syntax: string; value: string | undefined }[] {
  return m.groups.flatMap((g) =>
    g.attributes.map((a) => {
      const first = a.values[0]!;
      const tagName =
        OUT_OF_BAND_NAMES[first.tag] ?? TAG_NAMES.get(first.tag) ?? `0x${first.tag.toString(16)}`;
      const texts = a.values.map(cupsText);
      return {
        name: a.name,
        syntax: `${a.values.length > 1 ? '1setOf ' : ''}${tagName}`,
        value: texts.includes(undefined) ? undefined : texts.join(','),
      };
    }),
  );
}

/** ipptool -tv output split into the request it sent and the response it received. */
function parseIpptool(text: string) {
  const [sent = '', received = ''] = text.split(/^\s+RECEIVED: .*$/m);
  const lines = (part: string) =>
    [...part.matchAll(/^\s+([a-z0-9-]+) \(([^)]*)\) = (.*)$/gm)].map((m) => ({
      name: m[1]!,
      syntax: m[2]!,
      value: m[3]!,
    }));
  return {
    request: lines(sent),
    response: lines(received),
    status: /status-code = (\S+)/.exec(received)?.[1],
  };
}

describe('real ipptool ↔ ippeveprinter exchanges', () => {
  it('has the recorded runs', () => {
    expect(runs).toEqual([
      'get-completed-jobs',
      'get-jobs',
      'get-printer-attributes',
      'print-job',
      'print-job-media-col',
      'value-syntaxes',
    ]);
  });

  describe.each(runs)('%s', (run) => {
    const request = read(`${run}.request.ipp`);
    const response = read(`${run}.response.ipp`);
    const printed = parseIpptool(read(`${run}.ipptool.txt`).toString('utf8'));

    it('request and response round-trip byte for byte', () => {
      expect(Buffer.from(encodeIpp(decoded(request))).equals(request)).toBe(true);
      expect(Buffer.from(encodeIpp(decoded(response))).equals(response)).toBe(true);
    });

    it('request attributes equal what ipptool sent', () => {
      const ours = asIpptool(decoded(request));
      expect(ours.map(({ name, syntax }) => ({ name, syntax }))).toEqual(
        printed.request.map(({ name, syntax }) => ({ name, syntax })),
      );
      ours.forEach(
        (a, i) => a.value !== undefined && expect(a.value, a.name).toBe(printed.request[i]?.value),
      );
    });

    it('response status and attributes equal what ipptool received', () => {
      const m = decoded(response);
      expect(statusName(m.code)).toBe(printed.status);
      const ours = asIpptool(m);
      expect(ours.map(({ name, syntax }) => ({ name, syntax }))).toEqual(
        printed.response.map(({ name, syntax }) => ({ name, syntax })),
      );
      const compared = ours.filter(
        (a, i) => a.value !== undefined && (expect(a.value, a.name).toBe(printed.response[i]?.value), true),
      );
      expect(compared.length).toBeGreaterThan(ours.length / 2);
    });
  });

  it('Get-Printer-Attributes: collections, ranges, resolutions, dateTime and octetString as ippeveprinter sent them', () => {
    const m = decoded(read('get-printer-attributes.response.ipp'));
    const attrs = groupAttributes(m, DelimiterTag.printerAttributes);
    expect(attrs.get('printer-resolution-supported')?.map(plainValue)).toEqual([[600, 600, 'dpi']]);
    expect(attrs.get('pwg-raster-document-resolution-supported')?.map(plainValue)).toEqual([
      [300, 300, 'dpi'],
      [600, 600, 'dpi'],
    ]);
    expect(attrs.get('copies-supported')?.map(plainValue)).toEqual([{ lower: 1, upper: 999 }]);
    expect(attrs.get('printer-current-time')?.[0]?.kind).toBe('dateTime');
    expect(attrs.get('printer-input-tray')?.[0]?.kind).toBe('octets');
    const database = attrs.get('media-col-database') ?? [];
    expect(database.length).toBe(5);
    expect(plainValue(database[2]!)).toMatchObject({
      'media-key': ['iso_a4_210x297mm'],
      'media-size': [{ 'x-dimension': [21000], 'y-dimension': [29700] }],
      'media-left-margin': [340],
    });
    expect(attrs.get('printer-make-and-model')?.map(plainValue)).toEqual(['Brother HL-L5100DN']);
  });
});
