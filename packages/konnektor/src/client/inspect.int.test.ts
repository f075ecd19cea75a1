import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError, KonnektorFactsSchema, type KonnektorFacts } from '@praxisready/model';
import { SIM_VENDORS, type SimulatorConfigInput } from '../sim/config.ts';
import { simulatorPreset, simulatorPresetNames } from '../sim/presets.ts';
import { startKonnektorSimulator, type KonnektorSimulator } from '../sim/simulator.ts';
import { isAllowedOperation } from '../soap/operations.ts';
import { createKonnektorClient } from './client.ts';
import { inspectKonnektor } from './inspect.ts';

const started: KonnektorSimulator[] = [];
async function sim(config: SimulatorConfigInput): Promise<KonnektorSimulator> {
  const s = await startKonnektorSimulator(config);
  started.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

async function rejection(
  p: Promise<unknown>,
): Promise<{ code: string; message: string; hint?: string | undefined }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) {
      return { code: e.code, message: e.message, hint: e.hint };
    }
    throw e;
  }
  throw new Error('expected a rejection');
}

/** Asserts that the facts match what the simulator was configured with. */
function expectMatchesGroundTruth(f: KonnektorFacts, s: KonnektorSimulator): void {
  const gt = s.groundTruth();
  expect(KonnektorFactsSchema.safeParse(f).success).toBe(true);
  expect(f.product).toMatchObject(gt.product);
  expect(f.sds.tlsMandatory).toBe(gt.tlsMandatory);
  expect(f.sds.clientAutMandatory).toBe(gt.clientAutMandatory);
  expect(f.vpn.ti?.status).toBe(gt.connector.vpnTi);
  expect(f.vpn.sis?.status).toBe(gt.connector.vpnSis);
  expect(
    f.errorStates
      .filter((e) => e.active)
      .map((e) => e.condition)
      .sort(),
  ).toEqual([...gt.connector.activeErrorStates].sort());
  if (gt.tls) {
    const leaf = f.tls!.chain[0]!;
    expect(leaf.commonName).toBe(gt.tls.commonName);
    expect(leaf.subjectAltNames).toEqual(gt.tls.subjectAltNames);
    expect(leaf.notAfter).toBe(gt.tls.notAfter);
    expect(leaf.fingerprint256).toBe(gt.tls.fingerprint256);
    expect(f.tls!.konnektorKonlan).toBe(true);
  } else {
    expect(f.tls).toBeUndefined();
  }
  expect(f.connectorCertificate).toEqual({
    iccsn: gt.connector.iccsn,
    commonName: gt.connector.commonName,
    serialNumber: expect.any(String) as string,
    validity: gt.connector.certificateNotAfter,
  });
  const terminalsRead = !f.errors.some((e) => e.operation === 'GetCardTerminals');
  if (terminalsRead) {
    expect(
      f.terminals.map((t) => ({
        ctId: t.ctId,
        name: t.name,
        ipAddress: t.ipAddress,
        macAddress: t.macAddress,
        workplaceIds: t.workplaceIds,
        connected: t.connected,
        fwVersion: t.placeholderProductInfo ? null : (t.firmware ?? null),
      })),
    ).toEqual(gt.terminals);
  }
  const connected = new Set(gt.terminals.filter((t) => t.connected).map((t) => t.ctId));
  const visible = gt.cards.filter(
    (c) => connected.has(c.ctId) && (c.mandants === null || c.mandants.includes(f.context.mandantId)),
  );
  expect(
    f.cards.map((c) => ({
      handle: c.cardHandle,
      type: c.type,
      iccsn: c.iccsn,
      expires: c.certificateExpiration,
      checked: c.checkedExpiration,
      ctId: c.ctId,
      slot: Number(c.slotId),
      pins: Object.fromEntries(
        c.pins.map((p) => [p.pinType, { status: p.status, leftTries: p.leftTries ?? null }]),
      ),
    })),
  ).toEqual(
    visible.map((c) => ({
      handle: c.handle,
      type: c.type,
      iccsn: c.iccsn,
      expires: c.expires,
      checked: c.type === 'EGK' ? undefined : c.expires,
      ctId: c.ctId,
      slot: c.slot,
      pins: c.type === 'EGK' ? {} : c.pins,
    })),
  );
  for (const c of f.cards) {
    const truth = visible.find((v) => v.handle === c.cardHandle)!;
    expect(c.holder).toBe(truth.type === 'SMC-KT' ? truth.iccsn : (truth.holder ?? undefined));
  }
  for (const r of s.requests()) {
    const op = /<(?:\w+:)?(\w+)[\s>]/.exec(r.body.slice(r.body.indexOf('Body')))?.[1];
    expect(r.method === 'GET' || isAllowedOperation(op ?? ''), `sent ${op}`).toBe(true);
    expect(r.body).not.toMatch(/VerifyPin|ChangePin|UnblockPin|EnablePin|DisablePin|Subscribe/);
  }
}

