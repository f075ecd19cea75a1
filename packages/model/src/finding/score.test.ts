import { describe, expect, it } from 'vitest';
import { computeScores } from './score.ts';
import type { Finding } from './finding.ts';

function f(
  area: Finding['area'],
  status: Finding['status'],
  severity: Finding['severity'] = 'medium',
): Finding {
  return {
    checkId: `x.${area}.${status}`,
    area,
    status,
    severity,
    title: { de: 't', en: 't' },
    explanation: { de: 'e', en: 'e' },
    evidence: [],
    kbvRefs: [],
  };
}

describe('computeScores', () => {
  it('weights by severity: one high failure against one medium pass gives 2/6', () => {
    const s = computeScores([f('ti', 'fail', 'high'), f('ti', 'pass', 'medium')]);
    expect(s.areas[0]?.score).toBe(33.3);
  });

  it('gives warn half credit', () => {
    expect(computeScores([f('gdt', 'warn'), f('gdt', 'pass')]).overall.score).toBe(75);
  });

  it('keeps n/a, manual and unknown out of the score but counts them', () => {
    const s = computeScores([
      f('ti', 'pass'),
      f('ti', 'manual'),
      f('ti', 'unknown'),
      f('ti', 'not_applicable'),
    ]);
    const ti = s.areas[0]!;
    expect(ti.score).toBe(100);
    expect(ti.counts).toMatchObject({ pass: 1, manual: 1, unknown: 1, not_applicable: 1 });
    expect(ti.coverage).toBeCloseTo(1 / 3, 3);
  });

  it('has no score when nothing is decided', () => {
    const s = computeScores([f('backup', 'manual'), f('backup', 'not_applicable')]);
    expect(s.areas[0]?.score).toBeNull();
    expect(computeScores([f('backup', 'not_applicable')]).areas[0]?.coverage).toBeNull();
  });

  it('lists areas in catalog order, only those with findings', () => {
    const s = computeScores([f('backup', 'pass'), f('ti', 'fail')]);
    expect(s.areas.map((a) => a.area)).toEqual(['ti', 'backup']);
  });
});
