import { describe, expect, it } from 'vitest';
import { AuditSheetSchema } from './sheet.ts';
import { validateWith } from '../result/zod.ts';
import { formatPath } from '../result/result.ts';

const at = '2026-11-23T09:00:00Z';
const minimal = {
  kind: 'praxisready.audit-sheet',
  schemaVersion: 1,
  id: 'sheet-1',
  practice: { id: 'p1', name: 'Praxis Dr. Müller' },
};

describe('AuditSheetSchema', () => {
  it('accepts a minimal sheet and fills every section with its defaults', () => {
    const r = validateWith(AuditSheetSchema, minimal);
    expect(r.success).toBe(true);
    if (!r.success) {
      return;
    }
    expect(r.data.stage).toBe('audit');
    expect(r.data.ti.konnektor).toEqual({});
    expect(r.data.ti.tiGatewayMigration.adminPasswords).toEqual({});
    expect(r.data.gdt.devices).toEqual([]);
    expect(r.data.kbv).toEqual({ zielobjekte: {}, requirements: {} });
    expect(r.data.backup.test).toEqual({});
  });

  it('requires source and time on every value', () => {
    const r = validateWith(AuditSheetSchema, {
      ...minimal,
      machines: [{ id: 'm1', role: { value: 'server', source: 'probe', at }, ramGb: { value: 16 } }],
    });
    expect(r.success).toBe(false);
    const paths = r.issues.map((i) => formatPath(i.path));
    expect(paths).toContain('machines[0].ramGb.source');
    expect(paths).toContain('machines[0].ramGb.at');
  });

  it('rejects an unknown source', () => {
    const r = validateWith(AuditSheetSchema, {
      ...minimal,
      profile: { doctors: { value: 2, source: 'guess', at } },
    });
    expect(r.success).toBe(false);
    expect(r.issues[0]?.path).toEqual(['profile', 'doctors', 'source']);
  });

  it('keeps evidence references', () => {
    const r = AuditSheetSchema.parse({
      ...minimal,
      ti: {
        konnektor: {
          host: { value: '10.0.0.1', source: 'person', at, evidence: 'artifact:03_Audit/ti.png' },
        },
      },
    });
    expect(r.ti.konnektor.host?.evidence).toBe('artifact:03_Audit/ti.png');
  });
});
