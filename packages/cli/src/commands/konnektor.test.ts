import { describe, expect, it } from 'vitest';
import type { KonnektorFacts } from '@praxisready/model';
import { run } from '../test-run.ts';
import { daysLeft, formatKonnektorFacts } from './konnektor.ts';

const NOW = new Date('2026-11-23T10:00:00Z');

const FACTS: KonnektorFacts = {
  url: 'https://192.168.1.10/',
  readAt: '2026-11-23T10:00:00.000Z',
  durationMs: 120,
  context: { mandantId: 'Praxis1', clientSystemId: 'PVS', workplaceId: 'Empfang' },
  auth: 'none',
  tls: {
    protocol: 'TLSv1.2',
    cipher: 'ECDHE-ECDSA-AES256-GCM-SHA384',
    trustMode: 'accept-and-record',
    trusted: false,
    chain: [
      {
        subject: 'CN=80276003640000909999-20200224',
        commonName: '80276003640000909999-20200224',
        subjectAltNames: ['konnektor.konlan'],
        issuer: 'CN=GEM.KOMP-CA10',
        serialNumber: '1469298',
        notBefore: '2020-02-24T00:00:00.000Z',
        notAfter: '2025-12-31T23:59:59.000Z',
        fingerprint256: 'AA:BB',
      },
    ],
    konnektorKonlan: true,
  },
  sds: {
    url: 'https://192.168.1.10/connector.sds',
    tlsMandatory: false,
    clientAutMandatory: false,
    endpointsRewritten: false,
  },
  product: {
    vendorId: 'KOCOC',
    vendorName: 'KoCo Connector',
    productName: 'KoCoBox MED+',
    productCode: 'kocobox',
    productType: 'Konnektor',
    productTypeVersion: '5.1.0',
    hwVersion: '2.0.0',
    fwVersion: '5.1.8',
  },
  services: [{ name: 'EventService', versions: ['7.2.0'], selected: '7.2.0' }],
  vpn: { ti: { status: 'Online' }, sis: { status: 'Offline' } },
  errorStates: [
    { condition: 'EC_NK_Certificate_Expiring', severity: 'Warning', type: 'Security', active: true },
    { condition: 'EC_LOG_OVERFLOW', severity: 'Warning', type: 'Operation', active: false },
  ],
  terminals: [
    {
      ctId: 'CT_ID_0176',
      name: 'ORGA6100-0241000000B692',
      ipAddress: '10.200.149.20',
      workplaceIds: ['Konnektor', 'GUSbox03'],
      connected: true,
      firmware: '3.8.2',
      productName: 'ORGA6100',
      placeholderProductInfo: false,
    },
    { ctId: 'CT_ID_0177', workplaceIds: [], connected: false, placeholderProductInfo: true },
  ],
  cards: [
    {
      cardHandle: 'h1',
      type: 'SMC-B',
      iccsn: '80276002711000059999',
      holder: "Doctor Who's Universe",
      ctId: 'CT_ID_0176',
      slotId: '1',
      certificateExpiration: '2027-01-22',
      pins: [{ pinType: 'PIN.SMC', status: 'VERIFIABLE', leftTries: 3 }],
      certificates: [],
    },
  ],
  connectorCertificate: { iccsn: '80276003640000909999', validity: '2025-12-31' },
  errors: [
    {
      operation: 'GetPinStatus',
      code: 'PEER_FAULT',
      gematikCode: '4047',
      message: 'CardHandle ungültig',
      hint: 'Abfrage wiederholen.',
    },
  ],
};

describe('konnektor inspect: German report', () => {
  it('prints product, TLS, VPN, active error states, gSMC-K, terminals, cards and errors', () => {
    const text = formatKonnektorFacts(FACTS, NOW).join('\n');
    expect(text).toContain('KoCoBox MED+ (KoCo Connector; Hersteller-ID KOCOC, Produktcode kocobox)');
    expect(text).toContain('Firmware 5.1.8, Hardware 2.0.0');
    expect(text).toContain(
      'CN 80276003640000909999-20200224, SAN konnektor.konlan, gültig bis 2025-12-31 (ABGELAUFEN seit 326 Tagen)',
    );
    expect(text).toContain('Vertrauen: nur protokolliert');
    expect(text).toContain('VPN TI:       Online;  VPN SIS: Offline');
    expect(text).toContain('EC_NK_Certificate_Expiring (Warning, Security)');
    expect(text).not.toContain('EC_LOG_OVERFLOW');
    expect(text).toContain('gSMC-K:       ICCSN 80276003640000909999, Zertifikat gültig bis 2025-12-31');
    expect(text).toContain(
      'CT_ID_0176  ORGA6100-0241000000B692  IP 10.200.149.20  Arbeitsplätze: Konnektor, GUSbox03  verbunden  ORGA6100 FW 3.8.2',
    );
    expect(text).toContain('CT_ID_0177    IP ?  Arbeitsplätze: -  NICHT verbunden  FW unbekannt');
    expect(text).toContain(
      "SMC-B  ICCSN 80276002711000059999  Doctor Who's Universe  Zertifikat bis 2027-01-22 (noch 60 Tage)  Terminal CT_ID_0176 Slot 1  PIN.SMC: VERIFIABLE (3 Versuche)",
    );
    expect(text).toContain('GetPinStatus: [4047] CardHandle ungültig');
    expect(text).toContain('Hinweis: Abfrage wiederholen.');
  });

  it('counts days to the end of an xs:date, with or without zone suffix', () => {
    expect(daysLeft('2026-11-24', NOW)).toBe(' (noch 1 Tage)');
    expect(daysLeft('2026-11-24Z', NOW)).toBe(' (noch 1 Tage)');
    expect(daysLeft('2026-11-20', NOW)).toBe(' (ABGELAUFEN seit 2 Tagen)');
    expect(daysLeft(undefined, NOW)).toBe('');
    expect(daysLeft('kaputt', NOW)).toBe('');
  });
});

describe('konnektor inspect: command line', () => {
  it('requires URL and the context triple (usage exit code)', async () => {
    const r = await run([
      'konnektor',
      'inspect',
      '--url',
      'https://127.0.0.1:1',
      '--mandant',
      'M',
      '--client-system',
      'C',
    ]);
    expect(r.code).toBe(64);
    expect(r.err).toContain('Missing --workplace');
  });

  it('refuses --basic together with --pkcs12, and --pkcs12 without --passphrase-env', async () => {
    const base = [
      'konnektor',
      'inspect',
      '--url',
      'https://127.0.0.1:1',
      '--mandant',
      'M',
      '--client-system',
      'C',
      '--workplace',
      'W',
    ];
    const both = await run([...base, '--basic', 'u:p', '--pkcs12', 'x.p12']);
    expect(both.code).toBe(64);
    expect(both.err).toContain('either --basic or --pkcs12');
    const noEnv = await run([...base, '--pkcs12', 'x.p12']);
    expect(noEnv.code).toBe(64);
    expect(noEnv.err).toContain('--passphrase-env');
    const unsetEnv = await run([...base, '--pkcs12', 'x.p12', '--passphrase-env', 'NOT_SET_ANYWHERE']);
    expect(unsetEnv.code).toBe(78);
    expect(unsetEnv.err).toContain('NOT_SET_ANYWHERE');
  });

  it('rejects a URL that is not http(s)', async () => {
    const r = await run([
      'konnektor',
      'inspect',
      '--url',
      'ftp://x',
      '--mandant',
      'M',
      '--client-system',
      'C',
      '--workplace',
      'W',
    ]);
    expect(r.code).toBe(64);
    expect(r.err).toContain('http:// oder https://');
  });
});
