import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.ts';
import { fail, pass, t } from './helpers.ts';
import type { Check } from './types.ts';
import { TEST_NOW, parseDraft, readyPracticeInput } from '../test-support/sheet-builder.ts';

const base = { area: 'network', severity: 'low', reference: 'test', title: t('T', 'T') } as const;
const sheet = parseDraft(readyPracticeInput());

describe('engine', () => {
  it('turns a throwing check into an unknown finding with the error noted', () => {
    const boom: Check = {
      ...base,
      id: 'test.boom',
      run: () => {
        throw new Error('kaputt');
      },
    };
    const { findings } = evaluate(sheet, { now: TEST_NOW, checks: [boom] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.status).toBe('unknown');
    expect(findings[0]?.explanation.de).toContain('kaputt');
  });

  it('reports not_applicable with the reason from appliesTo and never runs the check', () => {
    let ran = false;
    const c: Check = {
      ...base,
      id: 'test.na',
      appliesTo: () => t('Grund', 'reason'),
      run: () => ((ran = true), []),
    };
    const { findings } = evaluate(sheet, { now: TEST_NOW, checks: [c] });
    expect(ran).toBe(false);
    expect(findings[0]).toMatchObject({ status: 'not_applicable', explanation: { de: 'Grund' } });
  });

  it('attaches remediation and offer item only to failing outcomes and sorts by area, id, subject', () => {
    const c: Check = {
      ...base,
      id: 'test.mixed',
      remediation: t('tun', 'do'),
      offerItem: { itemId: 'x', quantity: 1 },
      run: () => [fail(t('b', 'b'), [], 'b'), pass(t('a', 'a'), [], 'a')],
    };
    const d: Check = { ...base, area: 'ti', id: 'test.z', run: () => [pass(t('z', 'z'))] };
    const { findings, scores } = evaluate(sheet, { now: TEST_NOW, checks: [c, d] });
    expect(findings.map((f) => `${f.checkId}/${f.subject ?? ''}`)).toEqual([
      'test.z/',
      'test.mixed/a',
      'test.mixed/b',
    ]);
    expect(findings[1]?.remediation).toBeUndefined();
    expect(findings[2]?.remediation?.de).toBe('tun');
    expect(findings[2]?.offerItem?.itemId).toBe('x');
    expect(scores.overall.counts.fail).toBe(1);
  });

  it('gives stage-1 checks the findings of stage 0', () => {
    const first: Check = { ...base, id: 'test.first', kbvRefs: ['A1-20'], run: () => [fail(t('x', 'x'))] };
    const second: Check = {
      ...base,
      id: 'test.second',
      stage: 1,
      run: (ctx) => [
        ctx.priorFindings.some((f) => f.kbvRefs.includes('A1-20'))
          ? fail(t('seen', 'seen'))
          : pass(t('no', 'no')),
      ],
    };
    const { findings } = evaluate(sheet, { now: TEST_NOW, checks: [second, first] });
    expect(findings.find((f) => f.checkId === 'test.second')?.status).toBe('fail');
  });

  it('is deterministic for the full catalog', () => {
    expect(evaluate(sheet, { now: TEST_NOW })).toEqual(evaluate(sheet, { now: TEST_NOW }));
  });
});
