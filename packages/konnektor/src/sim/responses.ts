import { randomUUID } from 'node:crypto';
import { el, opt, xmlDocument, type XmlNode } from '../xml/build.ts';
import { describeGematikCode } from '../soap/fault-codes.ts';
import { NS, xmlns } from '../soap/namespaces.ts';
import type { VendorShape } from './vendors.ts';

/*
 * XML builders for everything the simulator sends. Element order and namespaces follow the gematik XSDs;
 * the int tests validate every message with xmllint.
 */

export interface ProductInfoValues {
  informationDate: string;
  productType: string;
  productTypeVersion: string;
  vendorId: string;
  productCode: string;
  hwVersion: string;
  fwVersion: string;
  vendorName: string;
  productName: string;
}

export function productInformation(p: ProductInfoValues, prefix: string): XmlNode {
  const q = (n: string) => (prefix === '' ? n : `${prefix}:${n}`);
  return el(
    q('ProductInformation'),
    null,
    el(q('InformationDate'), null, p.informationDate),
    el(
      q('ProductTypeInformation'),
      null,
      el(q('ProductType'), null, p.productType),
      el(q('ProductTypeVersion'), null, p.productTypeVersion),
    ),
    el(
      q('ProductIdentification'),
      null,
      el(q('ProductVendorID'), null, p.vendorId),
      el(q('ProductCode'), null, p.productCode),
      el(
        q('ProductVersion'),
        null,
        el(q('Local'), null, el(q('HWVersion'), null, p.hwVersion), el(q('FWVersion'), null, p.fwVersion)),
      ),
    ),
    el(
      q('ProductMiscellaneous'),
      null,
      el(q('ProductVendorName'), null, p.vendorName),
      el(q('ProductName'), null, p.productName),
    ),
  );
}

export interface SdsValues {
  shape: VendorShape;
  product: ProductInfoValues;
  /** `host:port` written into the endpoints. */
  authority: string;
  scheme: 'http' | 'https';
}

/** connector.sds in the vendor's shape (prefixes, paths, http endpoints). */
export function connectorSds(v: SdsValues): string {
  const { shape } = v;
  const pi = shape.piPrefix;
  const rootAttrs = {
    ...(pi === '' ? { xmlns: NS.PI } : { [`xmlns:${pi}`]: NS.PI }),
    'xmlns:ns2': NS.SD,
    'xmlns:ns3': NS.SI,
  };
  // An http-only simulator has to list http endpoints even where the vendor does not, or nothing is callable.
  const withHttp = shape.httpEndpoints || v.scheme === 'http';
  const httpAuthority = v.authority;
  const service = (s: VendorShape['services'][number]) =>
    el(
      'ns3:Service',
      { Name: s.name },
      el('ns3:Abstract', null, `${s.name} (Praxisready-Simulator)`),
      el(
        'ns3:Versions',
        null,
        ...s.versions.map((ver) =>
          el(
            'ns3:Version',
            { TargetNamespace: s.ns.replace('{mm}', ver.split('.').slice(0, 2).join('.')), Version: ver },
            el('ns3:Abstract', null, `Version ${ver}`),
            withHttp ? el('ns3:Endpoint', { Location: `http://${httpAuthority}${s.path}` }) : undefined,
            el('ns3:EndpointTLS', { Location: `https://${v.authority}${s.path}` }),
          ),
        ),
      ),
    );
  return xmlDocument(
    el(
      'ns2:ConnectorServices',
      rootAttrs,
      productInformation(v.product, pi),
      el('ns2:TLSMandatory', null, String(shape.tlsMandatory)),
      el('ns2:ClientAutMandatory', null, String(shape.clientAutMandatory)),
      el('ns3:ServiceInformation', null, ...shape.services.map(service)),
    ),
  );
}

/** A SOAP 1.1 envelope around one body element, as the simulator sends it. */
export function envelope(body: XmlNode): string {
  return xmlDocument(el('S:Envelope', { 'xmlns:S': NS.SOAP }, el('S:Body', null, body)));
}

