import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AuditSheetSchema } from '@praxisready/model';
import { evaluate } from '../evaluate.ts';
import { EXAMPLES } from './examples.ts';
import { TEST_NOW } from './sheet-builder.ts';

const dir = new URL('../../../../examples/', import.meta.url);

describe('examples/', () => {
  it.each(Object.entries(EXAMPLES))(
    '%s is current (regenerate with packages/rules/scripts/write-examples.ts)',
    (name, make) => {
      const file = JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as unknown;
      expect(file).toEqual(JSON.parse(JSON.stringify(make())));
      expect(AuditSheetSchema.safeParse(file).success).toBe(true);
    },
  );

  it('the ready practice has no failure or warning; the problem practice fails', () => {
    const ready = evaluate(AuditSheetSchema.parse(EXAMPLES['ready-practice.json']()), { now: TEST_NOW });
    expect(ready.findings.filter((f) => f.status === 'fail' || f.status === 'warn')).toEqual([]);
    const problem = evaluate(AuditSheetSchema.parse(EXAMPLES['problem-practice.json']()), { now: TEST_NOW });
    expect(problem.scores.overall.counts.fail).toBeGreaterThan(10);
  });
});
