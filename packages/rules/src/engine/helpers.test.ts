import { describe, expect, it } from 'vitest';
import { missing, t } from './helpers.ts';

describe('missing', () => {
  it('names the value in words for the report and keeps the sheet path in the evidence', () => {
    const o = missing('machines[0].display', t('Bildschirmauflösung', 'Display resolution'), 'EMPFANG-01');
    expect(o.status).toBe('unknown');
    expect(o.explanation).toEqual({
      de: 'Nicht erfasst: Bildschirmauflösung.',
      en: 'Not recorded: Display resolution.',
    });
    expect(JSON.stringify(o.evidence)).toContain('machines[0].display');
    expect(o.subject).toBe('EMPFANG-01');
  });
});
