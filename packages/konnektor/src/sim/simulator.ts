import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { AppError, validateWith } from '@praxisready/model';
import { child, optText, parseXml, type XmlElement } from '../xml/safe-xml.ts';
import { NS } from '../soap/namespaces.ts';
import { buildPkcs12, createCa, issueCertificate, type IssuedCertificate } from './certs.ts';
import {
  SimulatorConfigSchema,
  type SimCard,
  type SimContext,
  type SimOperation,
  type SimulatorConfig,
  type SimulatorConfigInput,
} from './config.ts';
import {
  cardsResponse,
  cardTerminalsResponse,
  checkCertificateExpirationResponse,
  connectorSds,
  envelope,
  pinStatusResponse,
  readCardCertificateResponse,
  resourceInformationResponse,
  soapFault,
  type CertificateValues,
  type ErrorStateValues,
  type ProductInfoValues,
} from './responses.ts';
import { serviceForPath, VENDOR_SHAPES } from './vendors.ts';

/** A request the simulator received (for tests: schema validation, allow-list checks). */
export interface SimRequest {
  method: string;
  path: string;
  soapAction?: string;
  body: string;
}

/** Client credentials for the TI-Gateway profile (mutual TLS). */
export interface SimClientCredentials {
  certPem: string;
  keyPem: string;
  pfx: Buffer;
  pfxPassphrase: string;
}

export interface KonnektorSimulator {
  url: string;
  sdsUrl: string;
  host: string;
  port: number;
  /** The first allowed context. */
  context: SimContext;
  caCertPem: string;
  /** Konnektor TLS certificate (https only). */
  serverCertPem?: string;
  client?: SimClientCredentials;
  groundTruth(): SimulatorGroundTruth;
  requests(): SimRequest[];
  close(): Promise<void>;
}

/** Conditions a real KoCoBox lists (cocard sample); inactive unless configured otherwise. */
const BASELINE_ERROR_STATES: [string, string, string][] = [
  ['EC_No_VPN_TI_Connection', 'Error', 'Infrastructure'],
  ['EC_No_VPN_SIS_Connection', 'Warning', 'Infrastructure'],
  ['EC_No_Online_Connection', 'Error', 'Infrastructure'],
  ['EC_FW_Update_Available', 'Info', 'Operation'],
  ['EC_NK_Certificate_Expiring', 'Warning', 'Security'],
  ['EC_NK_Certificate_Expired', 'Fatal', 'Security'],
  ['EC_CRL_Out_Of_Date', 'Warning', 'Security'],
  ['EC_TSL_Expiring', 'Warning', 'Security'],
  ['EC_TSL_Out_Of_Date_Beyond_Grace_Period', 'Fatal', 'Security'],
  ['EC_Time_Sync_Not_Successful', 'Warning', 'Infrastructure'],
];

const DISCONNECTED_PRODUCT: ProductInfoValues = {
  informationDate: '1970-01-01T00:00:00.000Z',
  productType: 'KT',
  productTypeVersion: '0.0.0',
  vendorId: 'NONE',
  productCode: 'NONE',
  hwVersion: '0.0.0',
  fwVersion: '0.0.0',
  vendorName: 'unbekannt',
  productName: 'unbekannt',
};

function compactDate(d: string): string {
  return d.replaceAll('-', '');
}

function endOfDay(d: string): Date {
  return new Date(`${d}T23:59:59Z`);
}

interface State {
  config: SimulatorConfig;
  cards: (SimCard & { handle: string; insertTime: string })[];
  product: ProductInfoValues;
  ca: IssuedCertificate;
  server?: IssuedCertificate;
  client?: SimClientCredentials;
  cardCerts: Map<string, Promise<CertificateValues>>;
  log: SimRequest[];
  now: () => string;
}

