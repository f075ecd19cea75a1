import { createSecureContext } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@praxisready/model';
import { parseConnectorSds, selectServiceVersion } from '../sds/sds.ts';
import { createCa, issueCertificate } from './certs.ts';
import { SIM_VENDORS, SimulatorConfigSchema } from './config.ts';
import { pkcs12Kdf, buildPkcs12 } from './pkcs12.ts';
import { simulatorPreset, simulatorPresetNames } from './presets.ts';
import { connectorSds } from './responses.ts';
import { checkContext, startKonnektorSimulator } from './simulator.ts';
import { VENDOR_SHAPES } from './vendors.ts';

const CTX = [
  { mandantId: 'M1', clientSystemId: 'CS1', workplaceId: 'AP1' },
  { mandantId: 'M1', clientSystemId: 'CS2', workplaceId: 'AP2' },
  { mandantId: 'M2', clientSystemId: 'CS1', workplaceId: 'AP3' },
];

describe('simulator context check (documented gematik codes)', () => {
  it.each([
    [{ mandantId: 'M1', clientSystemId: 'CS1', workplaceId: 'AP1' }, undefined],
    [{ mandantId: 'M1', clientSystemId: 'CS1' }, '4021'],
    [{ mandantId: '', clientSystemId: 'CS1', workplaceId: 'AP1' }, '4021'],
    [{ mandantId: 'MX', clientSystemId: 'CS1', workplaceId: 'AP1' }, '4004'],
    [{ mandantId: 'M1', clientSystemId: 'CSX', workplaceId: 'AP1' }, '4005'],
    [{ mandantId: 'M1', clientSystemId: 'CS1', workplaceId: 'APX' }, '4006'],
    [{ mandantId: 'M2', clientSystemId: 'CS2', workplaceId: 'AP3' }, '4010'],
    [{ mandantId: 'M2', clientSystemId: 'CS1', workplaceId: 'AP1' }, '4011'],
    [{ mandantId: 'M1', clientSystemId: 'CS1', workplaceId: 'AP2' }, '4014'],
  ])('%j → %s', (ctx, code) => {
    expect(checkContext(CTX, ctx)).toBe(code);
  });
});

describe('simulator configuration', () => {
  it('accepts the presets and fills defaults', () => {
    for (const name of simulatorPresetNames) {
      const c = SimulatorConfigSchema.parse(simulatorPreset(name, { host: '127.0.0.2', port: 0 }));
      expect(c.host).toBe('127.0.0.2');
      expect(c.profile).toBe('konnektor');
      expect(c.cards.length).toBeGreaterThan(0);
    }
  });

  it('typical-problems carries the problems the lab promises', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const c = SimulatorConfigSchema.parse(simulatorPreset('typical-problems', { now }));
    const smcb = c.cards.find((k) => k.type === 'SMC-B')!;
    const days = (Date.parse(smcb.expires) - now.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(0);
    expect(days).toBeLessThanOrEqual(90);
    const withTerminal = new Set(c.terminals.flatMap((t) => t.workplaceIds));
    expect(c.contexts.some((x) => !withTerminal.has(x.workplaceId))).toBe(true);
    expect(c.terminals.some((t) => !t.connected)).toBe(true);
  });

  it('rejects non-loopback hosts, http on the TI-Gateway, bad ICCSNs', async () => {
    const base = { contexts: CTX };
    expect(SimulatorConfigSchema.safeParse({ ...base, host: '10.0.0.1' }).success).toBe(false);
    expect(SimulatorConfigSchema.safeParse({ ...base, host: '0.0.0.0' }).success).toBe(false);
    expect(SimulatorConfigSchema.safeParse({ ...base, profile: 'ti-gateway', scheme: 'http' }).success).toBe(
      false,
    );
    expect(SimulatorConfigSchema.safeParse({ ...base, connector: { iccsn: '123' } }).success).toBe(false);
    expect(SimulatorConfigSchema.safeParse({ ...base, contexts: [] }).success).toBe(false);
    await expect(startKonnektorSimulator({ ...base, host: '192.168.0.1' })).rejects.toSatisfy(
      (e: unknown) => isAppError(e) && e.code === 'CONFIG_INVALID' && e.issues[0]?.path[0] === 'host',
    );
  });
});

