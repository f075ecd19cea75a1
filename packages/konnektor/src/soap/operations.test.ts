import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '@praxisready/model';
import { sample } from '../__fixtures__/samples.ts';
import { child, parseXml } from '../xml/safe-xml.ts';
import { soapEnvelope, unwrapSoap } from './envelope.ts';
import { GEMATIK_CODES } from './fault-codes.ts';
import {
  bodyNamespace,
  isAllowedOperation,
  OPERATIONS,
  parseOperationResponse,
  soapAction,
  type OperationName,
} from './operations.ts';

const CTX = { mandantId: 'Mandant1', clientSystemId: 'CS1', workplaceId: 'AP1' };

function responseOf<O extends OperationName>(op: O, file: string) {
  return parseOperationResponse(op, unwrapSoap(sample(file), op));
}

function faultOf(op: string, file: string): AppError {
  try {
    unwrapSoap(sample(file), op);
  } catch (e) {
    if (isAppError(e)) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a fault');
}

describe('reading the real app-Authenticator responses', () => {
  it('GetCards: the HBA of the sample', () => {
    const r = responseOf('GetCards', 'app-Authenticator/soap-responses/get-cards-response.xml');
    expect(r.status.result).toBe('OK');
    expect(r.cards).toEqual([
      {
        cardHandle: '5002b32d-151e-4f41-8ef7-afeb60590199',
        cardType: 'HBA',
        iccsn: '80276883110000016165',
        ctId: 'Tx',
        slotId: '2',
        insertTime: '2021-06-24T16:21:18.133Z',
        cardHolderName: 'Dr. Peter Müller',
        hasKvnr: false,
        certificateExpirationDate: '2048-12-30',
        objectSystemVersion: '4.3.1',
        cosVersion: '4.3.0',
      },
    ]);
  });

  it('GetCards: several cards, and an empty list', () => {
    const more = responseOf(
      'GetCards',
      'app-Authenticator/soap-responses/get-cards-response-morecards-found.xml',
    );
    expect(more.cards.length).toBeGreaterThan(1);
    expect(more.cards.every((c) => /^\d{20}$/.test(c.iccsn ?? ''))).toBe(true);
    expect(
      responseOf('GetCards', 'app-Authenticator/soap-responses/get-cards-response-nocards-found.xml').cards,
    ).toEqual([]);
  });

  it('GetCardTerminals: product information, workplaces, IP, connected', () => {
    const r = responseOf(
      'GetCardTerminals',
      'app-Authenticator/soap-responses/get-card-terminals-response.xml',
    );
    const t1 = r.terminals[0]!;
    expect(t1).toMatchObject({
      ctId: 'T1',
      name: 'Terminal 1',
      workplaceIds: ['Workplace1'],
      macAddress: '00-25-0E-00-44-C1',
      ipAddress: '192.168.180.131',
      slots: '4',
      physical: true,
      connected: true,
    });
    expect(t1.product).toMatchObject({
      vendorId: 'EHEX',
      productCode: 'VTerm',
      fwVersion: '1.1.0',
      hwVersion: '1.0.1',
      productName: 'Virtual Terminal',
    });
    const notLocal = r.terminals.find((t) => t.ctId === 'T-N-LOC');
    expect(notLocal?.workplaceIds).toEqual([]);
    expect(notLocal?.name).toBe('Terminal (nicht lokal)');
    expect(
      responseOf(
        'GetCardTerminals',
        'app-Authenticator/soap-responses/get-card-terminals-response-no-terminals.xml',
      ).terminals,
    ).toEqual([]);
  });

  it('GetPinStatus: VERIFIED without LeftTries', () => {
    const r = responseOf('GetPinStatus', 'app-Authenticator/soap-responses/get-pin-status-response.xml');
    expect(r).toEqual({ status: { result: 'OK' }, pinStatus: 'VERIFIED' });
  });

  it('ReadCardCertificate: the C.AUT certificate of the sample', () => {
    const r = responseOf(
      'ReadCardCertificate',
      'app-Authenticator/soap-responses/read-certificate-response.xml',
    );
    expect(r.certificates).toHaveLength(1);
    expect(r.certificates[0]).toMatchObject({
      certRef: 'C.AUT',
      serialNumber: '1548365549',
      subjectName: 'C=DE, O=eHealthExperts GmbH, SERIALNUMBER=1-smcb-doctor-valid, CN=Test Praxis Valid',
    });
    expect(
      r.certificates[0]!.certificateBase64?.startsWith(
        'MIIEpzCCA4+gAwIBAgIEXEou7TANBgkqhkiG9w0BAQsFADCBhzEj',
      ),
    ).toBe(true);
  });

  it('SOAP fault 4004 becomes PEER_FAULT with the gematik code and a German hint', () => {
    const e = faultOf('GetCards', 'app-Authenticator/soap-responses/soap-error-response.xml');
    expect(e.code).toBe('PEER_FAULT');
    expect(e.details.gematikCode).toBe('4004');
    expect(e.details.faultString).toBe('Ungültige Mandanten-ID');
    expect(e.message).toContain('Ungültige Mandanten-ID');
    expect(e.hint).toBe(GEMATIK_CODES['4004'].hint);
  });

  it('SOAP fault 4000 (Crypt sent to a PTV3 Konnektor) keeps the detail text', () => {
    const e = faultOf(
      'ReadCardCertificate',
      'app-Authenticator/soap-responses/readcertificate-error-response.xml',
    );
    expect(e.details.gematikCode).toBe('4000');
    expect(String(e.details.detail)).toContain("'v6:Crypt'");
    expect(e.hint).toContain('PTV3');
  });
});

describe('reading the real ere-ps-app ReadCardCertificate response', () => {
  it('has C.ENC, C.QES, C.AUT of the eHBA test card', () => {
    const r = responseOf('ReadCardCertificate', 'ere-ps-app/ReadCardCertificate-eHBA-Response.xml');
    expect(r.certificates.map((c) => c.certRef)).toEqual(['C.ENC', 'C.QES', 'C.AUT']);
    expect(r.certificates.map((c) => c.serialNumber)).toEqual([
      '1034575126377640',
      '138634185904543',
      '748434943734960',
    ]);
    expect(r.certificates[0]!.issuerName).toBe(
      'CN=GEM.HBA-CA24 TEST-ONLY,OU=Heilberufsausweis-CA der Telematikinfrastruktur,O=gematik GmbH NOT-VALID,C=DE',
    );
    expect(r.certificates[0]!.subjectName).toContain('CN=Mãrianne OldenburgTEST-ONLY');
  });

  it('its request has the element order our builder produces (CardHandle, Context, CertRefList)', () => {
    const real = parseXml(sample('ere-ps-app/ReadCardCertificate-eHBA-Request.xml'));
    const realBody = child(real, 'Body')!.children[0]!;
    const ours = parseXml(
      soapEnvelope(
        OPERATIONS.ReadCardCertificate.build(
          CTX,
          { cardHandle: 'SMC-B-1', cardType: 'SMC-B', certRefs: ['C.AUT'] },
          {
            bodyNs: 'http://ws.gematik.de/conn/CertificateService/v6.0',
            serviceVersion: '6.0.0',
          },
        ),
      ),
    );
    const ourBody = child(ours, 'Body')!.children[0]!;
    expect(ourBody.children.map((c) => `${c.ns}|${c.name}`)).toEqual(
      realBody.children.map((c) => `${c.ns}|${c.name}`),
    );
  });
});

describe('the operation allow-list', () => {
  it('contains exactly the read-only operations', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(
      [
        'CheckCertificateExpiration',
        'GetCardTerminals',
        'GetCards',
        'GetPinStatus',
        'GetResourceInformation',
        'ReadCardCertificate',
      ].sort(),
    );
    for (const forbidden of [
      'VerifyPin',
      'ChangePin',
      'UnblockPin',
      'EnablePin',
      'DisablePin',
      'Subscribe',
      'Unsubscribe',
      'RenewSubscriptions',
      'toString',
      '__proto__',
    ]) {
      expect(isAllowedOperation(forbidden), forbidden).toBe(false);
    }
  });

  it('refuses ReadCardCertificate for anything but an SMC-B', () => {
    const build = () =>
      OPERATIONS.ReadCardCertificate.build(
        CTX,
        { cardHandle: 'HBA-1', cardType: 'HBA' as 'SMC-B', certRefs: ['C.QES'] },
        {
          bodyNs: 'http://ws.gematik.de/conn/CertificateService/v6.0',
          serviceVersion: '6.0.1',
        },
      );
    expect(build).toThrow(/only allowed for SMC-B/);
  });

  it('sends Crypt only to CertificateService 6.0.1 and newer', () => {
    const xml = (serviceVersion: string) =>
      OPERATIONS.CheckCertificateExpiration.build(
        CTX,
        { crypt: 'ECC' },
        { bodyNs: 'urn:cert', serviceVersion },
      ).xml;
    expect(xml('6.0.0')).not.toContain('Crypt');
    expect(xml('6.0.1')).toContain('<CERT:Crypt>ECC</CERT:Crypt>');
  });

  it('derives body namespace and SOAPAction from the SDS TargetNamespace', () => {
    const ns = bodyNamespace('CardService', '8.2.1', 'http://ws.gematik.de/conn/CardService/WSDL/v8.2');
    expect(ns).toBe('http://ws.gematik.de/conn/CardService/v8.2');
    expect(soapAction(ns, 'GetPinStatus')).toBe('http://ws.gematik.de/conn/CardService/v8.2#GetPinStatus');
    expect(bodyNamespace('EventService', '7.2.0')).toBe('http://ws.gematik.de/conn/EventService/v7.2');
  });

  it('puts the Context where each XSD wants it (CardHandle before Context only in CertificateService)', () => {
    const names = (xml: string) => parseXml(xml).children.map((c) => c.name);
    expect(
      names(
        OPERATIONS.GetPinStatus.build(
          CTX,
          { cardHandle: 'h', pinType: 'PIN.SMC' },
          { bodyNs: 'urn:c', serviceVersion: '8.1.2' },
        ).xml,
      ),
    ).toEqual(['Context', 'CardHandle', 'PinTyp']);
    expect(
      names(
        OPERATIONS.CheckCertificateExpiration.build(
          CTX,
          { cardHandle: 'h' },
          { bodyNs: 'urn:c', serviceVersion: '6.0.0' },
        ).xml,
      ),
    ).toEqual(['CardHandle', 'Context']);
    const ctx = parseXml(
      OPERATIONS.GetCards.build({ ...CTX, userId: 'u1' }, {}, { bodyNs: 'urn:e', serviceVersion: '7.2.0' })
        .xml,
    );
    expect(ctx.attrs['mandant-wide']).toBe('true');
    expect(child(ctx, 'Context')!.children.map((c) => `${c.name}=${c.text}`)).toEqual([
      'MandantId=Mandant1',
      'ClientSystemId=CS1',
      'WorkplaceId=AP1',
      'UserId=u1',
    ]);
  });
});