/** The facts a correct client must read from this simulator (JSON-safe). */
export function buildGroundTruth(s: State, url: string) {
  const c = s.config;
  const terminalWorkplaces = new Set(c.terminals.flatMap((t) => t.workplaceIds));
  return {
    url,
    sdsUrl: `${url}/connector.sds`,
    profile: c.profile,
    vendor: c.vendor,
    scheme: c.scheme,
    contexts: c.contexts,
    product: {
      vendorId: s.product.vendorId,
      productCode: s.product.productCode,
      productName: s.product.productName,
      vendorName: s.product.vendorName,
      productType: s.product.productType,
      productTypeVersion: s.product.productTypeVersion,
      hwVersion: s.product.hwVersion,
      fwVersion: s.product.fwVersion,
    },
    tlsMandatory: VENDOR_SHAPES[c.vendor].tlsMandatory,
    clientAutMandatory: VENDOR_SHAPES[c.vendor].clientAutMandatory,
    tls: s.server
      ? {
          commonName: `${c.connector.iccsn}-${compactDate(c.connector.certificateIssued)}`,
          subjectAltNames: ['konnektor.konlan'],
          notAfter: endOfDay(c.connector.certificateNotAfter).toISOString(),
          fingerprint256: new X509Certificate(s.server.certPem).fingerprint256,
        }
      : null,
    connector: {
      iccsn: c.connector.iccsn,
      commonName: `${c.connector.iccsn}-${compactDate(c.connector.certificateIssued)}`,
      certificateNotAfter: c.connector.certificateNotAfter,
      vpnTi: c.connector.vpnTi,
      vpnSis: c.connector.vpnSis,
      activeErrorStates: c.connector.errorStates.filter((e) => e.active).map((e) => e.condition),
    },
    terminals: c.terminals.map((t) => ({
      ctId: t.ctId,
      name: t.name,
      ipAddress: t.ipAddress,
      macAddress: t.macAddress,
      workplaceIds: t.workplaceIds,
      connected: t.connected,
      fwVersion: t.connected ? t.product.fwVersion : null,
    })),
    cards: s.cards.map((k) => ({
      handle: k.handle,
      type: k.type,
      iccsn: k.iccsn,
      holder: k.type === 'EGK' ? null : k.holder,
      expires: k.expires,
      ctId: k.ctId,
      slot: k.slot,
      pins: pinsOf(k),
      mandants: k.mandants ?? null,
    })),
    workplacesWithoutTerminal: [...new Set(c.contexts.map((x) => x.workplaceId))].filter(
      (w) => !terminalWorkplaces.has(w),
    ),
    faults: c.faults,
  };
}
export type SimulatorGroundTruth = ReturnType<typeof buildGroundTruth>;

const PIN_TYPES_BY_CARD: Record<SimCard['type'], string[]> = {
  'SMC-B': ['PIN.SMC'],
  HBA: ['PIN.CH', 'PIN.QES'],
  EGK: ['PIN.CH'],
  'SMC-KT': [],
};

function pinsOf(card: SimCard): Record<string, { status: string; leftTries: number | null }> {
  return Object.fromEntries(
    PIN_TYPES_BY_CARD[card.type].map((p) => {
      const cfg = card.pins[p as keyof SimCard['pins']];
      const status = cfg?.status ?? (card.type === 'SMC-B' ? 'VERIFIED' : 'VERIFIABLE');
      const leftTries = cfg?.leftTries ?? (status === 'BLOCKED' ? 0 : 3);
      return [p, { status, leftTries }];
    }),
  );
}

