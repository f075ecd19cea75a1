import { AppError, fail, ok, type Issue, type Result } from '@praxisready/model';
import { OUT_OF_BAND_TAGS, STRING_TAGS, ValueTag } from './tags.ts';

/**
 * The IPP message model. It keeps every value's tag, the order of groups, attributes and values and repeated
 * groups (Get-Jobs answers one job group per job), so `encodeIpp(decodeIpp(bytes).data)` gives back the same bytes
 * for every message the decoder accepts.
 */
export interface IppMessage {
  /** `{ major: 2, minor: 0 }` for IPP/2.0. */
  version: { major: number; minor: number };
  /** operation-id in a request, status-code in a response. */
  code: number;
  requestId: number;
  groups: IppGroup[];
  /** Document data after end-of-attributes-tag (empty when none). */
  data: Uint8Array;
}

export interface IppGroup {
  /** Delimiter tag, e.g. `DelimiterTag.printerAttributes`. */
  tag: number;
  attributes: IppAttribute[];
}

/** One attribute: its name and one or more values (1setOf: the further values are "additional values"). */
export interface IppAttribute {
  name: string;
  values: IppValue[];
}

/** RFC 2579 DateAndTime as RFC 8010 encodes it (11 octets). */
export interface IppDateTime {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
  deciSeconds: number;
  utcDirection: '+' | '-';
  utcHours: number;
  utcMinutes: number;
}

/**
 * One value with its tag. `kind` says how the bytes were read; `octets` holds everything the codec does not
 * interpret (octetString, unassigned tags, character strings that are not UTF-8, out-of-band values with bytes),
 * which keeps the round trip exact.
 */
export type IppValue =
  | { kind: 'outOfBand'; tag: number }
  | { kind: 'integer'; tag: number; value: number }
  | { kind: 'boolean'; tag: number; value: boolean }
  | { kind: 'string'; tag: number; value: string }
  | { kind: 'stringWithLanguage'; tag: number; language: string; value: string }
  | { kind: 'dateTime'; tag: number; value: IppDateTime }
  | { kind: 'resolution'; tag: number; x: number; y: number; units: number }
  | { kind: 'range'; tag: number; lower: number; upper: number }
  | { kind: 'collection'; tag: number; members: IppAttribute[] }
  | { kind: 'octets'; tag: number; value: Uint8Array };

export interface DecodeOptions {
  /** Larger inputs are refused without being read (default 64 MiB). */
  maxBytes?: number;
  /** Deepest collection nesting accepted (default 16; real printers use 3 for media-col). */
  maxDepth?: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_MAX_DEPTH = 16;
/** name-length and value-length are SIGNED-SHORT (RFC 8010 §3.1.4–3.1.5). */
const MAX_LENGTH = 0x7fff;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** Thrown inside the decoder only, turned into an issue at its boundary. */
class Malformed extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

/**
 * Decodes an IPP request or response. Never throws and never loops without consuming input: every length is
 * checked against the bytes left, collections nest at most `maxDepth` deep, and inputs above `maxBytes` are
 * refused. On failure the issue's path says where (group, attribute, value indexes) and the message at which
 * byte offset.
 */
export function decodeIpp(bytes: Uint8Array, options: DecodeOptions = {}): Result<IppMessage> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (bytes.length > maxBytes) {
    return fail([issue('IPP_TOO_LARGE', [], `message has ${bytes.length} bytes, more than ${maxBytes}`)]);
  }
  try {
    return ok(new Reader(bytes, maxDepth).message());
  } catch (e) {
    if (e instanceof Malformed) {
      return fail([issue('IPP_MALFORMED', e.path, e.message)]);
    }
    // A bug in the decoder, not bad input; still no throw, as promised.
    return fail([issue('IPP_INTERNAL', [], e instanceof Error ? e.message : String(e))]);
  }
}

function issue(code: string, path: (string | number)[], message: string): Issue {
  return { code, path, message, severity: 'error' };
}

