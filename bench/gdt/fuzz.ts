// Long fuzz run (not part of CI): `node --import tsx bench/gdt/fuzz.ts [iterations] [seed]`.
// Mutates the real samples plus generated records; the codec must never throw, never hang (> 1 s per input),
// and round-trip every input byte for byte; the validator must not throw. Prints the seed of any failure.
import { readFileSync, readdirSync } from 'node:fs';
import { parseGdt, validateGdt } from '../../packages/gdt/src/index.ts';
import { mutate, prng } from '../../packages/gdt/src/testing/mutate.ts';
import { sampleRecord } from './corpus.ts';

const iterations = Number(process.argv[2] ?? 2_000_000);
const seed = Number(process.argv[3] ?? Date.now() % 1_000_000);
const dir = new URL('../../packages/gdt/src/__fixtures__/', import.meta.url);
const corpus = [
  ...readdirSync(dir)
    .filter((n) => n.endsWith('.gdt'))
    .map((n) => readFileSync(new URL(n, dir))),
  ...Array.from({ length: 50 }, (_, i) => sampleRecord(i).serialize()),
];
const rnd = prng(seed);
const started = performance.now();
let slowest = 0;
let failures = 0;
for (let i = 0; i < iterations; i++) {
  const input = mutate(corpus, rnd);
  const t0 = performance.now();
  try {
    const file = parseGdt(input);
    validateGdt(file);
    if (!file.serialize().equals(input)) {
      throw new Error('round trip differs');
    }
  } catch (e) {
    failures++;
    console.error(
      `FAIL seed=${seed} iteration=${i}: ${(e as Error).message}\n  input(base64)=${input.toString('base64')}`,
    );
    if (failures > 10) {
      break;
    }
  }
  const ms = performance.now() - t0;
  if (ms > slowest) {
    slowest = ms;
  }
  if (ms > 1000) {
    failures++;
    console.error(`SLOW seed=${seed} iteration=${i}: ${ms.toFixed(0)} ms`);
  }
  if ((i + 1) % 250_000 === 0) {
    console.log(
      `${i + 1} inputs, ${((performance.now() - started) / 1000).toFixed(1)} s, slowest ${slowest.toFixed(1)} ms`,
    );
  }
}
console.log(
  `fuzz: ${iterations} inputs, seed ${seed}, ${failures} failures, slowest ${slowest.toFixed(1)} ms, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exitCode = failures === 0 ? 0 : 1;
