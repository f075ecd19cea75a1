import { describe, expect, it } from 'vitest';
import { validateWithXmllint } from '../__fixtures__/validate-xml.ts';
import { sample } from '../__fixtures__/samples.ts';
import { cocard } from '../__fixtures__/cocard.test-data.ts';
import { inspectKonnektor } from '../client/inspect.ts';
import { httpRequest } from '../client/transport.ts';
import { SIM_VENDORS, type SimulatorConfigInput } from './config.ts';
import { simulatorPreset, simulatorPresetNames } from './presets.ts';
import { startKonnektorSimulator, type KonnektorSimulator } from './simulator.ts';

interface Doc {
  name: string;
  xml: string;
}

/** Runs the client against a simulator and collects every request it sent and every answer the simulator gives. */
async function exchange(
  label: string,
  config: SimulatorConfigInput,
  ctxOverride?: Partial<KonnektorSimulator['context']>,
) {
  const s = await startKonnektorSimulator(config);
  try {
    const auth = s.client
      ? ({ type: 'pem', certPem: s.client.certPem, keyPem: s.client.keyPem } as const)
      : ({ type: 'none' } as const);
    await inspectKonnektor({ url: s.url, context: { ...s.context, ...ctxOverride }, auth, timeoutMs: 3000 });
    const transport = {
      trust: { mode: 'accept-and-record' } as const,
      auth,
      timeoutMs: 3000,
      maxResponseBytes: 4_000_000,
    };
    const requests: Doc[] = [];
    const responses: Doc[] = [];
    const sds = await httpRequest(new URL(s.sdsUrl), { method: 'GET' }, transport, 'sds');
    responses.push({ name: `${label} connector.sds`, xml: sds.body.toString('utf8') });
    for (const [i, r] of s.requests().entries()) {
      if (r.method !== 'POST') {
        continue;
      }
      requests.push({ name: `${label} request ${i} ${r.path}`, xml: r.body });
      // Replay the same request to capture the simulator's answer byte for byte.
      const res = await httpRequest(
        new URL(r.path, s.url),
        {
          method: 'POST',
          headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: r.soapAction ?? '' },
          body: r.body,
        },
        transport,
        'replay',
      );
      responses.push({
        name: `${label} response ${i} ${r.path} HTTP ${res.status}`,
        xml: res.body.toString('utf8'),
      });
    }
    return { requests, responses };
  } finally {
    await s.close();
  }
}

function invalid(verdicts: { name: string; valid: boolean; messages: string[] }[]) {
  return verdicts.filter((v) => !v.valid).map((v) => `${v.name}: ${v.messages.join(' | ')}`);
}

describe('XSD validation (xmllint --schema, gematik schemas)', () => {
  it('every simulator response and every client request validates, for all presets, vendors, profiles and faults', async () => {
    const runs: [string, SimulatorConfigInput, Partial<KonnektorSimulator['context']>?][] = [
      ...simulatorPresetNames.map(
        (n) => [`preset ${n}`, simulatorPreset(n)] as [string, SimulatorConfigInput],
      ),
      ...SIM_VENDORS.map(
        (v) =>
          [`vendor ${v}`, { ...simulatorPreset('typical-problems'), vendor: v }] as [
            string,
            SimulatorConfigInput,
          ],
      ),
      ['ti-gateway', { ...simulatorPreset('ready'), profile: 'ti-gateway', vendor: 'hsk' }],
      ['http', { ...simulatorPreset('ready'), scheme: 'http' }],
      ['wrong mandant', simulatorPreset('ready'), { mandantId: 'Falsch' }],
      ['missing workplace', simulatorPreset('ready'), { workplaceId: '' }],
      [
        'hba fault',
        { ...simulatorPreset('ready'), faults: { checkCertificateExpirationFailsWithHba: true } },
      ],
      [
        'egk',
        {
          ...simulatorPreset('ready'),
          cards: [
            {
              type: 'EGK',
              iccsn: '80276883110000999999',
              holder: 'Patient',
              expires: '2030-01-01',
              ctId: 'CT_ID_0001',
              slot: 2,
              kvnr: 'A123456789',
            },
          ],
        },
      ],
    ];
    const docs: Doc[] = [];
    let requestCount = 0;
    for (const [label, config, ctx] of runs) {
      const { requests, responses } = await exchange(label, config, ctx);
      requestCount += requests.length;
      docs.push(...requests, ...responses);
    }
    expect(requestCount).toBeGreaterThan(60);
    expect(docs.some((d) => d.xml.includes('<S:Fault>'))).toBe(true);
    expect(docs.some((d) => d.xml.includes('GetPinStatusResponse'))).toBe(true);
    expect(docs.some((d) => d.xml.includes('ReadCardCertificateResponse'))).toBe(true);
    expect(docs.some((d) => d.xml.includes('<CARD:Kvnr>'))).toBe(true);
    const verdicts = await validateWithXmllint(docs);
    expect(verdicts).toHaveLength(docs.length);
    expect(invalid(verdicts)).toEqual([]);
  });

  it('the wrapper schema accepts the real samples and rejects broken messages (the check can fail)', async () => {
    const real = [
      'app-Authenticator/soap-responses/get-cards-response.xml',
      'app-Authenticator/soap-responses/soap-error-response.xml',
      'ere-ps-app/ReadCardCertificate-eHBA-Response.xml',
      'cocard/connector.sds',
      'app-Authenticator/connSds/ks2-PTV4.xml',
    ]
      .map((f) => ({ name: f, xml: sample(f) }))
      .concat(
        ['get_cards', 'get_card_terminals', 'get_pin_status', 'check_certificate_expiration'].map((f) => ({
          name: `cocard ${f}`,
          xml: cocard(f),
        })),
      );
    const good = sample('app-Authenticator/soap-responses/get-pin-status-response.xml');
    const broken: Doc[] = [
      { name: 'unknown status', xml: good.replace('VERIFIED', 'OPEN') },
      {
        name: 'element order',
        xml: good.replace(
          /(<ns2:Status>[\s\S]*<\/ns2:Status>)(\s*)(<ns4:PinStatus>VERIFIED<\/ns4:PinStatus>)/,
          '$3$2$1',
        ),
      },
      { name: 'unknown body element', xml: good.replaceAll('GetPinStatusResponse', 'VerifyPinResponseX') },
      {
        name: 'iccsn too short',
        xml: sample('app-Authenticator/soap-responses/get-cards-response.xml').replace(
          '80276883110000016165',
          '8027688311',
        ),
      },
    ];
    const verdicts = await validateWithXmllint([...real, ...broken]);
    expect(verdicts.slice(0, real.length).map((v) => [v.name, v.valid])).toEqual(
      real.map((r) => [r.name, true]),
    );
    expect(verdicts.slice(real.length).map((v) => [v.name, v.valid])).toEqual(
      broken.map((b) => [b.name, false]),
    );
  });
});
