// The public surface of @praxisready/gdt (STYLE.md convention 12): adding or removing an export is a decision.
import { describe, expect, it } from 'vitest';
import * as gdt from './index.ts';

describe('@praxisready/gdt exports', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(gdt).sort()).toEqual(
      [
        'DEFAULT_CHARSET',
        'ExaminationCodeGroups',
        'GdtCharsets',
        'GdtField',
        'GdtFields',
        'GdtFile',
        'GdtNameKind',
        'GdtOtherLine',
        'GdtProblemCodes',
        'GdtRecord',
        'GdtSatzarten',
        'GdtVersions',
        'GdtWatcher',
        'attachmentResolver',
        'auditGdtFolder',
        'buildOrder',
        'charsetOf9206',
        'classifyFileName',
        'createRecord',
        'detectCharset',
        'exchangeFileName',
        'fieldName',
        'fieldSpec',
        'isGdtFileName',
        'isKnownSatzart',
        'isVersion3',
        'parseGdt',
        'problemText',
        'recordRules',
        'rulesFor',
        'toIssue',
        'validateGdt',
        'validateRecords',
        'writeGdtFile',
      ].sort(),
    );
  });

  it('every problem code has a German and an English text and a severity', () => {
    for (const [code, spec] of Object.entries(gdt.GdtProblemCodes)) {
      expect(code).toMatch(/^[A-Z0-9_]+$/);
      expect(spec.de.length).toBeGreaterThan(5);
      expect(spec.en.length).toBeGreaterThan(5);
      expect(['error', 'warning', 'info']).toContain(spec.severity);
    }
  });
});
