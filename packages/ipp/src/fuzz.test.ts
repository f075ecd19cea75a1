// Fuzz, CI-sized and seeded (fast-check, fixed seeds: a failure prints the seed and the shrunk input).
// 1. Mutated real messages (src/__fixtures__): decodeIpp never throws, returns within a time bound, and every
//    input it accepts re-encodes to the same bytes.
// 2. Random well-formed messages built from the model: encode → decode gives the same model and the same bytes.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeIpp, encodeIpp, type IppAttribute, type IppMessage, type IppValue } from './codec.ts';
import { ValueTag } from './tags.ts';

const dir = new URL('./__fixtures__/', import.meta.url);
const corpus = readdirSync(dir)
  .filter((n) => n.endsWith('.ipp'))
  .sort()
  .map((n) => new Uint8Array(readFileSync(new URL(n, dir))));

const MUTATION_RUNS = 40_000;
const MODEL_RUNS = 2_000;
/** The machine is shared; the runs take 5–10 s there. */
const TIMEOUT_MS = 120_000;

/** Bytes the decoder branches on: delimiters, value tags, length bytes near the sign bit. */
const interesting = fc.constantFrom(
  0x00,
  0x01,
  0x03,
  0x04,
  0x0f,
  0x10,
  0x13,
  0x21,
  0x22,
  0x31,
  0x32,
  0x33,
  0x34,
  0x35,
  0x37,
  0x4a,
  0x7f,
  0x80,
  0xff,
);
const anyByte = fc.oneof(interesting, fc.integer({ min: 0, max: 255 }));

type Edit =
  | { op: 'set'; at: number; byte: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; n: number }
  | { op: 'length'; at: number; value: number }
  | { op: 'duplicate'; at: number; n: number; to: number }
  | { op: 'truncate'; at: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: position.map((p) => p), byte: anyByte }),
  fc.record({
    op: fc.constant('insert' as const),
    at: position,
    bytes: fc.array(anyByte, { minLength: 1, maxLength: 6 }),
  }),
  fc.record({ op: fc.constant('delete' as const), at: position, n: fc.integer({ min: 1, max: 24 }) }),
  // Overwrite two bytes with a length-like number (0, 1, exact-ish, huge, negative as SIGNED-SHORT).
  fc.record({
    op: fc.constant('length' as const),
    at: position,
    value: fc.constantFrom(0, 1, 2, 4, 8, 9, 11, 0x7fff, 0x8000, 0xffff),
  }),
  fc.record({
    op: fc.constant('duplicate' as const),
    at: position,
    n: fc.integer({ min: 1, max: 80 }),
    to: position,
  }),
  fc.record({ op: fc.constant('truncate' as const), at: position }),
);

function apply(input: Uint8Array, edits: readonly Edit[]): Uint8Array {
  let b = Array.from(input);
  for (const e of edits) {
    const at = Math.floor(e.at * (b.length + 1));
    switch (e.op) {
      case 'set':
        if (b.length > 0) {
          b[Math.min(at, b.length - 1)] = e.byte;
        }
        break;
      case 'insert':
        b.splice(at, 0, ...e.bytes);
        break;
      case 'delete':
        b.splice(at, e.n);
        break;
      case 'length':
        b.splice(at, 2, e.value >> 8, e.value & 0xff);
        break;
      case 'duplicate':
        b.splice(Math.floor(e.to * (b.length + 1)), 0, ...b.slice(at, at + e.n));
        break;
      case 'truncate':
        b = b.slice(0, at);
        break;
    }
  }
  return Uint8Array.from(b);
}

let slowestMs = 0;
let accepted = 0;

function checkDecode(input: Uint8Array): void {
  const t0 = performance.now();
  let r: ReturnType<typeof decodeIpp>;
  try {
    r = decodeIpp(input);
  } catch (e) {
    throw new Error(`decodeIpp threw on ${Buffer.from(input).toString('base64')}`, { cause: e });
  }
  slowestMs = Math.max(slowestMs, performance.now() - t0);
  if (r.success) {
    accepted++;
    expect(Buffer.from(encodeIpp(r.data)).equals(Buffer.from(input))).toBe(true);
  } else {
    expect(r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues) {
      expect(i.code).toMatch(/^IPP_(MALFORMED|TOO_LARGE)$/);
    }
  }
}