/** Checks a context against the allowed triples; returns the gematik code of the first violation. */
export function checkContext(allowed: readonly SimContext[], ctx: Partial<SimContext>): string | undefined {
  const { mandantId: m, clientSystemId: cs, workplaceId: wp } = ctx;
  if (!m || !cs || !wp) {
    return '4021';
  }
  if (!allowed.some((a) => a.mandantId === m)) {
    return '4004';
  }
  if (!allowed.some((a) => a.clientSystemId === cs)) {
    return '4005';
  }
  if (!allowed.some((a) => a.workplaceId === wp)) {
    return '4006';
  }
  if (!allowed.some((a) => a.mandantId === m && a.clientSystemId === cs)) {
    return '4010';
  }
  if (!allowed.some((a) => a.mandantId === m && a.workplaceId === wp)) {
    return '4011';
  }
  if (!allowed.some((a) => a.mandantId === m && a.clientSystemId === cs && a.workplaceId === wp)) {
    return '4014';
  }
  return undefined;
}

function readContext(payload: XmlElement): Partial<SimContext> {
  const ctx = child(payload, 'Context');
  const out: Partial<SimContext> = {};
  for (const k of ['MandantId', 'ClientSystemId', 'WorkplaceId', 'UserId'] as const) {
    const v = optText(ctx, k);
    if (v !== undefined) {
      out[(k.charAt(0).toLowerCase() + k.slice(1)) as keyof SimContext] = v;
    }
  }
  return out;
}

/** Thrown inside the simulator to answer with a SOAP fault carrying a gematik code. */
class SoapFaultSignal extends Error {
  constructor(
    readonly code: string,
    readonly detail?: string,
  ) {
    super(`gematik ${code}`);
  }
}

async function cardCertificate(
  s: State,
  card: State['cards'][number],
  ref: string,
): Promise<CertificateValues> {
  const key = `${card.handle}/${ref}`;
  let p = s.cardCerts.get(key);
  if (!p) {
    p = (async () => {
      const issued = await issueCertificate(s.ca, {
        subject: [
          ['CN', card.holder],
          ['O', card.holder],
          ['SERIALNUMBER', card.iccsn],
          ['C', 'DE'],
        ],
        notBefore: new Date(Date.parse(`${card.expires}T00:00:00Z`) - 5 * 365 * 86_400_000),
        notAfter: endOfDay(card.expires),
        usage: 'card',
      });
      return {
        certRef: ref,
        issuerName: issued.cert.issuer,
        serialNumber: BigInt(`0x${issued.cert.serialNumber}`).toString(),
        subjectName: issued.cert.subject,
        base64: Buffer.from(issued.cert.rawData).toString('base64'),
      };
    })();
    s.cardCerts.set(key, p);
  }
  return p;
}

function visibleCards(s: State, mandantId: string): State['cards'] {
  return s.cards.filter((c) => c.mandants === undefined || c.mandants.includes(mandantId));
}

