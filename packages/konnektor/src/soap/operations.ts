import { AppError } from '@praxisready/model';
import { el, opt, type XmlNode } from '../xml/build.ts';
import { child, children, optText, type XmlElement } from '../xml/safe-xml.ts';
import { readProductInformation, type ProductInformation } from '../sds/sds.ts';
import { readGematikError, type GematikError } from './envelope.ts';
import { NS, xmlns } from './namespaces.ts';

/** The Konnektor call context (ConnectorContext.xsd). UserId only matters for HBA sessions. */
export interface KonnektorContext {
  mandantId: string;
  clientSystemId: string;
  workplaceId: string;
  userId?: string | undefined;
}

/** Konnektor services the client talks to, with the major.minor versions it implements. */
export const SERVICES = {
  EventService: { supported: ['7.2'] },
  CardService: { supported: ['8.2', '8.1'] },
  CertificateService: { supported: ['6.0'] },
} as const;
export type ServiceName = keyof typeof SERVICES;

/** The body namespace of a service version: the SDS TargetNamespace without `/WSDL` (konnektor.md §1.2). */
export function bodyNamespace(service: ServiceName, version: string, targetNamespace?: string): string {
  if (targetNamespace && targetNamespace.includes('/WSDL/')) {
    return targetNamespace.replace('/WSDL/', '/');
  }
  const mm = version.split('.').slice(0, 2).join('.');
  return `http://ws.gematik.de/conn/${service}/v${mm}`;
}

export interface Status {
  result: string;
  error?: GematikError;
}

export interface ErrorState {
  condition: string;
  severity: string;
  type: string;
  active: boolean;
  validFrom?: string;
}

export interface ConnectionStatus {
  status: string;
  timestamp?: string;
}

export interface ResourceInformation {
  status: Status;
  vpnTi?: ConnectionStatus;
  vpnSis?: ConnectionStatus;
  errorStates: ErrorState[];
}

export interface CardTerminalInfo {
  ctId: string;
  name?: string;
  workplaceIds: string[];
  macAddress?: string;
  ipAddress?: string;
  slots?: string;
  physical?: boolean;
  connected: boolean;
  product: ProductInformation;
}

export interface CardInfo {
  cardHandle: string;
  cardType: string;
  iccsn?: string;
  ctId: string;
  slotId: string;
  insertTime?: string;
  cardHolderName?: string;
  hasKvnr: boolean;
  certificateExpirationDate?: string;
  objectSystemVersion?: string;
  cosVersion?: string;
}

export interface PinStatusResult {
  status: Status;
  pinStatus?: string;
  leftTries?: string;
}

export interface CertificateExpiration {
  ctId?: string;
  cardHandle?: string;
  iccsn?: string;
  subjectCommonName?: string;
  serialNumber?: string;
  validity?: string;
}

export interface X509DataInfo {
  certRef: string;
  issuerName?: string;
  serialNumber?: string;
  subjectName?: string;
  certificateBase64?: string;
}

/** Card types whose certificates may be read: ReadCardCertificate blocks an HBA for other PS (cocard). */
export const READ_CERTIFICATE_CARD_TYPES = ['SMC-B'] as const;

function context(ctx: KonnektorContext): XmlNode {
  return el(
    'CCTX:Context',
    null,
    el('CONN:MandantId', null, ctx.mandantId),
    el('CONN:ClientSystemId', null, ctx.clientSystemId),
    el('CONN:WorkplaceId', null, ctx.workplaceId),
    opt('CONN:UserId', ctx.userId),
  );
}

export function readStatus(payload: XmlElement): Status {
  const status = child(payload, 'Status');
  const result = optText(status, 'Result');
  if (result === undefined) {
    throw new AppError('PARSE_FAILED', `<${payload.name}> has no Status/Result`);
  }
  const error = readGematikError(child(status, 'Error'));
  return error ? { result, error } : { result };
}

function version(el_: XmlElement | undefined): string | undefined {
  if (el_ === undefined) {
    return undefined;
  }
  return [optText(el_, 'Major'), optText(el_, 'Minor'), optText(el_, 'Revision')]
    .map((x) => x ?? '0')
    .join('.');
}

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function readCard(card: XmlElement): CardInfo {
  const cv = child(card, 'CardVersion');
  return compact({
    cardHandle: optText(card, 'CardHandle') ?? '',
    cardType: optText(card, 'CardType') ?? 'UNKNOWN',
    iccsn: optText(card, 'Iccsn'),
    ctId: optText(card, 'CtId') ?? '',
    slotId: optText(card, 'SlotId') ?? '',
    insertTime: optText(card, 'InsertTime'),
    cardHolderName: optText(card, 'CardHolderName'),
    hasKvnr: optText(card, 'Kvnr') !== undefined,
    certificateExpirationDate: optText(card, 'CertificateExpirationDate'),
    objectSystemVersion: version(child(cv, 'ObjectSystemVersion')),
    cosVersion: version(child(cv, 'COSVersion')),
  });
}

