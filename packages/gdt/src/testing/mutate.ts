/**
 * @internal Deterministic byte mutator for the GDT fuzz test and the long fuzz script (bench/gdt/fuzz.ts).
 * Mutations are aimed at the codec's weak spots: line ends, LLL digits, high bytes, truncation, splices.
 */

/** mulberry32: small seeded PRNG, so a failing input can be reproduced from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTERESTING = [
  0x0d, 0x0a, 0x30, 0x31, 0x38, 0x39, 0x00, 0x7f, 0x80, 0x81, 0xc3, 0xbc, 0xe1, 0xfc, 0xef, 0xff,
];

type Mutation = (b: number[], rnd: () => number, corpus: readonly Uint8Array[]) => number[];

const int = (rnd: () => number, n: number) => Math.floor(rnd() * n);
const byte = (rnd: () => number) =>
  rnd() < 0.5 ? INTERESTING[int(rnd, INTERESTING.length)]! : int(rnd, 256);

/** Mutations as a list (one entry = one strategy). */
const mutations: readonly Mutation[] = [
  // flip one byte
  (b, rnd) => {
    if (b.length > 0) {
      b[int(rnd, b.length)] = byte(rnd);
    }
    return b;
  },
  // insert a few bytes
  (b, rnd) => {
    const at = int(rnd, b.length + 1);
    const ins = Array.from({ length: 1 + int(rnd, 4) }, () => byte(rnd));
    b.splice(at, 0, ...ins);
    return b;
  },
  // delete a range
  (b, rnd) => {
    const at = int(rnd, b.length + 1);
    b.splice(at, 1 + int(rnd, 20));
    return b;
  },
  // duplicate a range
  (b, rnd) => {
    const at = int(rnd, b.length + 1);
    const part = b.slice(at, at + 1 + int(rnd, 60));
    b.splice(int(rnd, b.length + 1), 0, ...part);
    return b;
  },
  // truncate
  (b, rnd) => b.slice(0, int(rnd, b.length + 1)),
  // splice with another corpus file
  (b, rnd, corpus) => {
    const other = corpus[int(rnd, corpus.length)]!;
    const cut = int(rnd, other.length + 1);
    return [...b.slice(0, int(rnd, b.length + 1)), ...other.subarray(cut)];
  },
  // change a digit of a line's LLL
  (b, rnd) => {
    const starts = [0];
    for (let i = 0; i < b.length; i++) {
      if (b[i] === 0x0a) {
        starts.push(i + 1);
      }
    }
    const s = starts[int(rnd, starts.length)]! + int(rnd, 3);
    if (s < b.length) {
      b[s] = 0x30 + int(rnd, 10);
    }
    return b;
  },
  // CRLF → LF or LF → CRLF everywhere
  (b, rnd) => {
    const out: number[] = [];
    const toLf = rnd() < 0.5;
    for (let i = 0; i < b.length; i++) {
      if (toLf && b[i] === 0x0d && b[i + 1] === 0x0a) {
        continue;
      }
      if (!toLf && b[i] === 0x0a && b[i - 1] !== 0x0d) {
        out.push(0x0d);
      }
      out.push(b[i]!);
    }
    return out;
  },
  // repeat the whole input (several records)
  (b, rnd) => {
    const n = 1 + int(rnd, 3);
    let out = b;
    for (let i = 0; i < n; i++) {
      out = out.concat(b);
    }
    return out;
  },
  // a run of high bytes / UTF-8 sequences
  (b, rnd) => {
    const at = int(rnd, b.length + 1);
    const seqs = [
      [0xc3, 0xbc],
      [0xe2, 0x82, 0xac],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xc3],
      [0xed, 0xa0, 0x80],
      [0x81, 0x94],
    ];
    b.splice(at, 0, ...seqs[int(rnd, seqs.length)]!);
    return b;
  },
];

/** One mutated input: 1–4 mutations applied to a random corpus file. */
export function mutate(corpus: readonly Uint8Array[], rnd: () => number): Buffer {
  let b = [...corpus[int(rnd, corpus.length)]!];
  const n = 1 + int(rnd, 4);
  for (let i = 0; i < n; i++) {
    b = mutations[int(rnd, mutations.length)]!(b, rnd, corpus);
  }
  return Buffer.from(b);
}
