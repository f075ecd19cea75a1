import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FindingSchema, ScoreSummarySchema } from '@praxisready/model';
import { evaluate } from './evaluate.ts';
import { checks } from './checks/index.ts';
import { arbitraryNow, arbitrarySheet } from './test-support/arbitrary.ts';

describe('evaluate on arbitrary schema-valid sheets', () => {
  it('is total: never throws, never reports an internal error, returns schema-valid findings for every check', () => {
    fc.assert(
      fc.property(arbitrarySheet, arbitraryNow, (sheet, now) => {
        const { findings, scores } = evaluate(sheet, { now });
        const ids = new Set(findings.map((f) => f.checkId));
        expect(checks.filter((c) => !ids.has(c.id)).map((c) => c.id)).toEqual([]);
        for (const f of findings) {
          expect(FindingSchema.safeParse(f).success).toBe(true);
          // A check that threw shows up as "interner Fehler"; the catalog must not throw on valid sheets.
          expect(f.explanation.de).not.toContain('interner Fehler');
        }
        expect(ScoreSummarySchema.safeParse(scores).success).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic: same sheet and time, same result', () => {
    fc.assert(
      fc.property(arbitrarySheet, arbitraryNow, (sheet, now) => {
        expect(evaluate(structuredClone(sheet), { now: new Date(now) })).toEqual(evaluate(sheet, { now }));
      }),
      { numRuns: 30 },
    );
  });
});