export function status(): XmlNode {
  return el('CONN:Status', null, el('CONN:Result', null, 'OK'));
}

/** A SOAP fault with the gematik error detail (shape of the Authenticator sample `soap-error-response.xml`). */
export function soapFault(code: string, now: string, detail?: string): string {
  const info = describeGematikCode(code);
  const client = code === '4000' || code === '4021';
  return envelope(
    el(
      'S:Fault',
      null,
      el('faultcode', null, client ? 'S:Client' : 'S:Server'),
      el('faultstring', null, info.text),
      el(
        'detail',
        null,
        el(
          'GERROR:Error',
          xmlns('GERROR'),
          el('GERROR:MessageID', null, randomUUID()),
          el('GERROR:Timestamp', null, now),
          el(
            'GERROR:Trace',
            null,
            el('GERROR:EventID', null, randomUUID()),
            el('GERROR:Instance', null, 'Konnektor-Simulator'),
            el('GERROR:LogReference', null, 'Konnektor-Log'),
            el('GERROR:CompType', null, 'Konnektor'),
            el('GERROR:Code', null, code),
            el('GERROR:Severity', null, 'Error'),
            el('GERROR:ErrorType', null, client ? 'Technical' : 'Security'),
            el('GERROR:ErrorText', null, info.text),
            detail === undefined ? undefined : el('GERROR:Detail', { Encoding: 'UTF-8' }, detail),
          ),
        ),
      ),
    ),
  );
}

export interface ErrorStateValues {
  condition: string;
  severity: string;
  type: string;
  active: boolean;
  validFrom: string;
}

export function resourceInformationResponse(v: {
  vpnTi: string;
  vpnSis: string;
  timestamp: string;
  errorStates: ErrorStateValues[];
}): XmlNode {
  return el(
    'EVT:GetResourceInformationResponse',
    xmlns('EVT', 'CONN'),
    status(),
    el(
      'CONN:Connector',
      null,
      el(
        'CONN:VPNTIStatus',
        null,
        el('CONN:ConnectionStatus', null, v.vpnTi),
        el('CONN:Timestamp', null, v.timestamp),
      ),
      el(
        'CONN:VPNSISStatus',
        null,
        el('CONN:ConnectionStatus', null, v.vpnSis),
        el('CONN:Timestamp', null, v.timestamp),
      ),
      // OperatingState needs at least one ErrorState (XSD); real Konnektoren list all conditions anyway.
      el(
        'CONN:OperatingState',
        null,
        ...v.errorStates.map((s) =>
          el(
            'CONN:ErrorState',
            null,
            el('CONN:ErrorCondition', null, s.condition),
            el('CONN:Severity', null, s.severity),
            el('CONN:Type', null, s.type),
            el('CONN:Value', null, String(s.active)),
            el('CONN:ValidFrom', null, s.validFrom),
          ),
        ),
      ),
    ),
  );
}

export interface TerminalValues {
  ctId: string;
  name: string;
  workplaceIds: string[];
  macAddress: string;
  ipAddress: string;
  slots: number;
  connected: boolean;
  product: ProductInfoValues;
}

export function cardTerminalsResponse(terminals: TerminalValues[]): XmlNode {
  return el(
    'EVT:GetCardTerminalsResponse',
    xmlns('EVT', 'CONN', 'CARDCMN', 'CT', 'PI'),
    status(),
    el(
      'CT:CardTerminals',
      null,
      ...terminals.map((t) =>
        el(
          'CT:CardTerminal',
          null,
          productInformation(t.product, 'PI'),
          el('CARDCMN:CtId', null, t.ctId),
          el('CONN:WorkplaceIds', null, ...t.workplaceIds.map((w) => el('CONN:WorkplaceId', null, w))),
          el('CT:Name', null, t.name),
          el('CT:MacAddress', null, t.macAddress),
          el('CT:IPAddress', null, el('CT:IPV4Address', null, t.ipAddress)),
          el('CT:Slots', null, String(t.slots)),
          el('CT:IS_PHYSICAL', null, 'true'),
          el('CT:Connected', null, String(t.connected)),
        ),
      ),
    ),
  );
}