describe('fuzz', () => {
  it(
    `${MUTATION_RUNS.toLocaleString('en')} mutated real messages: no throw, bounded time, accepted inputs round-trip`,
    () => {
      const started = performance.now();
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: corpus.length - 1 }),
          fc.array(edit, { minLength: 1, maxLength: 5 }),
          (i, edits) => {
            checkDecode(apply(corpus[i]!, edits));
          },
        ),
        { seed: 0x1bb, numRuns: MUTATION_RUNS },
      );
      // Random bytes behind a valid header, where most tags and lengths are nonsense.
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), (tail) => {
          checkDecode(Uint8Array.from([0x02, 0x00, 0x00, 0x0b, 0, 0, 0, 1, ...tail]));
        }),
        { seed: 0x1bc, numRuns: MUTATION_RUNS / 4 },
      );
      // Linear decoding: the 9 kB printer answer takes well under a millisecond; 250 ms only allows for GC pauses
      // on a busy shared machine (a hang would not finish at all).
      expect(slowestMs).toBeLessThan(250);
      // Some mutations hit document data or a string's content and stay well-formed: the round trip is exercised.
      expect(accepted).toBeGreaterThan(MUTATION_RUNS / 20);
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS);
      console.info(
        `fuzz: ${MUTATION_RUNS * 1.25} inputs, ${accepted} accepted and round-tripped, slowest decode ${slowestMs.toFixed(2)} ms`,
      );
    },
    TIMEOUT_MS,
  );

  it('a deeply nested collection bomb is refused quickly', () => {
    const open = [0x34, 0, 0, 0, 0, 0x4a, 0, 0, 0, 1, 0x6d];
    const bomb = Uint8Array.from([
      0x02,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      0x04,
      0x34,
      0,
      1,
      0x63,
      0,
      0,
      0x4a,
      0,
      0,
      0,
      1,
      0x6d,
      ...Array.from({ length: 100_000 }, () => open).flat(),
    ]);
    const t0 = performance.now();
    const r = decodeIpp(bomb);
    expect(r.success).toBe(false);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

// Well-formed messages from the model.
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/);
const int32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });
const str = fc.string({ unit: 'grapheme', maxLength: 40 });

const leaf: fc.Arbitrary<IppValue> = fc.oneof(
  fc.record({
    kind: fc.constant('integer' as const),
    tag: fc.constantFrom(ValueTag.integer, ValueTag.enum),
    value: int32,
  }),
  fc.record({
    kind: fc.constant('boolean' as const),
    tag: fc.constant(ValueTag.boolean),
    value: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('string' as const),
    tag: fc.constantFrom(
      ValueTag.keyword,
      ValueTag.textWithoutLanguage,
      ValueTag.nameWithoutLanguage,
      ValueTag.uri,
      ValueTag.mimeMediaType,
      ValueTag.charset,
      ValueTag.naturalLanguage,
    ),
    value: str,
  }),
  fc.record({
    kind: fc.constant('stringWithLanguage' as const),
    tag: fc.constantFrom(ValueTag.textWithLanguage, ValueTag.nameWithLanguage),
    language: fc.constantFrom('', 'de', 'en-US'),
    value: str,
  }),
  fc.record({
    kind: fc.constant('resolution' as const),
    tag: fc.constant(ValueTag.resolution),
    x: int32,
    y: int32,
    units: fc.constantFrom(3, 4),
  }),
  fc.record({
    kind: fc.constant('range' as const),
    tag: fc.constant(ValueTag.rangeOfInteger),
    lower: int32,
    upper: int32,
  }),
  fc.record({
    kind: fc.constant('outOfBand' as const),
    tag: fc.constantFrom(ValueTag.unsupported, ValueTag.unknown, ValueTag.noValue),
  }),
  fc.record({
    kind: fc.constant('octets' as const),
    tag: fc.constant(ValueTag.octetString),
    value: fc.uint8Array({ maxLength: 20 }),
  }),
  fc.record({
    kind: fc.constant('dateTime' as const),
    tag: fc.constant(ValueTag.dateTime),
    value: fc.record({
      year: fc.integer({ min: 0, max: 0xffff }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      hours: fc.integer({ min: 0, max: 23 }),
      minutes: fc.integer({ min: 0, max: 59 }),
      seconds: fc.integer({ min: 0, max: 60 }),
      deciSeconds: fc.integer({ min: 0, max: 9 }),
      utcDirection: fc.constantFrom('+' as const, '-' as const),
      utcHours: fc.integer({ min: 0, max: 14 }),
      utcMinutes: fc.integer({ min: 0, max: 59 }),
    }),
  }),
);

/** Values with collections nested up to `n - 1` deep. */
const value: fc.Memo<IppValue> = fc.memo((n) =>
  n <= 1
    ? leaf
    : fc.oneof(
        leaf,
        fc.record({
          kind: fc.constant('collection' as const),
          tag: fc.constant(ValueTag.begCollection),
          members: fc.array(attr(value(n - 1)), { maxLength: 4 }),
        }),
      ),
);

function attr(values: fc.Arbitrary<IppValue>): fc.Arbitrary<IppAttribute> {
  return fc.record({ name, values: fc.array(values, { minLength: 1, maxLength: 4 }) });
}

const message: fc.Arbitrary<IppMessage> = fc.record({
  version: fc.record({ major: fc.constantFrom(1, 2), minor: fc.constantFrom(0, 1, 2) }),
  code: fc.integer({ min: 0, max: 0xffff }),
  requestId: int32,
  groups: fc.array(
    fc.record({
      tag: fc.constantFrom(0x01, 0x02, 0x04, 0x05, 0x09),
      attributes: fc.array(attr(value(3)), { maxLength: 6 }),
    }),
    { maxLength: 4 },
  ),
  data: fc.uint8Array({ maxLength: 64 }),
});

describe('property: model → bytes → model', () => {
  it(
    `${MODEL_RUNS.toLocaleString('en')} random well-formed messages decode to what was encoded`,
    () => {
      fc.assert(
        fc.property(message, (m) => {
          const bytes = encodeIpp(m);
          const r = decodeIpp(bytes);
          expect(r.success).toBe(true);
          if (r.success) {
            expect(r.data).toEqual(m);
            expect(Buffer.from(encodeIpp(r.data)).equals(Buffer.from(bytes))).toBe(true);
          }
        }),
        { seed: 0x1bd, numRuns: MODEL_RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