describe('vendor connector.sds shapes', () => {
  it.each(SIM_VENDORS)('%s: our own parser reads product, flags and paths back', (vendor) => {
    const shape = VENDOR_SHAPES[vendor];
    const xml = connectorSds({
      shape,
      product: { ...shape.product, informationDate: '2026-01-01T00:00:00Z' },
      authority: '127.0.0.1:8443',
      scheme: 'https',
    });
    const sds = parseConnectorSds(xml);
    expect(sds.product.vendorId).toBe(shape.product.vendorId);
    expect(sds.product.productType).toBe(shape.product.productType);
    expect(sds.tlsMandatory).toBe(shape.tlsMandatory);
    expect(sds.clientAutMandatory).toBe(shape.clientAutMandatory);
    const ev = selectServiceVersion(sds, 'EventService', ['7.2'])!;
    expect(new URL(ev.endpointTls!).pathname).toBe(
      shape.services.find((s) => s.name === 'EventService')!.path,
    );
    expect(ev.endpoint !== undefined).toBe(shape.httpEndpoints);
  });

  it('uses the vendor prefixes (KoCoBox default namespace, HSK VERS:)', () => {
    const render = (v: (typeof SIM_VENDORS)[number]) =>
      connectorSds({
        shape: VENDOR_SHAPES[v],
        product: { ...VENDOR_SHAPES[v].product, informationDate: '2026-01-01T00:00:00Z' },
        authority: 'h:1',
        scheme: 'https',
      });
    expect(render('kocobox')).toContain('<ProductInformation>');
    expect(render('hsk')).toContain('<VERS:ProductInformation>');
  });
});

describe('simulator certificates', () => {
  it('issues the Konnektor certificate with CN <ICCSN>-<date> and SAN konnektor.konlan', async () => {
    const ca = await createCa('CA', new Date('2020-01-01'), new Date('2040-01-01'));
    const leaf = await issueCertificate(ca, {
      subject: [['CN', '80276003640000909999-20200224']],
      notBefore: new Date('2020-02-24'),
      notAfter: new Date('2025-12-31T23:59:59Z'),
      dnsNames: ['konnektor.konlan'],
      usage: 'server',
    });
    expect(leaf.cert.subject).toBe('CN=80276003640000909999-20200224');
    expect(leaf.cert.notAfter.toISOString()).toBe('2025-12-31T23:59:59.000Z');
    expect(leaf.certPem).toContain('BEGIN CERTIFICATE');
    expect(await leaf.cert.verify({ publicKey: ca.cert.publicKey, signatureOnly: true })).toBe(true);
  });

  it('writes a PKCS#12 file that node opens with the passphrase and rejects without', async () => {
    const ca = await createCa('CA', new Date('2020-01-01'), new Date('2040-01-01'));
    const client = await issueCertificate(ca, {
      subject: [['CN', 'PVS']],
      notBefore: new Date('2020-01-01'),
      notAfter: new Date('2030-01-01'),
      usage: 'client',
    });
    const pfx = buildPkcs12(client.certPem, client.keyPem, 'geheim');
    expect(() => createSecureContext({ pfx, passphrase: 'geheim' })).not.toThrow();
    expect(() => createSecureContext({ pfx, passphrase: 'falsch' })).toThrow();
  });

  it('implements the PKCS#12 KDF (RFC 7292 B.2) deterministically and id-separated', () => {
    const salt = Buffer.from('0a58cf64530d823f', 'hex');
    const a = pkcs12Kdf('smeg', salt, 3, 1, 32);
    expect(a).toHaveLength(32);
    expect(pkcs12Kdf('smeg', salt, 3, 1, 32)).toEqual(a);
    expect(pkcs12Kdf('smeg', salt, 1, 1, 32)).not.toEqual(a);
    expect(pkcs12Kdf('smeg', salt, 3, 2, 32)).not.toEqual(a);
  });
});