class Reader {
  private pos = 0;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxDepth: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  message(): IppMessage {
    this.need(8, [], 'header');
    const version = { major: this.u8(), minor: this.u8() };
    const code = this.view.getUint16(this.pos);
    this.pos += 2;
    const requestId = this.view.getInt32(this.pos);
    this.pos += 4;
    const groups: IppGroup[] = [];
    for (;;) {
      this.need(1, ['groups', groups.length], 'a delimiter tag (end-of-attributes-tag missing)');
      const tag = this.u8();
      if (tag === 0x03) {
        break;
      }
      if (tag === 0x00 || tag > 0x0f) {
        throw new Malformed(
          ['groups', groups.length],
          `expected a delimiter tag at byte ${this.pos - 1}, found 0x${hex(tag)}`,
        );
      }
      groups.push({ tag, attributes: this.attributes(['groups', groups.length]) });
    }
    return { version, code, requestId, groups, data: this.bytes.slice(this.pos) };
  }

  /** Attributes up to the next delimiter tag (which is left unread). */
  private attributes(path: (string | number)[]): IppAttribute[] {
    const attributes: IppAttribute[] = [];
    while (this.pos < this.bytes.length && (this.bytes[this.pos] ?? 0) > 0x0f) {
      const at = this.pos;
      const tag = this.u8();
      if (tag === ValueTag.endCollection || tag === ValueTag.memberAttrName) {
        throw new Malformed(
          [...path, 'attributes', attributes.length],
          `0x${hex(tag)} outside a collection at byte ${at}`,
        );
      }
      const name = this.name([...path, 'attributes', attributes.length]);
      const current = attributes.at(-1);
      if (name === '') {
        if (current === undefined) {
          throw new Malformed(
            [...path, 'attributes', 0],
            `additional value (empty name) at byte ${at} without an attribute before it`,
          );
        }
        current.values.push(this.value(tag, [...path, 'attributes', attributes.length - 1], 0));
      } else {
        attributes.push({ name, values: [] });
        const valuePath = [...path, 'attributes', attributes.length - 1];
        attributes.at(-1)?.values.push(this.value(tag, valuePath, 0));
      }
    }
    return attributes;
  }

  private name(path: (string | number)[]): string {
    const length = this.length(path, 'name-length');
    return this.text(this.take(length, path, 'name'), path, 'name');
  }

  /** value-length and value of one value whose tag and name were read. */
  private value(tag: number, path: (string | number)[], depth: number): IppValue {
    const valuePath = [...path, 'values'];
    const length = this.length(valuePath, 'value-length');
    const at = this.pos;
    const raw = this.take(length, valuePath, 'value');
    const fixed = (n: number, what: string): void => {
      if (length !== n) {
        throw new Malformed(valuePath, `${what} at byte ${at} has ${length} bytes, expected ${n}`);
      }
    };
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    switch (tag) {
      case ValueTag.integer:
      case ValueTag.enum:
        fixed(4, 'integer');
        return { kind: 'integer', tag, value: view.getInt32(0) };
      case ValueTag.boolean: {
        fixed(1, 'boolean');
        const b = raw[0];
        if (b !== 0 && b !== 1) {
          throw new Malformed(valuePath, `boolean at byte ${at} is 0x${hex(b ?? 0)}, not 0 or 1`);
        }
        return { kind: 'boolean', tag, value: b === 1 };
      }
      case ValueTag.dateTime: {
        fixed(11, 'dateTime');
        const direction = String.fromCharCode(raw[8] ?? 0);
        if (direction !== '+' && direction !== '-') {
          throw new Malformed(valuePath, `dateTime at byte ${at} has UTC direction 0x${hex(raw[8] ?? 0)}`);
        }
        return {
          kind: 'dateTime',
          tag,
          value: {
            year: view.getUint16(0),
            month: view.getUint8(2),
            day: view.getUint8(3),
            hours: view.getUint8(4),
            minutes: view.getUint8(5),
            seconds: view.getUint8(6),
            deciSeconds: view.getUint8(7),
            utcDirection: direction,
            utcHours: view.getUint8(9),
            utcMinutes: view.getUint8(10),
          },
        };
      }
      case ValueTag.resolution:
        fixed(9, 'resolution');
        return { kind: 'resolution', tag, x: view.getInt32(0), y: view.getInt32(4), units: view.getUint8(8) };
      case ValueTag.rangeOfInteger:
        fixed(8, 'rangeOfInteger');
        return { kind: 'range', tag, lower: view.getInt32(0), upper: view.getInt32(4) };
      case ValueTag.textWithLanguage:
      case ValueTag.nameWithLanguage: {
        // RFC 8010 §3.9: a SIGNED-SHORT length and the language, then a SIGNED-SHORT length and the text.
        const langLength = length >= 2 ? view.getInt16(0) : -1;
        const textLength = langLength >= 0 && length >= 4 + langLength ? view.getInt16(2 + langLength) : -1;
        if (langLength < 0 || textLength < 0 || 4 + langLength + textLength !== length) {
          throw new Malformed(
            valuePath,
            `...WithLanguage value at byte ${at}: inner lengths do not add up to ${length}`,
          );
        }
        return {
          kind: 'stringWithLanguage',
          tag,
          language: this.text(raw.subarray(2, 2 + langLength), valuePath, 'language'),
          value: this.text(raw.subarray(4 + langLength), valuePath, 'text'),
        };
      }
      case ValueTag.begCollection:
        if (length !== 0) {
          throw new Malformed(valuePath, `begCollection at byte ${at} has a value (${length} bytes)`);
        }
        return { kind: 'collection', tag, members: this.members(path, depth + 1) };
      default:
        break;
    }
    if (OUT_OF_BAND_TAGS.has(tag) && length === 0) {
      return { kind: 'outOfBand', tag };
    }
    if (STRING_TAGS.has(tag)) {
      const text = this.tryText(raw);
      if (text !== undefined) {
        return { kind: 'string', tag, value: text };
      }
    }
    return { kind: 'octets', tag, value: raw.slice() };
  }

