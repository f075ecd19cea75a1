import { describe, expect, it } from 'vitest';
import { isAppError } from '@praxisready/model';
import { sample } from '../__fixtures__/samples.ts';
import { compareVersions, endpointFor, parseConnectorSds, selectServiceVersion } from './sds.ts';

const EVENT = ['7.2'];
const CARD = ['8.2', '8.1'];

describe('parseConnectorSds on real samples', () => {
  it('reads the real KoCoBox MED+ PTV5 SDS (cocard)', () => {
    const sds = parseConnectorSds(sample('cocard/connector.sds'));
    expect(sds.product).toEqual({
      informationDate: '2024-04-13T10:36:01.204+02:00',
      productType: 'Konnektor',
      productTypeVersion: '5.1.0',
      vendorId: 'KOCOC',
      productCode: 'kocobox',
      hwVersion: '2.0.0',
      fwVersion: '5.1.8',
      vendorName: 'KoCo Connector',
      productName: 'KoCoBox MED+',
    });
    expect(sds.tlsMandatory).toBe(false);
    expect(sds.clientAutMandatory).toBe(false);
    expect(sds.services).toHaveLength(14);
    const event = selectServiceVersion(sds, 'EventService', EVENT);
    expect(event).toEqual({
      version: '7.2.0',
      targetNamespace: 'http://ws.gematik.de/conn/EventService/WSDL/v7.2',
      endpoint: 'http://10.200.149.3:80/service/systeminformationservice',
      endpointTls: 'https://10.200.149.3:443/service/systeminformationservice',
    });
    expect(selectServiceVersion(sds, 'CardService', CARD)?.version).toBe('8.1.2');
    expect(selectServiceVersion(sds, 'CertificateService', ['6.0'])?.version).toBe('6.0.1');
  });

  it('reads the gematik KONSIM SDS with pi:/sd:/si: prefixes', () => {
    const sds = parseConnectorSds(sample('app-Authenticator/connSds/ks2-PTV4.xml'));
    expect(sds.product.vendorId).toBe('GMTK');
    expect(sds.product.productCode).toBe('KONSIM');
    expect(sds.product.productName).toBe('Titus-Konnektor(PTV4+)-Simulator');
    expect(sds.product.productTypeVersion).toBe('4.80.2');
    expect(sds.tlsMandatory).toBe(true);
    expect(selectServiceVersion(sds, 'EventService', EVENT)?.endpointTls).toBe(
      'https://localhost:9106/soap-api/EventService/7.2.0',
    );
    expect(selectServiceVersion(sds, 'CardService', CARD)?.endpointTls).toBe(
      'https://localhost:9106/soap-api/CardService/8.1.2',
    );
  });

  it('reads RISE PTV3 (TLS only, no http endpoints) and secunet PTV4 (Version without attribute skipped)', () => {
    const rise = parseConnectorSds(sample('app-Authenticator/connSds/rise-PTV3.xml'));
    expect(rise.product.vendorId).toBe('RISEG');
    expect(rise.product.fwVersion).toBe('2.1.1');
    expect([rise.tlsMandatory, rise.clientAutMandatory]).toEqual([true, false]);
    const ev = selectServiceVersion(rise, 'EventService', EVENT);
    expect(ev?.endpointTls).toBe('https://10.11.236.249:443/webservices/eventservice');
    expect(ev?.endpoint).toBeUndefined();
    expect(selectServiceVersion(rise, 'CertificateService', ['6.0'])?.version).toBe('6.0.0');

    const secunet = parseConnectorSds(sample('app-Authenticator/connSds/secunet-PTV4.xml'));
    expect(secunet.product.productType).toBe('Konnektor PTV4');
    expect([secunet.tlsMandatory, secunet.clientAutMandatory]).toEqual([false, true]);
    const enc = secunet.services.find((s) => s.name === 'EncryptionService');
    expect(enc?.versions.map((v) => v.version)).toEqual(['6.1.1']);
    expect(selectServiceVersion(secunet, 'EventService', EVENT)?.endpoint).toBe(
      'http://10.11.217.160:80/ws/EventService',
    );
  });

  it('reads every other real SDS (KoCoBox PTV3/PTV4, eHEX KoPS, lib-bbriccs RISE/KoCoBox)', () => {
    const cases: [string, string, string, string][] = [
      [
        'app-Authenticator/connSds/koco-PTV3.xml',
        'KOCOC',
        '2.3.14',
        'https://10.11.236.247:443/service/systeminformationservice',
      ],
      [
        'app-Authenticator/connSds/koco-PTV4.xml',
        'KOCOC',
        '4.2.14',
        'https://eau.dev.top.local/kon1/service/systeminformationservice',
      ],
      ['app-Authenticator/connSds/kops-PTV4.xml', 'EHEX', '3.1.11', 'https://172.24.0.2:443/eventservice'],
      [
        'lib-bbriccs/rise_connector_sds.xml',
        'RISEG',
        '5.1.7',
        'https://ksp.ltuzd.telematik-test/kon8/webservices/eventservice',
      ],
      [
        'lib-bbriccs/cgm_connector_sds.xml',
        'KOCOC',
        '5.1.8',
        'https://ksp.ltuzd.telematik-test/kon7/service/systeminformationservice',
      ],
    ];
    for (const [file, vendor, fw, event] of cases) {
      const sds = parseConnectorSds(sample(file));
      expect(sds.product.vendorId, file).toBe(vendor);
      expect(sds.product.fwVersion, file).toBe(fw);
      expect(selectServiceVersion(sds, 'EventService', EVENT)?.endpointTls, file).toBe(event);
    }
    const kops = parseConnectorSds(sample('app-Authenticator/connSds/kops-PTV4.xml'));
    expect(selectServiceVersion(kops, 'CardService', CARD)?.endpointTls).toBe(
      'https://172.24.0.2:443/cardservice',
    );
  });

  it('rejects documents that are not a connector.sds', () => {
    try {
      parseConnectorSds(sample('app-Authenticator/soap-responses/get-cards-response.xml'));
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('PARSE_FAILED');
    }
  });
});

