import { AuditSheetSchema } from '@praxisready/model';
import { describe, expect, it } from 'vitest';
import { MEASURED_FIELDS, formatIni, formatTls } from './measured.ts';
import { gdtFolderAudit } from './measured.fixture.ts';
import { getPath, setPath } from './paths.ts';
import type { Say } from './spec.ts';

const de: Say = (text) => text;
const en: Say = (_de, text) => text;
const base = {
  kind: 'praxisready.audit-sheet',
  schemaVersion: 1,
  id: 's1',
  practice: { id: 'p1', name: 'Praxis', contacts: [] },
};

/** A value per measured path in the model's shape, as the probe fills it. */
const SAMPLES: Record<string, unknown> = {
  'ti.konnektor.product': { vendor: 'secunet', productName: 'Konnektor', firmwareVersion: '5.1.2' },
  'ti.konnektor.tls': { protocol: 'TLSv1.2', notAfter: '2027-03-12T00:00:00Z', trusted: true },
  'ti.konnektor.sdsReadable': true,
  'ti.konnektor.vpnTiOnline': false,
  'ti.konnektor.gsmcKExpiry': '2028-01-31',
  'ti.konnektor.operatingStates': [{ type: 'EC_CardTerminal_Not_Available', severity: 'Error' }],
  'ti.konnektor.faults': [],
  'ti.konnektor.services': [{ name: 'EventService', version: '7.2.0' }],
  'gdt.folderAudits': [gdtFolderAudit()],
  'pvs.serverName': 'SRV-PVS',
  'pvs.sqlServer.version': '2019',
  'pvs.sqlServer.instance': 'MEDATIXX',
  'pvs.serviceProvider.installIni': {
    path: 'C:\\SP\\ServiceProvider.ini',
    found: true,
    text: '[X]\r\nA=1\r\n',
  },
  'pvs.serviceProvider.dataIni': { path: 'D:\\Daten\\ServiceProvider.ini', found: false },
  'pvs.serviceProvider.reachable': true,
  'pvs.serviceProvider.serviceRunning': true,
  'pvs.services': [{ name: 'medatixx Service-Provider', running: false }],
};

describe('MEASURED_FIELDS', () => {
  const fields = Object.values(MEASURED_FIELDS).flat();

  it.each(fields.map((f) => [f.path, f] as const))(
    '%s is a sourced value of the model, summarised in German and English',
    (path, spec) => {
      expect(Object.keys(SAMPLES)).toContain(path);
      const value = SAMPLES[path];
      const parsed = AuditSheetSchema.safeParse(
        setPath(base, path, { value, source: 'probe', at: '2026-11-23T10:00:00Z' }),
      );
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      // zod keeps what the formatter reads (it strips unknown keys)
      const kept = (getPath(parsed.data, path) as { value: unknown }).value;
      expect(kept).toEqual(value);
      for (const say of [de, en]) {
        const out = spec.format(kept, say);
        expect(Array.isArray(out) ? out.length : out.length).toBeGreaterThan(0);
      }
    },
  );

  it('summarises TLS and ini files in words, and leaves out what it cannot read', () => {
    expect(formatTls({ protocol: 'TLSv1.3', trusted: true }, de)).toBe('TLS 1.3, vertrauenswürdig');
    expect(formatTls({ notAfter: '2027-03-12T00:00:00Z', trusted: false }, en)).toBe(
      'certificate valid until 12/03/2027, not trusted',
    );
    expect(formatTls('TLSv1.2', de)).toBe('');
    expect(formatIni(SAMPLES['pvs.serviceProvider.installIni'], de)).toBe(
      'C:\\SP\\ServiceProvider.ini: gefunden, 2 Zeilen',
    );
    expect(formatIni(SAMPLES['pvs.serviceProvider.dataIni'], de)).toBe(
      'D:\\Daten\\ServiceProvider.ini: nicht gefunden',
    );
    const faults = fields.find((f) => f.path === 'ti.konnektor.faults')!;
    expect(faults.format([], de)).toBe('keine');
  });
});