describe('inspectKonnektor against the simulator', () => {
  it.each(simulatorPresetNames)('reads the %s preset exactly', async (name) => {
    const s = await sim(simulatorPreset(name));
    const f = await inspectKonnektor({ url: s.url, context: s.context });
    expectMatchesGroundTruth(f, s);
    if (name === 'broken') {
      expect(f.errors.map((e) => [e.operation, e.gematikCode])).toEqual([['GetCardTerminals', '4000']]);
    } else {
      expect(f.errors).toEqual([]);
    }
  });

  it('typical-problems: SMC-B certificate read, HBA transport PIN, disconnected terminal with placeholder info', async () => {
    const s = await sim(simulatorPreset('typical-problems'));
    const f = await inspectKonnektor({ url: s.url, context: s.context });
    const smcb = f.cards.find((c) => c.type === 'SMC-B')!;
    expect(smcb.certificates).toHaveLength(1);
    expect(smcb.certificates[0]).toMatchObject({ certRef: 'C.AUT', crypt: 'ECC' });
    expect(smcb.certificates[0]!.notAfter?.slice(0, 10)).toBe(smcb.certificateExpiration);
    expect(f.cards.find((c) => c.type === 'HBA')!.pins.map((p) => p.status)).toEqual([
      'TRANSPORT_PIN',
      'TRANSPORT_PIN',
    ]);
    expect(f.cards.find((c) => c.type === 'HBA')!.certificates).toEqual([]);
    const off = f.terminals.find((t) => !t.connected)!;
    expect(off.placeholderProductInfo).toBe(true);
    expect(off.firmware).toBeUndefined();
  });

  it.each(SIM_VENDORS.flatMap((v) => (['http', 'https'] as const).map((scheme) => [v, scheme] as const)))(
    'vendor %s over %s',
    async (vendor, scheme) => {
      const s = await sim({ ...simulatorPreset('ready'), vendor, scheme });
      const f = await inspectKonnektor({ url: s.url, context: s.context });
      expectMatchesGroundTruth(f, s);
      expect(f.errors).toEqual([]);
      // RISE PTV3 offers only CertificateService 6.0.0: no Crypt element may be sent there.
      const sentCrypt = s.requests().some((r) => r.body.includes('Crypt'));
      expect(sentCrypt).toBe(vendor !== 'rise');
    },
  );

  it('TI-Gateway profile: mutual TLS with the PKCS#12 file; refused without a client certificate', async () => {
    const s = await sim({ ...simulatorPreset('ready'), profile: 'ti-gateway', vendor: 'hsk' });
    const client = s.client!;
    const f = await inspectKonnektor({
      url: s.url,
      context: s.context,
      auth: { type: 'pkcs12', pfx: client.pfx, passphrase: client.pfxPassphrase },
    });
    expectMatchesGroundTruth(f, s);
    expect(f.auth).toBe('mtls');
    expect(f.product.productType).toBe('vkon');
    const pem = await inspectKonnektor({
      url: s.url,
      context: s.context,
      auth: { type: 'pem', certPem: client.certPem, keyPem: client.keyPem },
    });
    expect(pem.errors).toEqual([]);
    const none = await rejection(inspectKonnektor({ url: s.url, context: s.context }));
    expect(none.code).toBe('UNAUTHENTICATED');
    expect(none.hint).toContain('--pkcs12');
    const wrong = await rejection(
      inspectKonnektor({
        url: s.url,
        context: s.context,
        auth: { type: 'pkcs12', pfx: client.pfx, passphrase: 'falsch' },
      }),
    );
    expect(wrong.code).toBe('CONFIG_INVALID');
  });

  it('basic auth: right credentials read, wrong ones give UNAUTHENTICATED', async () => {
    const s = await sim({ ...simulatorPreset('ready'), basicAuth: { username: 'pvs', password: 's3cret' } });
    const ok = await inspectKonnektor({
      url: s.url,
      context: s.context,
      auth: { type: 'basic', username: 'pvs', password: 's3cret' },
    });
    expect(ok.errors).toEqual([]);
    expect(ok.auth).toBe('basic');
    const bad = await rejection(
      inspectKonnektor({
        url: s.url,
        context: s.context,
        auth: { type: 'basic', username: 'pvs', password: 'nope' },
      }),
    );
    expect(bad.code).toBe('UNAUTHENTICATED');
  });

  it('wrong context: every operation reports the documented gematik code', async () => {
    const s = await sim(simulatorPreset('ready'));
    const f = await inspectKonnektor({ url: s.url, context: { ...s.context, mandantId: 'Falsch' } });
    expect(f.errors.map((e) => e.gematikCode)).toEqual(['4004', '4004', '4004', '4004']);
    expect(f.errors[0]!.hint).toContain('Mandant');
    const ws = await inspectKonnektor({ url: s.url, context: { ...s.context, workplaceId: 'Nirgendwo' } });
    expect(ws.errors.every((e) => e.gematikCode === '4006')).toBe(true);
  });

  it('faults: hanging operation → TIMEOUT recorded, malformed XML → PARSE_FAILED recorded, slow answers still read', async () => {
    const s = await sim({
      ...simulatorPreset('ready'),
      faults: { hang: ['GetCards'], malformed: ['GetResourceInformation'] },
    });
    const f = await inspectKonnektor({ url: s.url, context: s.context, timeoutMs: 400 });
    expect(f.errors.map((e) => [e.operation, e.code])).toEqual([
      ['GetResourceInformation', 'PARSE_FAILED'],
      ['GetCards', 'TIMEOUT'],
    ]);
    expect(f.terminals).toHaveLength(2);
    const slow = await sim({ ...simulatorPreset('ready'), faults: { delayMs: 150 } });
    const g = await inspectKonnektor({ url: slow.url, context: slow.context, timeoutMs: 5000 });
    expect(g.errors).toEqual([]);
    expect(g.durationMs).toBeGreaterThanOrEqual(150 * 5);
  });

  it('unreachable Konnektor → UNREACHABLE; hanging connector.sds → TIMEOUT; missing SDS → PEER_FAULT', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    expect(
      (
        await rejection(
          inspectKonnektor({
            url: `https://127.0.0.1:${port}`,
            context: { mandantId: 'm', clientSystemId: 'c', workplaceId: 'w' },
          }),
        )
      ).code,
    ).toBe('UNREACHABLE');
    const hang = await sim({ ...simulatorPreset('ready'), faults: { hang: ['connector.sds'] } });
    expect(
      (await rejection(inspectKonnektor({ url: hang.url, context: hang.context, timeoutMs: 300 }))).code,
    ).toBe('TIMEOUT');
    const missing = await sim({ ...simulatorPreset('ready'), faults: { sdsMissing: true } });
    expect((await rejection(inspectKonnektor({ url: missing.url, context: missing.context }))).code).toBe(
      'PEER_FAULT',
    );
  });

  it('SDS naming an unreachable host: auto-rewrite to the base URL, or report it when rewriting is off', async () => {
    // 127.77.77.77 is loopback: nothing listens there, so the connection is refused without leaving the machine.
    const s = await sim({ ...simulatorPreset('ready'), faults: { sdsEndpointHost: '127.77.77.77' } });
    const f = await inspectKonnektor({ url: s.url, context: s.context });
    expect(f.errors).toEqual([]);
    expect(f.sds.endpointsRewritten).toBe(true);
    expect(f.services.find((x) => x.name === 'EventService')!.endpoint).toBe(
      `${s.url}/service/systeminformationservice`,
    );
    const off = await inspectKonnektor({ url: s.url, context: s.context, rewriteEndpoints: false });
    expect(off.errors.map((e) => e.code)).toEqual([
      'UNREACHABLE',
      'UNREACHABLE',
      'UNREACHABLE',
      'UNREACHABLE',
    ]);
  });

  it('CheckCertificateExpiration failing while an HBA is inserted (RISE vKon): retried per card', async () => {
    const s = await sim({
      ...simulatorPreset('ready'),
      faults: { checkCertificateExpirationFailsWithHba: true },
    });
    const f = await inspectKonnektor({ url: s.url, context: s.context });
    expect(f.errors.map((e) => [e.operation, e.gematikCode])).toEqual([
      ['CheckCertificateExpiration', '4000'],
    ]);
    expect(f.cards.every((c) => c.checkedExpiration === c.certificateExpiration)).toBe(true);
    expect(f.connectorCertificate).toBeUndefined();
  });

  it('TLS trust modes: pinned fingerprint and CA bundle verify; a wrong pin is refused', async () => {
    const s = await sim(simulatorPreset('ready'));
    const fp = s.groundTruth().tls!.fingerprint256;
    const pinned = await inspectKonnektor({
      url: s.url,
      context: s.context,
      trust: { mode: 'pinned', fingerprint256: fp.replaceAll(':', '').toLowerCase() },
    });
    expect(pinned.tls).toMatchObject({ trustMode: 'pinned', trusted: true });
    expect(pinned.errors).toEqual([]);
    const ca = await inspectKonnektor({
      url: s.url,
      context: s.context,
      trust: { mode: 'ca', caPem: s.caCertPem },
    });
    expect(ca.tls).toMatchObject({ trustMode: 'ca', trusted: true });
    expect(ca.tls!.chain).toHaveLength(2);
    const recorded = await inspectKonnektor({ url: s.url, context: s.context });
    expect(recorded.tls).toMatchObject({ trustMode: 'accept-and-record', trusted: false });
    expect(recorded.tls!.protocol).toMatch(/^TLSv1\.[23]$/);
    const wrong = await rejection(
      inspectKonnektor({
        url: s.url,
        context: s.context,
        trust: { mode: 'pinned', fingerprint256: 'AA'.repeat(32) },
      }),
    );
    expect(wrong.code).toBe('UNAUTHENTICATED');
  });

  it('the client refuses any operation outside the allow-list before sending anything', async () => {
    const s = await sim(simulatorPreset('ready'));
    const client = createKonnektorClient({ url: s.url, context: s.context });
    await client.loadSds();
    const before = s.requests().length;
    for (const op of ['VerifyPin', 'ChangePin', 'UnblockPin', 'Subscribe', 'constructor']) {
      const e = await rejection(client.call(op as never, {} as never));
      expect(e.code).toBe('BAD_REQUEST');
    }
    const hba = s.groundTruth().cards.find((c) => c.type === 'HBA')!;
    const e = await rejection(
      client.call('ReadCardCertificate', {
        cardHandle: hba.handle,
        cardType: 'HBA' as 'SMC-B',
        certRefs: ['C.QES'],
      }),
    );
    expect(e.code).toBe('BAD_REQUEST');
    expect(s.requests().length).toBe(before);
    expect(client.sent()).toEqual([]);
  });
});