export function readCardTerminal(t: XmlElement): CardTerminalInfo {
  const ip = child(t, 'IPAddress');
  return compact({
    ctId: optText(t, 'CtId') ?? '',
    name: optText(t, 'Name'),
    workplaceIds: children(child(t, 'WorkplaceIds'), 'WorkplaceId').map((w) => w.text),
    macAddress: optText(t, 'MacAddress'),
    ipAddress: optText(ip, 'IPV4Address') ?? optText(ip, 'IPV6Address'),
    slots: optText(t, 'Slots'),
    physical: optText(t, 'IS_PHYSICAL') === undefined ? undefined : optText(t, 'IS_PHYSICAL') === 'true',
    connected: optText(t, 'Connected') === 'true',
    product: readProductInformation(child(t, 'ProductInformation')),
  });
}

function connection(e: XmlElement | undefined): ConnectionStatus | undefined {
  const status = optText(e, 'ConnectionStatus');
  return status === undefined ? undefined : compact({ status, timestamp: optText(e, 'Timestamp') });
}

/** An operation the client may send: which service, how to build the body, how to read the answer. */
export interface OperationSpec<A, R> {
  service: ServiceName;
  build(ctx: KonnektorContext, args: A, opts: { bodyNs: string; serviceVersion: string }): XmlNode;
  parse(payload: XmlElement): R;
}

const crypt = (serviceVersion: string, value: 'RSA' | 'ECC' | undefined) =>
  // Crypt exists from CertificateService 6.0.1 (XSD 6.0.2); a PTV3 Konnektor answers 4000 to it (konnektor.md §1.5).
  value !== undefined && serviceVersion !== '6.0.0' ? el('CERT:Crypt', null, value) : undefined;

function define<A, R>(spec: OperationSpec<A, R>): OperationSpec<A, R> {
  return spec;
}

/**
 * The allow-list: the only operations the client can send. All read-only. VerifyPin, ChangePin, Subscribe and every
 * other state-changing operation are deliberately absent; `callOperation` refuses names not in this object.
 */