async function handleOperation(s: State, service: string, payload: XmlElement): Promise<string> {
  const c = s.config;
  const op = payload.name;
  const ctx = readContext(payload);
  const bad = checkContext(c.contexts, ctx);
  if (bad) {
    throw new SoapFaultSignal(bad);
  }
  const mandantWide = payload.attrs['mandant-wide'] === 'true';
  const now = s.now();
  const shape = VENDOR_SHAPES[c.vendor];
  const findCard = (handle: string | undefined) => {
    const card = visibleCards(s, ctx.mandantId!).find((k) => k.handle === handle);
    if (!card) {
      throw new SoapFaultSignal('4047');
    }
    return card;
  };
  const key = `${service}#${op}`;
  switch (key) {
    case 'EventService#GetResourceInformation': {
      const configured = new Map(c.connector.errorStates.map((e) => [e.condition, e]));
      const states: ErrorStateValues[] = BASELINE_ERROR_STATES.filter(([n]) => !configured.has(n)).map(
        ([condition, severity, type]) => ({ condition, severity, type, active: false, validFrom: now }),
      );
      for (const e of c.connector.errorStates) {
        states.push({ ...e, validFrom: e.validFrom ?? now });
      }
      return envelope(
        resourceInformationResponse({
          vpnTi: c.connector.vpnTi,
          vpnSis: c.connector.vpnSis,
          timestamp: now,
          errorStates: states,
        }),
      );
    }
    case 'EventService#GetCardTerminals': {
      const terminals = c.terminals.filter((t) => mandantWide || t.workplaceIds.includes(ctx.workplaceId!));
      return envelope(
        cardTerminalsResponse(
          terminals.map((t) => ({
            ...t,
            slots: t.connected ? t.slots : 0,
            product: t.connected ? { ...t.product, informationDate: now } : DISCONNECTED_PRODUCT,
          })),
        ),
      );
    }
    case 'EventService#GetCards': {
      const reachable = new Set(
        c.terminals
          .filter((t) => t.connected && (mandantWide || t.workplaceIds.includes(ctx.workplaceId!)))
          .map((t) => t.ctId),
      );
      const cards = visibleCards(s, ctx.mandantId!).filter((k) => reachable.has(k.ctId));
      return envelope(
        cardsResponse(
          cards.map((k) => ({
            ...k,
            // A real Konnektor reports the SMC-KT's ICCSN as its holder name (cocard sample).
            holder: k.type === 'SMC-KT' ? k.iccsn : k.holder,
            kvnr: k.type === 'EGK' ? k.kvnr : undefined,
          })),
        ),
      );
    }
    case 'CardService#GetPinStatus': {
      const card = findCard(optText(payload, 'CardHandle'));
      const pinType = optText(payload, 'PinTyp') ?? '';
      const pin = pinsOf(card)[pinType];
      if (!pin) {
        throw new SoapFaultSignal('4000', `PinTyp ${pinType} passt nicht zum Kartentyp ${card.type}`);
      }
      return envelope(pinStatusResponse(payload.ns, pin.status, pin.leftTries ?? undefined));
    }
    case 'CertificateService#CheckCertificateExpiration': {
      if (
        child(payload, 'Crypt') &&
        !shape.services.some((x) => x.name === 'CertificateService' && x.versions.some((v) => v !== '6.0.0'))
      ) {
        throw new SoapFaultSignal(
          '4000',
          "cvc-complex-type.2.4.d: Invalid content was found starting with element 'Crypt'.",
        );
      }
      const handle = optText(payload, 'CardHandle');
      const cards = visibleCards(s, ctx.mandantId!).filter((k) => k.type !== 'EGK');
      if (
        handle === undefined &&
        c.faults.checkCertificateExpirationFailsWithHba &&
        cards.some((k) => k.type === 'HBA')
      ) {
        throw new SoapFaultSignal(
          '4000',
          'CheckCertificateExpiration nicht möglich, solange ein HBA gesteckt ist',
        );
      }
      const selected = handle === undefined ? cards : [findCard(handle)];
      const entries = selected.map((k) => ({
        ctId: k.ctId,
        handle: k.handle,
        iccsn: k.iccsn,
        commonName: k.type === 'SMC-KT' ? k.iccsn : k.holder,
        serialNumber: String(Number.parseInt(k.iccsn.slice(-7), 10)),
        validity: k.expires,
      }));
      if (handle === undefined) {
        // The Konnektor's own gSMC-K: no CtID, no CardHandle (cocard sample).
        entries.push({
          ctId: '',
          handle: '',
          iccsn: c.connector.iccsn,
          commonName: `${c.connector.iccsn}-${compactDate(c.connector.certificateIssued)}`,
          serialNumber: String(Number.parseInt(c.connector.iccsn.slice(-7), 10)),
          validity: c.connector.certificateNotAfter,
        });
      }
      return envelope(checkCertificateExpirationResponse(entries));
    }
    case 'CertificateService#ReadCardCertificate': {
      const card = findCard(optText(payload, 'CardHandle'));
      const refs = child(payload, 'CertRefList')?.children.map((r) => r.text) ?? [];
      const certs = await Promise.all(refs.map((r) => cardCertificate(s, card, r)));
      return envelope(readCardCertificateResponse(certs));
    }
    default:
      throw new SoapFaultSignal('4000', `Operation ${op} wird von ${service} im Simulator nicht unterstützt`);
  }
}