  /** Members of a collection, after its begCollection, through its endCollection (RFC 8010 §3.1.6). */
  private members(path: (string | number)[], depth: number): IppAttribute[] {
    if (depth > this.maxDepth) {
      throw new Malformed(path, `collections nested deeper than ${this.maxDepth} at byte ${this.pos}`);
    }
    const members: IppAttribute[] = [];
    for (;;) {
      const memberPath = [...path, 'members', Math.max(0, members.length - 1)];
      this.need(1, memberPath, 'endCollection');
      const at = this.pos;
      const tag = this.u8();
      if (tag <= 0x0f) {
        throw new Malformed(memberPath, `delimiter tag 0x${hex(tag)} at byte ${at} inside a collection`);
      }
      const nameLength = this.length(memberPath, 'name-length');
      if (nameLength !== 0) {
        throw new Malformed(memberPath, `value with a name at byte ${at} inside a collection`);
      }
      const last = members.at(-1);
      if (tag === ValueTag.endCollection || tag === ValueTag.memberAttrName) {
        if (last !== undefined && last.values.length === 0) {
          throw new Malformed(memberPath, `member ${last.name} has no value (byte ${at})`);
        }
        const length = this.length(memberPath, 'value-length');
        const raw = this.take(length, memberPath, 'value');
        if (tag === ValueTag.endCollection) {
          if (length !== 0) {
            throw new Malformed(memberPath, `endCollection at byte ${at} has a value`);
          }
          return members;
        }
        members.push({ name: this.text(raw, memberPath, 'memberAttrName'), values: [] });
        continue;
      }
      if (last === undefined) {
        throw new Malformed(memberPath, `member value at byte ${at} before any memberAttrName`);
      }
      last.values.push(this.value(tag, [...path, 'members', members.length - 1], depth));
    }
  }

  private u8(): number {
    return this.bytes[this.pos++] ?? 0;
  }

  private need(n: number, path: (string | number)[], what: string): void {
    if (this.pos + n > this.bytes.length) {
      throw new Malformed(path, `message ends at byte ${this.bytes.length}, expected ${what}`);
    }
  }

  private length(path: (string | number)[], what: string): number {
    this.need(2, path, what);
    const n = this.view.getInt16(this.pos);
    if (n < 0) {
      throw new Malformed(path, `negative ${what} ${n} at byte ${this.pos}`);
    }
    this.pos += 2;
    return n;
  }

