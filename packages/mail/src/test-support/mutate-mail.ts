import fc from 'fast-check';

/** A small seeded generator (mulberry32), so each fuzz case is reproducible from fast-check's seed. */
interface Rnd {
  int(min: number, max: number): number;
  bool(): boolean;
}

function seeded(seed: number): Rnd {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (min, max) => min + Math.floor(next() * (max - min + 1)), bool: () => next() < 0.5 };
}

/**
 * Mutations that real broken mails show: truncation, lost or doubled line breaks, flipped bytes, cut MIME
 * boundaries, garbage encodings, endless header lines, deep nesting. Used by the intake fuzz tests.
 */
const MUTATIONS: readonly ((raw: Buffer, rnd: Rnd) => Buffer)[] = [
  (raw, rnd) => raw.subarray(0, rnd.int(0, raw.length)),
  (raw, rnd) => {
    const out = Buffer.from(raw);
    for (let i = rnd.int(1, 20); i > 0 && out.length > 0; i--) {
      out[rnd.int(0, out.length - 1)] = rnd.int(0, 255);
    }
    return out;
  },
  (raw) => Buffer.from(raw.toString('latin1').replace(/\r\n/g, '\n'), 'latin1'),
  (raw) => Buffer.from(raw.toString('latin1').replace(/\r?\n/g, '\r'), 'latin1'),
  (raw) => Buffer.from(raw.toString('latin1').replace(/\r\n\r\n/, '\r\n'), 'latin1'),
  (raw) =>
    Buffer.from(raw.toString('latin1').replace(/boundary="?([^";\r\n]+)"?/i, 'boundary="x"'), 'latin1'),
  (raw) => Buffer.from(raw.toString('latin1').replace(/--[^\r\n]*--\r?\n?$/m, ''), 'latin1'),
  (raw) =>
    Buffer.from(
      raw.toString('latin1').replace(/Content-Transfer-Encoding: \S+/gi, 'Content-Transfer-Encoding: base64'),
      'latin1',
    ),
  (raw) =>
    Buffer.from(raw.toString('latin1').replace(/charset="?[\w-]+"?/gi, 'charset="x-unknown-42"'), 'latin1'),
  (raw, rnd) => Buffer.concat([Buffer.from(`X-Long: ${'a'.repeat(rnd.int(1000, 200_000))}\r\n`), raw]),
  (raw, rnd) => Buffer.concat([Buffer.from(`Subject: =?utf-8?B?${'/'.repeat(rnd.int(1, 5000))}?=\r\n`), raw]),
  (raw, rnd) => {
    const depth = rnd.int(1, 400);
    let body = 'x';
    for (let i = 0; i < depth; i++) {
      body = `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n${body}\r\n--b${i}--\r\n`;
    }
    return Buffer.concat([
      raw.subarray(0, 200),
      Buffer.from(`\r\nContent-Type: multipart/mixed; boundary="b0"\r\n\r\n${body}`),
    ]);
  },
  (raw, rnd) => {
    const at = rnd.int(0, raw.length);
    const junk = Buffer.from(Array.from({ length: rnd.int(1, 300) }, () => rnd.int(0, 255)));
    return Buffer.concat([raw.subarray(0, at), junk, raw.subarray(at)]);
  },
  (raw) => Buffer.concat([raw, raw]),
  (raw, rnd) =>
    Buffer.from(
      raw.toString('latin1').replace(/<[^>]*>/g, (m) => (rnd.bool() ? '<' : m)),
      'latin1',
    ),
  (raw) =>
    Buffer.from(
      raw.toString('latin1').replace(/^(From|To|Cc|Date|Message-ID):[^\r\n]*/gim, '$1: ,,,<<@@>>;;'),
      'latin1',
    ),
  (raw, rnd) =>
    Buffer.from(`${'Praxis Dr. '.repeat(rnd.int(1, 2000))}\r\n${raw.toString('latin1')}`, 'latin1'),
];

/** An arbitrary that picks a seed mail and applies 1–4 random mutations to it. */
export function mutatedMail(seeds: readonly Buffer[]): fc.Arbitrary<Buffer> {
  return fc
    .tuple(fc.integer({ min: 0, max: seeds.length - 1 }), fc.integer({ min: 1, max: 4 }), fc.integer())
    .map(([seedIndex, count, seed]) => {
      const rnd = seeded(seed);
      let raw = seeds[seedIndex]!;
      for (let i = 0; i < count; i++) {
        raw = MUTATIONS[rnd.int(0, MUTATIONS.length - 1)]!(raw, rnd);
      }
      return raw;
    });
}