describe('version choice and endpoints', () => {
  it('compares versions numerically', () => {
    expect(compareVersions('8.1.10', '8.1.2')).toBeGreaterThan(0);
    expect(compareVersions('6.0.0', '6.0')).toBe(0);
    expect(compareVersions('7.2.0', '7.10.0')).toBeLessThan(0);
  });

  it('chooses the newest version whose major.minor is supported, never an unsupported one', () => {
    const sds = {
      product: {},
      tlsMandatory: true,
      clientAutMandatory: false,
      services: [
        {
          name: 'CardService',
          versions: [
            { version: '8.1.0', targetNamespace: '', endpointTls: 'https://k/a' },
            { version: '8.1.3', targetNamespace: '', endpointTls: 'https://k/b' },
            { version: '9.0.0', targetNamespace: '', endpointTls: 'https://k/c' },
          ],
        },
      ],
    };
    expect(selectServiceVersion(sds, 'CardService', ['8.1'])?.version).toBe('8.1.3');
    expect(selectServiceVersion(sds, 'CardService', ['7.0'])).toBeUndefined();
    expect(selectServiceVersion(sds, 'EventService', ['7.2'])).toBeUndefined();
  });

  it('follows the SDS endpoint, or rewrites scheme and host to the base URL but keeps the path', () => {
    const v = {
      version: '7.2.0',
      targetNamespace: '',
      endpoint: 'http://10.0.0.9:80/ws/ev',
      endpointTls: 'https://localhost:9106/kon7/ws/ev',
    };
    const base = new URL('https://192.168.1.10:8443');
    expect(endpointFor(v, base, false).toString()).toBe('https://localhost:9106/kon7/ws/ev');
    expect(endpointFor(v, base, true).toString()).toBe('https://192.168.1.10:8443/kon7/ws/ev');
    expect(endpointFor(v, new URL('http://192.168.1.10'), false).toString()).toBe('http://10.0.0.9/ws/ev');
  });
});