  private take(n: number, path: (string | number)[], what: string): Uint8Array {
    this.need(n, path, `${n} bytes of ${what}`);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  private tryText(raw: Uint8Array): string | undefined {
    try {
      return utf8.decode(raw);
    } catch {
      return undefined;
    }
  }

  private text(raw: Uint8Array, path: (string | number)[], what: string): string {
    const text = this.tryText(raw);
    if (text === undefined) {
      throw new Malformed(path, `${what} before byte ${this.pos} is not UTF-8`);
    }
    return text;
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/**
 * Encodes a message. Throws `AppError('VALIDATION_FAILED')` for what cannot be put on the wire (a name or value
 * longer than 32767 bytes, an integer outside 32 bits, a dateTime field or unit outside its byte, an empty
 * attribute) – a caller's bug, not peer input.
 */
export function encodeIpp(message: IppMessage): Uint8Array {
  const w = new Writer();
  w.u8(message.version.major);
  w.u8(message.version.minor);
  w.u16(message.code);
  w.i32(message.requestId);
  for (const group of message.groups) {
    if (group.tag < 0x01 || group.tag > 0x0f || group.tag === 0x03) {
      throw invalid(`group tag 0x${hex(group.tag)} is not a group delimiter`);
    }
    w.u8(group.tag);
    for (const attribute of group.attributes) {
      writeAttribute(w, attribute.name, attribute.values);
    }
  }
  w.u8(0x03);
  w.bytes(message.data);
  return w.finish();
}

function writeAttribute(w: Writer, name: string, values: readonly IppValue[]): void {
  if (values.length === 0) {
    throw invalid(`attribute ${name} has no value`);
  }
  if (name === '') {
    throw invalid('attribute without a name');
  }
  values.forEach((v, i) => writeValue(w, i === 0 ? name : '', v));
}

function writeValue(w: Writer, name: string, v: IppValue): void {
  w.u8(v.tag);
  w.string(name);
  switch (v.kind) {
    case 'outOfBand':
      w.u16(0);
      return;
    case 'integer':
      w.u16(4);
      w.i32(v.value);
      return;
    case 'boolean':
      w.u16(1);
      w.u8(v.value ? 1 : 0);
      return;
    case 'string':
      w.string(v.value);
      return;
    case 'stringWithLanguage': {
      const lang = encoder.encode(v.language);
      const text = encoder.encode(v.value);
      w.u16(checkLength(4 + lang.length + text.length));
      w.u16(lang.length);
      w.bytes(lang);
      w.u16(text.length);
      w.bytes(text);
      return;
    }
    case 'dateTime': {
      const d = v.value;
      w.u16(11);
      w.u16(d.year);
      for (const n of [d.month, d.day, d.hours, d.minutes, d.seconds, d.deciSeconds]) {
        w.u8(n);
      }
      w.u8(d.utcDirection.charCodeAt(0));
      w.u8(d.utcHours);
      w.u8(d.utcMinutes);
      return;
    }
    case 'resolution':
      w.u16(9);
      w.i32(v.x);
      w.i32(v.y);
      w.u8(v.units);
      return;
    case 'range':
      w.u16(8);
      w.i32(v.lower);
      w.i32(v.upper);
      return;
    case 'collection':
      w.u16(0);
      for (const member of v.members) {
        if (member.values.length === 0) {
          throw invalid(`collection member ${member.name} has no value`);
        }
        w.u8(ValueTag.memberAttrName);
        w.u16(0);
        w.string(member.name);
        for (const mv of member.values) {
          writeValue(w, '', mv);
        }
      }
      w.u8(ValueTag.endCollection);
      w.u16(0);
      w.u16(0);
      return;
    case 'octets':
      w.u16(checkLength(v.value.length));
      w.bytes(v.value);
      return;
  }
}

function checkLength(n: number): number {
  if (n > MAX_LENGTH) {
    throw invalid(`a value of ${n} bytes is longer than IPP allows (${MAX_LENGTH})`);
  }
  return n;
}

function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', `IPP encode: ${message}`);
}

/** A growing byte buffer. */
class Writer {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  private pos = 0;

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) {
      return;
    }
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n > 0xff) {
      throw invalid(`${n} does not fit in one byte`);
    }
    this.room(1);
    this.view.setUint8(this.pos, n);
    this.pos += 1;
  }

  u16(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n > 0xffff) {
      throw invalid(`${n} does not fit in two bytes`);
    }
    this.room(2);
    this.view.setUint16(this.pos, n);
    this.pos += 2;
  }

  i32(n: number): void {
    if (!Number.isInteger(n) || n < -0x80000000 || n > 0x7fffffff) {
      throw invalid(`${n} is not a 32-bit integer`);
    }
    this.room(4);
    this.view.setInt32(this.pos, n);
    this.pos += 4;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** A length-prefixed UTF-8 string (name or character-string value). */
  string(s: string): void {
    const b = encoder.encode(s);
    this.u16(checkLength(b.length));
    this.bytes(b);
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}