export const OPERATIONS = {
  GetResourceInformation: define<Record<string, never>, ResourceInformation>({
    service: 'EventService',
    build: (ctx, _a, { bodyNs }) =>
      el('EVT:GetResourceInformation', { 'xmlns:EVT': bodyNs, ...xmlns('CCTX', 'CONN') }, context(ctx)),
    parse(p) {
      const connector = child(p, 'Connector');
      const states = children(child(connector, 'OperatingState'), 'ErrorState').map((s) =>
        compact({
          condition: optText(s, 'ErrorCondition') ?? '',
          severity: optText(s, 'Severity') ?? '',
          type: optText(s, 'Type') ?? '',
          active: optText(s, 'Value') === 'true',
          validFrom: optText(s, 'ValidFrom'),
        }),
      );
      return compact({
        status: readStatus(p),
        vpnTi: connection(child(connector, 'VPNTIStatus')),
        vpnSis: connection(child(connector, 'VPNSISStatus')),
        errorStates: states,
      });
    },
  }),
  GetCardTerminals: define<Record<string, never>, { status: Status; terminals: CardTerminalInfo[] }>({
    service: 'EventService',
    build: (ctx, _a, { bodyNs }) =>
      el(
        'EVT:GetCardTerminals',
        { 'xmlns:EVT': bodyNs, ...xmlns('CCTX', 'CONN'), 'mandant-wide': 'true' },
        context(ctx),
      ),
    parse: (p) => ({
      status: readStatus(p),
      terminals: children(child(p, 'CardTerminals'), 'CardTerminal').map(readCardTerminal),
    }),
  }),
  GetCards: define<Record<string, never>, { status: Status; cards: CardInfo[] }>({
    service: 'EventService',
    build: (ctx, _a, { bodyNs }) =>
      el(
        'EVT:GetCards',
        { 'xmlns:EVT': bodyNs, ...xmlns('CCTX', 'CONN'), 'mandant-wide': 'true' },
        context(ctx),
      ),
    parse: (p) => ({ status: readStatus(p), cards: children(child(p, 'Cards'), 'Card').map(readCard) }),
  }),
  GetPinStatus: define<{ cardHandle: string; pinType: 'PIN.SMC' | 'PIN.CH' | 'PIN.QES' }, PinStatusResult>({
    service: 'CardService',
    build: (ctx, a, { bodyNs }) =>
      el(
        'CARD:GetPinStatus',
        { 'xmlns:CARD': bodyNs, ...xmlns('CCTX', 'CONN', 'CARDCMN') },
        context(ctx),
        el('CONN:CardHandle', null, a.cardHandle),
        el('CARDCMN:PinTyp', null, a.pinType),
      ),
    parse: (p) =>
      compact({
        status: readStatus(p),
        pinStatus: optText(p, 'PinStatus'),
        leftTries: optText(p, 'LeftTries'),
      }),
  }),
  CheckCertificateExpiration: define<
    { cardHandle?: string; crypt?: 'RSA' | 'ECC' },
    { status: Status; entries: CertificateExpiration[] }
  >({
    service: 'CertificateService',
    build: (ctx, a, { bodyNs, serviceVersion }) =>
      el(
        'CERT:CheckCertificateExpiration',
        { 'xmlns:CERT': bodyNs, ...xmlns('CCTX', 'CONN') },
        opt('CONN:CardHandle', a.cardHandle),
        context(ctx),
        crypt(serviceVersion, a.crypt),
      ),
    parse: (p) => ({
      status: readStatus(p),
      entries: children(p, 'CertificateExpiration').map((e) =>
        compact({
          ctId: optText(e, 'CtID'),
          cardHandle: optText(e, 'CardHandle'),
          iccsn: optText(e, 'ICCSN'),
          subjectCommonName: optText(e, 'subject_commonName'),
          serialNumber: optText(e, 'serialNumber'),
          validity: optText(e, 'validity'),
        }),
      ),
    }),
  }),
  ReadCardCertificate: define<
    {
      cardHandle: string;
      cardType: (typeof READ_CERTIFICATE_CARD_TYPES)[number];
      certRefs: string[];
      crypt?: 'RSA' | 'ECC';
    },
    { status: Status; certificates: X509DataInfo[] }
  >({
    service: 'CertificateService',
    build(ctx, a, { bodyNs, serviceVersion }) {
      // Structural guard: reading HBA certificates blocks the HBA for other Primärsysteme (cocard).
      if (!(READ_CERTIFICATE_CARD_TYPES as readonly string[]).includes(a.cardType)) {
        throw new AppError('BAD_REQUEST', `ReadCardCertificate is only allowed for SMC-B, not ${a.cardType}`);
      }
      return el(
        'CERT:ReadCardCertificate',
        { 'xmlns:CERT': bodyNs, ...xmlns('CCTX', 'CONN') },
        el('CONN:CardHandle', null, a.cardHandle),
        context(ctx),
        el('CERT:CertRefList', null, ...a.certRefs.map((r) => el('CERT:CertRef', null, r))),
        crypt(serviceVersion, a.crypt),
      );
    },
    parse: (p) => ({
      status: readStatus(p),
      certificates: children(child(p, 'X509DataInfoList'), 'X509DataInfo').map((i) => {
        const data = child(i, 'X509Data');
        return compact({
          certRef: optText(i, 'CertRef') ?? '',
          issuerName: optText(data, 'X509IssuerSerial', 'X509IssuerName')?.replace(/\s+/g, ' '),
          serialNumber: optText(data, 'X509IssuerSerial', 'X509SerialNumber'),
          subjectName: optText(data, 'X509SubjectName')?.replace(/\s+/g, ' '),
          certificateBase64: optText(data, 'X509Certificate')?.replace(/\s+/g, ''),
        });
      }),
    }),
  }),
} as const;

export type OperationName = keyof typeof OPERATIONS;
export type OperationArgs<O extends OperationName> = Parameters<(typeof OPERATIONS)[O]['build']>[1];
export type OperationResult<O extends OperationName> = ReturnType<(typeof OPERATIONS)[O]['parse']>;

/** True only for the allow-listed read-only operations. */
export function isAllowedOperation(name: string): name is OperationName {
  return Object.hasOwn(OPERATIONS, name);
}

/** SOAPAction header value: body namespace + `#` + operation (konnektor.md §1.3). */
export function soapAction(bodyNs: string, operation: OperationName): string {
  return `${bodyNs}#${operation}`;
}

/** Checks that the payload is the expected response element and returns it parsed. */
export function parseOperationResponse<O extends OperationName>(
  operation: O,
  payload: XmlElement,
): OperationResult<O> {
  if (payload.name !== `${operation}Response`) {
    throw new AppError('PARSE_FAILED', `Expected <${operation}Response>, got <${payload.name}>`);
  }
  return OPERATIONS[operation].parse(payload) as OperationResult<O>;
}

export { NS };
