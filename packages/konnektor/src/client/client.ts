import { AppError, isAppError } from '@praxisready/model';
import {
  endpointFor,
  parseConnectorSds,
  selectServiceVersion,
  type ConnectorSds,
  type SdsServiceVersion,
} from '../sds/sds.ts';
import { soapEnvelope, unwrapSoap } from '../soap/envelope.ts';
import {
  bodyNamespace,
  isAllowedOperation,
  OPERATIONS,
  parseOperationResponse,
  SERVICES,
  soapAction,
  type KonnektorContext,
  type OperationArgs,
  type OperationName,
  type OperationResult,
  type ServiceName,
} from '../soap/operations.ts';
import {
  DEFAULT_TRANSPORT,
  httpRequest,
  type KonnektorAuth,
  type TlsTrust,
  type TransportOptions,
} from './transport.ts';

export interface KonnektorClientOptions {
  /** Base URL, e.g. `https://192.168.1.10` or `https://192.168.1.10:8443`. */
  url: string;
  context: KonnektorContext;
  auth?: KonnektorAuth;
  trust?: TlsTrust;
  timeoutMs?: number;
  /**
   * Replace scheme and host of the SDS endpoints by the base URL's: `true` always, `false` never, `'auto'` (default)
   * only after an SDS-named host turned out unreachable.
   */
  rewriteEndpoints?: boolean | 'auto';
}

/** A sent request, for tests (schema validation of what the client sends). */
export interface SentRequest {
  operation: OperationName;
  url: string;
  soapAction: string;
  body: string;
}

export interface KonnektorClient {
  readonly baseUrl: URL;
  readonly transport: TransportOptions;
  /** Fetches and parses `connector.sds` (cached after the first success). */
  loadSds(): Promise<{ sds: ConnectorSds; url: string }>;
  /** The version the client uses for a service (after loadSds). */
  selectedVersion(service: ServiceName): SdsServiceVersion | undefined;
  /** Sends one allow-listed, read-only operation. Any other name is refused before anything is sent. */
  call<O extends OperationName>(operation: O, args: OperationArgs<O>): Promise<OperationResult<O>>;
  /** Whether endpoint hosts have been rewritten to the base URL. */
  endpointsRewritten(): boolean;
  /** Requests sent so far. */
  sent(): SentRequest[];
}

function parseBaseUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch (e) {
    throw new AppError('BAD_REQUEST', `Ungültige Konnektor-URL: ${url}`, { cause: e });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new AppError('BAD_REQUEST', `Konnektor-URL muss mit http:// oder https:// beginnen: ${url}`);
  }
  return u;
}

/** Creates a read-only Konnektor client. Nothing is sent until a method is called. */
export function createKonnektorClient(options: KonnektorClientOptions): KonnektorClient {
  const baseUrl = parseBaseUrl(options.url);
  const transport: TransportOptions = {
    ...DEFAULT_TRANSPORT,
    trust: options.trust ?? { mode: 'accept-and-record' },
    auth: options.auth ?? { type: 'none' },
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  };
  const rewriteMode = options.rewriteEndpoints ?? 'auto';
  let rewrite = rewriteMode === true;
  let sds: { sds: ConnectorSds; url: string } | undefined;
  const sent: SentRequest[] = [];

  const sdsUrl = new URL('/connector.sds', baseUrl);
  sdsUrl.pathname = `${baseUrl.pathname.replace(/\/$/, '')}/connector.sds`;

  async function loadSds() {
    if (sds) {
      return sds;
    }
    const res = await httpRequest(sdsUrl, { method: 'GET' }, transport, 'connector.sds');
    if (res.status === 401) {
      throw new AppError('UNAUTHENTICATED', 'connector.sds: Zugriff verweigert (HTTP 401)', {
        hint: 'Basic-Auth-Benutzer und Passwort des Clientsystems prüfen (--basic USER:PASS).',
      });
    }
    if (res.status !== 200) {
      throw new AppError('PEER_FAULT', `connector.sds: HTTP ${res.status}`, {
        details: { operation: 'connector.sds', httpStatus: res.status },
        hint: 'Der Dienstverzeichnisdienst antwortet nicht unter /connector.sds. Basis-URL und Schema (http/https) prüfen; manche Konnektoren liefern das SDS nur per TLS.',
      });
    }
    sds = { sds: parseConnectorSds(res.body), url: sdsUrl.toString() };
    return sds;
  }

  function selectedVersion(service: ServiceName) {
    return sds ? selectServiceVersion(sds.sds, service, SERVICES[service].supported) : undefined;
  }

  async function post<O extends OperationName>(
    operation: O,
    version: SdsServiceVersion,
    args: OperationArgs<O>,
    useRewrite: boolean,
  ) {
    const spec = OPERATIONS[operation];
    const bodyNs = bodyNamespace(spec.service, version.version, version.targetNamespace);
    const url = endpointFor(version, baseUrl, useRewrite);
    const build = (c: KonnektorContext, a: unknown, o: { bodyNs: string; serviceVersion: string }) =>
      spec.build(c, a as never, o);
    const body = soapEnvelope(build(options.context, args, { bodyNs, serviceVersion: version.version }));
    const action = soapAction(bodyNs, operation);
    sent.push({ operation, url: url.toString(), soapAction: action, body });
    const res = await httpRequest(
      url,
      { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: action }, body },
      transport,
      operation,
    );
    if (res.status === 401) {
      throw new AppError('UNAUTHENTICATED', `${operation}: Zugriff verweigert (HTTP 401)`, {
        hint: 'Basic-Auth-Benutzer und Passwort des Clientsystems prüfen.',
      });
    }
    if (res.status !== 200 && !/xml/i.test(res.contentType)) {
      throw new AppError('PEER_FAULT', `${operation}: HTTP ${res.status} von ${url.pathname}`, {
        details: { operation, httpStatus: res.status },
        hint: 'Endpunkt aus dem connector.sds antwortet nicht wie erwartet; Pfade bzw. Reverse-Proxy prüfen.',
      });
    }
    return parseOperationResponse(operation, unwrapSoap(res.body, operation));
  }

  async function call<O extends OperationName>(
    operation: O,
    args: OperationArgs<O>,
  ): Promise<OperationResult<O>> {
    if (!isAllowedOperation(operation)) {
      throw new AppError(
        'BAD_REQUEST',
        `Operation ${String(operation)} ist nicht erlaubt (nur lesende Operationen)`,
      );
    }
    const { sds: directory } = await loadSds();
    const service = OPERATIONS[operation].service;
    const version = selectServiceVersion(directory, service, SERVICES[service].supported);
    if (!version) {
      throw new AppError(
        'NOT_SUPPORTED',
        `${service} in Version ${SERVICES[service].supported.join('/')} fehlt im connector.sds`,
        {
          details: { operation, service },
          hint: 'Der Konnektor bietet keine unterstützte Version dieses Dienstes an (TIP1-A_4968); Firmware-Stand prüfen.',
        },
      );
    }
    try {
      return await post(operation, version, args, rewrite);
    } catch (e) {
      const named = endpointFor(version, baseUrl, false);
      const canRetry =
        rewriteMode === 'auto' &&
        !rewrite &&
        isAppError(e) &&
        (e.code === 'UNREACHABLE' || e.code === 'TIMEOUT') &&
        named.host !== baseUrl.host;
      if (!canRetry) {
        throw e;
      }
      rewrite = true;
      return post(operation, version, args, true);
    }
  }

  return {
    baseUrl,
    transport,
    loadSds,
    selectedVersion,
    call,
    endpointsRewritten: () => rewrite,
    sent: () => [...sent],
  };
}
