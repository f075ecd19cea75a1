// Fuzz, CI-sized: ≥ 100,000 mutated real samples. The codec must never throw, never hang, and round-trip every
// input byte for byte; the validator must not throw either. Longer runs: `node --import tsx bench/gdt/fuzz.ts`.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGdt } from './codec/gdt-file.ts';
import { validateRecords } from './validate/validate.ts';
import { GdtProblemCodes } from './problems.ts';
import { mutate, prng } from './testing/mutate.ts';

const dir = new URL('./__fixtures__/', import.meta.url);
const corpus = readdirSync(dir)
  .filter((n) => n.endsWith('.gdt'))
  .map((n) => readFileSync(new URL(n, dir)));

const ITERATIONS = 100_000;

describe('fuzz', () => {
  it(`${ITERATIONS.toLocaleString('en')} mutated samples: no throw, exact round trip, known problem codes`, () => {
    const rnd = prng(0x6d7);
    const started = performance.now();
    let slowest = 0;
    let withProblems = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const input = mutate(corpus, rnd);
      const t0 = performance.now();
      let file;
      try {
        file = parseGdt(input);
        validateRecords(file);
      } catch (e) {
        throw new Error(`iteration ${i} threw on input ${input.toString('base64')}`, { cause: e });
      }
      slowest = Math.max(slowest, performance.now() - t0);
      if (!file.serialize().equals(input)) {
        throw new Error(`iteration ${i}: round trip differs for ${input.toString('base64')}`);
      }
      for (const p of file.problems) {
        if (!(p.code in GdtProblemCodes) || p.line < 0) {
          throw new Error(`iteration ${i}: bad problem ${JSON.stringify(p)}`);
        }
      }
      if (file.problems.length > 0) {
        withProblems++;
      }
    }
    const total = performance.now() - started;
    // Mutations must actually produce broken files, or the test proves nothing.
    expect(withProblems).toBeGreaterThan(ITERATIONS * 0.5);
    // Hang guards with room for a loaded CI machine (about 7 s in total on 2 busy cores).
    expect(slowest).toBeLessThan(1000);
    expect(total).toBeLessThan(45_000);
  }, 60_000);

  it('large degenerate inputs stay linear (no hang)', () => {
    const inputs = [
      Buffer.alloc(2_000_000, 0x30), // one endless line of digits
      Buffer.from('999'.repeat(500_000)),
      Buffer.from('01380006310\n'.repeat(100_000)), // 100,000 records
      Buffer.alloc(1_000_000, 0x0a), // blank lines
      Buffer.from('9998000'.padEnd(997, 'x').concat('\n').repeat(2000)), // LLL claims more than the line has
    ];
    for (const input of inputs) {
      const t0 = performance.now();
      const file = parseGdt(input);
      validateRecords(file);
      expect(file.serialize().equals(input)).toBe(true);
      expect(performance.now() - t0).toBeLessThan(3000);
    }
  }, 30_000);
});
