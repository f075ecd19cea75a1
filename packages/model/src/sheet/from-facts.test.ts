import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FactsDocumentSchema } from '../facts/facts-document.ts';
import { AuditSheetSchema } from './sheet.ts';
import { pvsProductOf, sheetFromFacts } from './from-facts.ts';

const facts = FactsDocumentSchema.parse({
  kind: 'praxisready.facts',
  schemaVersion: '1.0',
  documentId: 'doc-12345678',
  collectedAt: '2026-11-23T10:00:00Z',
  probe: { version: '0.1.0', platform: 'win32', arch: 'x64' },
  system: {
    computerName: 'EMPFANG-01',
    os: { family: 'windows', name: 'Microsoft Windows 11 Pro', edition: 'Pro', version: '11', arch: 'x64' },
    cpu: { clockGhz: 3.1, cores: 8 },
    ramGb: 16,
    disks: [{ mount: 'C:', sizeGb: 512, freeGb: 320, kind: 'ssd' }],
  },
  ports: [{ host: '127.0.0.1', port: 23174, protocol: 'tcp', state: 'closed', role: 'pvs_server' }],
  printers: [
    {
      uri: 'ipp://127.0.0.3:8631/ipp/print',
      host: '127.0.0.3',
      port: 8631,
      discoveredBy: 'explicit',
      reachable: true,
      pdfSupported: false,
      resolutionsDpi: [300, 600],
    },
  ],
  pvs: { products: [{ product: 'x.concept', version: '24.2' }] },
  serviceProvider: { installIni: { path: 'C:\\x\\ServiceProvider.ini', found: true, text: '[Allgemein]\n' } },
});

function leaves(value: unknown, path = ''): { path: string; node: Record<string, unknown> }[] {
  if (value === null || typeof value !== 'object') {
    return [];
  }
  const obj = value as Record<string, unknown>;
  if ('source' in obj && 'at' in obj && 'value' in obj) {
    return [{ path, node: obj }];
  }
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
}

describe('sheetFromFacts', () => {
  it('produces a valid sheet whose every value comes from the probe at collection time', () => {
    const sheet = AuditSheetSchema.parse(sheetFromFacts(facts));
    const all = leaves(sheet);
    expect(all.length).toBeGreaterThan(10);
    for (const { node } of all) {
      expect(node.source).toBe('probe');
      expect(node.at).toBe('2026-11-23T10:00:00Z');
      expect(String(node.evidence)).toMatch(/^facts:doc-12345678#/);
    }
    expect(sheet.machines[0]?.os.edition?.value).toBe('Pro');
    expect(sheet.network.portChecks?.value[0]?.state).toBe('closed');
    expect(sheet.print.printers[0]?.pdfSupported?.value).toBe(false);
    expect(sheet.pvs.product?.value).toBe('x.concept');
    expect(sheet.pvs.serviceProvider.installIni?.value.found).toBe(true);
  });

  it('leaves what was not measured empty', () => {
    const sheet = AuditSheetSchema.parse(sheetFromFacts(facts));
    expect(sheet.machines[0]?.ups).toBeUndefined();
    expect(sheet.backup.offsiteCopy).toBeUndefined();
    expect(sheet.ti.cards).toBeUndefined();
  });

  it('recognises PVS product names', () => {
    expect(pvsProductOf('x.isynet 23.1')).toBe('x.isynet');
    expect(pvsProductOf('medatixx')).toBe('medatixx');
    expect(pvsProductOf('Turbomed')).toBe('other');
  });
});

describe('sheetFromFacts: Konnektor → ti', () => {
  // Recorded: the probe's facts (ti.* and network.ports collectors) against `lab` scenario typical-problems
  // (secunet simulator preset), written by `runProbe` on 2026-11-23.
  const labFacts = FactsDocumentSchema.parse(
    JSON.parse(
      readFileSync(new URL('./__fixtures__/facts-lab-typical-problems.json', import.meta.url), 'utf8'),
    ),
  );

  it('maps product, certificate, VPN, error states, context, terminals and cards', () => {
    const sheet = AuditSheetSchema.parse(sheetFromFacts(labFacts));
    const k = labFacts.konnektor!;
    expect(sheet.ti.connection?.value).toBe('konnektor');
    expect(sheet.ti.konnektor.product?.value).toMatchObject({
      productName: k.product.productName,
      firmwareVersion: k.product.fwVersion,
    });
    expect(sheet.ti.konnektor.reachable443?.value).toBe(true);
    expect(sheet.ti.konnektor.sdsReadable?.value).toBe(true);
    expect(sheet.ti.konnektor.gsmcKExpiry?.value).toBe(k.connectorCertificate?.validity?.slice(0, 10));
    expect(sheet.ti.konnektor.tls?.value.subjectCn).toBe(k.tls?.chain[0]?.commonName);
    expect(sheet.ti.konnektor.vpnTiOnline?.value).toBe(true);
    expect(sheet.ti.konnektor.operatingStates?.value.map((s) => s.type).sort()).toEqual([
      'EC_FW_Update_Available',
      'EC_NK_Certificate_Expiring',
    ]);
    expect(sheet.ti.context.mandantId?.value).toBe(k.context.mandantId);
    expect(sheet.ti.context.accepted?.value).toBe(true);
    expect(sheet.ti.terminals?.value.map((t) => [t.id, t.connected])).toEqual(
      k.terminals.map((t) => [t.ctId, t.connected]),
    );
    const hba = sheet.ti.cards?.value.find((c) => c.type === 'HBA');
    expect(hba?.pinStatus).toBe('TRANSPORT_PIN');
    expect(sheet.ti.cards?.value.some((c) => c.type === 'EGK')).toBe(false);
    expect(sheet.ti.kim.reachable?.value).toBe(true);
    for (const { node } of leaves(sheet.ti)) {
      expect(node.source).toBe('probe');
    }
  });

  it('a context fault marks the context as not accepted', () => {
    const broken = structuredClone(labFacts);
    broken.konnektor!.errors = [
      { operation: 'GetCards', code: 'PEER_FAULT', gematikCode: '4004', message: 'x' },
    ];
    const sheet = AuditSheetSchema.parse(sheetFromFacts(broken));
    expect(sheet.ti.context.accepted?.value).toBe(false);
    expect(sheet.ti.konnektor.faults?.value).toEqual([{ code: '4004', message: 'x' }]);
  });
});