export interface CardValues {
  handle: string;
  type: string;
  iccsn: string;
  ctId: string;
  slot: number;
  insertTime: string;
  holder?: string | undefined;
  kvnr?: string | undefined;
  expires: string;
  objectSystemVersion: string;
}

function versionInfo(name: string, v: string): XmlNode {
  const [major = '0', minor = '0', revision = '0'] = v.split('.');
  return el(
    name,
    null,
    el('CARD:Major', null, major),
    el('CARD:Minor', null, minor),
    el('CARD:Revision', null, revision),
  );
}

export function cardsResponse(cards: CardValues[]): XmlNode {
  return el(
    'EVT:GetCardsResponse',
    xmlns('EVT', 'CONN', 'CARDCMN', 'CARD'),
    status(),
    el(
      'CARD:Cards',
      null,
      ...cards.map((c) =>
        el(
          'CARD:Card',
          null,
          el('CONN:CardHandle', null, c.handle),
          el('CARDCMN:CardType', null, c.type),
          el(
            'CARD:CardVersion',
            null,
            versionInfo('CARD:COSVersion', '4.4.0'),
            versionInfo('CARD:ObjectSystemVersion', c.objectSystemVersion),
          ),
          el('CARDCMN:Iccsn', null, c.iccsn),
          el('CARDCMN:CtId', null, c.ctId),
          el('CARDCMN:SlotId', null, String(c.slot)),
          el('CARD:InsertTime', null, c.insertTime),
          opt('CARD:CardHolderName', c.holder),
          opt('CARD:Kvnr', c.kvnr),
          el('CARD:CertificateExpirationDate', null, c.expires),
        ),
      ),
    ),
  );
}

export function pinStatusResponse(bodyNs: string, pinStatus: string, leftTries: number | undefined): XmlNode {
  return el(
    'CARD:GetPinStatusResponse',
    { 'xmlns:CARD': bodyNs, ...xmlns('CONN') },
    status(),
    el('CARD:PinStatus', null, pinStatus),
    leftTries === undefined ? undefined : el('CARD:LeftTries', null, String(leftTries)),
  );
}

export interface ExpirationValues {
  ctId: string;
  handle: string;
  iccsn: string;
  commonName: string;
  serialNumber: string;
  validity: string;
}

export function checkCertificateExpirationResponse(entries: ExpirationValues[]): XmlNode {
  return el(
    'CERT:CheckCertificateExpirationResponse',
    xmlns('CERT', 'CONN'),
    status(),
    ...entries.map((e) =>
      el(
        'CERT:CertificateExpiration',
        null,
        el('CERT:CtID', null, e.ctId),
        el('CONN:CardHandle', null, e.handle),
        el('CERT:ICCSN', null, e.iccsn),
        el('CERT:subject_commonName', null, e.commonName),
        el('CERT:serialNumber', null, e.serialNumber),
        el('CERT:validity', null, e.validity),
      ),
    ),
  );
}

export interface CertificateValues {
  certRef: string;
  issuerName: string;
  serialNumber: string;
  subjectName: string;
  base64: string;
}

export function readCardCertificateResponse(certs: CertificateValues[]): XmlNode {
  return el(
    'CERT:ReadCardCertificateResponse',
    xmlns('CERT', 'CONN', 'CERTCMN'),
    status(),
    el(
      'CERTCMN:X509DataInfoList',
      null,
      ...certs.map((c) =>
        el(
          'CERTCMN:X509DataInfo',
          null,
          el('CERTCMN:CertRef', null, c.certRef),
          el(
            'CERTCMN:X509Data',
            null,
            el(
              'CERTCMN:X509IssuerSerial',
              null,
              el('CERTCMN:X509IssuerName', null, c.issuerName),
              el('CERTCMN:X509SerialNumber', null, c.serialNumber),
            ),
            el('CERTCMN:X509SubjectName', null, c.subjectName),
            el('CERTCMN:X509Certificate', null, c.base64),
          ),
        ),
      ),
    ),
  );
}
