import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { mutatedMail } from '../test-support/mutate-mail.ts';
import { parseIntakeMail } from './parse-intake.ts';

const FIXTURES = join(import.meta.dirname, '..', '__fixtures__');

function seeds(): Buffer[] {
  return ['intake', 'intake-holdout', 'calendar'].flatMap((set) =>
    readdirSync(join(FIXTURES, set))
      .filter((f) => f.endsWith('.eml'))
      .map((f) => readFileSync(join(FIXTURES, set, f))),
  );
}

/**
 * The fuzz property shared by the quick unit run and the 10,000-case CI run: parseIntakeMail resolves (never
 * throws), keeps the exact bytes, always has a dedupe key, and each mail finishes within its time budget.
 */
export async function fuzzIntake(numRuns: number, perMailBudgetMs: number): Promise<void> {
  let slowest = 0;
  await fc.assert(
    fc.asyncProperty(mutatedMail(seeds()), async (raw) => {
      const started = performance.now();
      const mail = await parseIntakeMail(raw, { timeoutMs: perMailBudgetMs });
      const took = performance.now() - started;
      slowest = Math.max(slowest, took);
      expect(mail.raw.equals(raw)).toBe(true);
      expect(mail.messageId.length).toBeGreaterThan(0);
      expect(took).toBeLessThan(perMailBudgetMs + 1000);
      if (mail.malformed) {
        expect(mail.problems.some((p) => p.severity === 'error')).toBe(true);
      }
    }),
    { numRuns },
  );
  expect(slowest).toBeLessThan(perMailBudgetMs + 1000);
}