const MAX_BODY = 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const MALFORMED =
  '<?xml version="1.0" encoding="UTF-8"?>\n<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><broken';

function authorised(s: State, req: http.IncomingMessage): boolean {
  const auth = s.config.basicAuth;
  if (!auth) {
    return true;
  }
  const header = req.headers.authorization ?? '';
  const expected = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  const a = createHash('sha256').update(header).digest();
  const b = createHash('sha256').update(expected).digest();
  return a.equals(b);
}

async function handle(
  s: State,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  authority: string,
): Promise<void> {
  const c = s.config;
  const path = (req.url ?? '/').split('?')[0]!;
  const body = req.method === 'POST' ? await readBody(req) : '';
  const soapActionHeader = req.headers.soapaction;
  s.log.push({
    method: req.method ?? '',
    path,
    body,
    ...(typeof soapActionHeader === 'string' ? { soapAction: soapActionHeader } : {}),
  });
  if (!authorised(s, req)) {
    res
      .writeHead(401, { 'WWW-Authenticate': 'Basic realm="Konnektor"', 'Content-Type': 'text/plain' })
      .end('Unauthorized');
    return;
  }
  const send = async (op: SimOperation, status: number, xml: () => Promise<string> | string) => {
    if (c.faults.hang.includes(op)) {
      return; // never answer; the socket is destroyed on close()
    }
    if (c.faults.delayMs) {
      await new Promise((r) => setTimeout(r, c.faults.delayMs));
    }
    const text = c.faults.malformed.includes(op) ? MALFORMED : await xml();
    res.writeHead(status, { 'Content-Type': 'text/xml; charset=utf-8' }).end(text);
  };
  if (req.method === 'GET' && path === '/connector.sds') {
    if (c.faults.sdsMissing) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      return;
    }
    const host = c.faults.sdsEndpointHost;
    const port = authority.slice(authority.lastIndexOf(':') + 1);
    await send('connector.sds', 200, () =>
      connectorSds({
        shape: VENDOR_SHAPES[c.vendor],
        product: s.product,
        authority: host ? `${host}:${port}` : authority,
        scheme: c.scheme,
      }),
    );
    return;
  }
  const service = serviceForPath(VENDOR_SHAPES[c.vendor], path);
  if (req.method !== 'POST' || service === undefined) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
    return;
  }
  let payload: XmlElement | undefined;
  try {
    const root = parseXml(body, 'request');
    payload =
      root.name === 'Envelope' && root.ns === NS.SOAP ? child(root, 'Body', NS.SOAP)?.children[0] : undefined;
  } catch {
    payload = undefined;
  }
  const op = (payload?.name ?? 'unknown') as SimOperation;
  const injected = c.faults.faultCodes[op];
  try {
    if (payload === undefined) {
      throw new SoapFaultSignal('4000', 'Anfrage ist kein gültiger SOAP-Envelope');
    }
    if (injected) {
      throw new SoapFaultSignal(injected);
    }
    const xml = await handleOperation(s, service, payload);
    await send(op, 200, () => xml);
  } catch (e) {
    if (e instanceof SoapFaultSignal) {
      await send(op, 500, () => soapFault(e.code, s.now(), e.detail));
      return;
    }
    throw e;
  }
}

/**
 * Starts a Konnektor simulator on a loopback address. See the package README for the config and what it serves.
 * @param input - the simulator configuration (validated with {@link SimulatorConfigSchema})
 * @example
 * const sim = await startKonnektorSimulator(simulatorPreset('ready'));
 * // … praxisready konnektor inspect --url sim.url …
 * await sim.close();
 */
export async function startKonnektorSimulator(input: SimulatorConfigInput): Promise<KonnektorSimulator> {
  const parsed = validateWith(SimulatorConfigSchema, input);
  if (!parsed.success) {
    throw new AppError('CONFIG_INVALID', 'Invalid Konnektor simulator configuration', {
      issues: parsed.issues,
    });
  }
  const config = parsed.data;
  const fixedNow = config.now;
  const now = () => new Date(fixedNow ?? Date.now()).toISOString();
  const shape = VENDOR_SHAPES[config.vendor];
  const product: ProductInfoValues = {
    ...shape.product,
    informationDate: now(),
    ...(config.connector.firmwareVersion ? { fwVersion: config.connector.firmwareVersion } : {}),
    ...(config.connector.productTypeVersion
      ? { productTypeVersion: config.connector.productTypeVersion }
      : {}),
  };
  const start = new Date(Date.parse(now()) - 86_400_000);
  const ca = await createCa(
    'GEM.KOMP-CA SIMULATOR TEST-ONLY',
    start,
    new Date(Date.parse(now()) + 20 * 365 * 86_400_000),
  );
  const state: State = {
    config,
    product,
    ca,
    cards: config.cards.map((k) => ({
      ...k,
      handle: k.handle ?? randomUUID(),
      insertTime: k.insertTime ?? now(),
    })),
    cardCerts: new Map(),
    log: [],
    now,
  };
  const tls = config.scheme === 'https';
  if (tls) {
    const issued = new Date(`${config.connector.certificateIssued}T00:00:00Z`);
    state.server = await issueCertificate(ca, {
      subject: [['CN', `${config.connector.iccsn}-${compactDate(config.connector.certificateIssued)}`]],
      notBefore: issued,
      notAfter: endOfDay(config.connector.certificateNotAfter),
      dnsNames: ['konnektor.konlan'],
      usage: 'server',
    });
  }
  if (config.profile === 'ti-gateway') {
    const cs = config.contexts[0]!.clientSystemId;
    const client = await issueCertificate(ca, {
      subject: [['CN', cs]],
      notBefore: start,
      notAfter: new Date(Date.parse(now()) + 2 * 365 * 86_400_000),
      usage: 'client',
    });
    const pfxPassphrase = randomUUID();
    state.client = {
      certPem: client.certPem,
      keyPem: client.keyPem,
      pfx: buildPkcs12(client.certPem, client.keyPem, pfxPassphrase, cs),
      pfxPassphrase,
    };
  }

  const sockets = new Set<Socket>();
  let authority = '';
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(state, req, res, authority).catch((e: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`simulator error: ${(e as Error).message}`);
      }
    });
  };
  const server: http.Server = tls
    ? https.createServer(
        {
          key: state.server!.keyPem,
          cert: `${state.server!.certPem}\n${ca.certPem}`,
          minVersion: 'TLSv1.2',
          ...(config.profile === 'ti-gateway'
            ? { requestCert: true, rejectUnauthorized: true, ca: ca.certPem }
            : {}),
        },
        listener,
      )
    : http.createServer(listener);
  server.on('connection', (sock: Socket) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
  });
  server.on('secureConnection', (sock: Socket) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) =>
      reject(
        new AppError(
          'CONFIG_INVALID',
          `Simulator cannot listen on ${config.host}:${config.port}: ${e.message}`,
          { cause: e },
        ),
      ),
    );
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  authority = `${config.host}:${port}`;
  const url = `${config.scheme}://${authority}`;
  return {
    url,
    sdsUrl: `${url}/connector.sds`,
    host: config.host,
    port,
    context: config.contexts[0]!,
    caCertPem: ca.certPem,
    ...(state.server ? { serverCertPem: state.server.certPem } : {}),
    ...(state.client ? { client: state.client } : {}),
    groundTruth: () => buildGroundTruth(state, url),
    requests: () => [...state.log],
    close: () =>
      new Promise<void>((resolve) => {
        for (const sock of sockets) {
          sock.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
