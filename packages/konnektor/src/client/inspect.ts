import { X509Certificate } from 'node:crypto';
import { isAppError, toAppError, type AppError, type KonnektorFacts } from '@praxisready/model';
import {
  SERVICES,
  type CardInfo,
  type CardTerminalInfo,
  type OperationName,
  type ServiceName,
} from '../soap/operations.ts';
import { endpointFor } from '../sds/sds.ts';
import { createKonnektorClient, type KonnektorClient, type KonnektorClientOptions } from './client.ts';
import { captureTls } from './tls-capture.ts';

type Card = KonnektorFacts['cards'][number];
type Pin = Card['pins'][number];

export interface InspectOptions extends KonnektorClientOptions {
  /** Read the SMC-B C.AUT certificate (ReadCardCertificate, SMC-B only). Default true. */
  readSmcbCertificates?: boolean;
  /** Clock for `readAt` (tests). */
  now?: () => Date;
}

/** PIN types per card type (ILF_PS §4.1.5.2): SMC-B PIN.SMC, HBA PIN.CH and PIN.QES. eGK PINs are not queried. */
const PIN_TYPES: Record<string, Pin['pinType'][]> = {
  'SMC-B': ['PIN.SMC'],
  'HSM-B': ['PIN.SMC'],
  HBA: ['PIN.CH', 'PIN.QES'],
};

/** Card types that carry patient data: their holder name and KVNR are never recorded. */
const PATIENT_CARD_TYPES = new Set(['EGK', 'KVK']);

function errorEntry(operation: string, e: AppError): KonnektorFacts['errors'][number] {
  const gematik = e.details.gematikCode;
  return {
    operation,
    code: e.code,
    ...(typeof gematik === 'string' ? { gematikCode: gematik } : {}),
    message: e.message.slice(0, 2000),
    ...(e.hint ? { hint: e.hint } : {}),
  };
}

function isPlaceholder(t: CardTerminalInfo): boolean {
  const p = t.product;
  return (
    p.fwVersion === '0.0.0' ||
    (p.informationDate ?? '').startsWith('1970-') ||
    (!t.connected && p.fwVersion === undefined)
  );
}

export function terminalFacts(t: CardTerminalInfo): KonnektorFacts['terminals'][number] {
  const placeholder = isPlaceholder(t);
  const slots = t.slots === undefined ? undefined : Number.parseInt(t.slots, 10);
  const out: KonnektorFacts['terminals'][number] = {
    ctId: t.ctId,
    workplaceIds: t.workplaceIds,
    connected: t.connected,
    placeholderProductInfo: placeholder,
  };
  const set = <K extends keyof typeof out>(k: K, v: (typeof out)[K] | undefined) => {
    if (v !== undefined && v !== '') {
      out[k] = v;
    }
  };
  set('name', t.name);
  set('ipAddress', t.ipAddress);
  set('macAddress', t.macAddress);
  set('physical', t.physical);
  set('slots', Number.isFinite(slots) ? slots : undefined);
  if (!placeholder) {
    set('vendor', t.product.vendorName ?? t.product.vendorId);
    set('productName', t.product.productName);
    set('productCode', t.product.productCode);
    set('firmware', t.product.fwVersion);
    set('hardware', t.product.hwVersion);
  }
  return out;
}

export function cardFacts(c: CardInfo): Card {
  const out: Card = {
    cardHandle: c.cardHandle,
    type: c.cardType,
    ctId: c.ctId,
    slotId: c.slotId,
    pins: [],
    certificates: [],
  };
  const set = <K extends keyof Card>(k: K, v: Card[K] | undefined) => {
    if (v !== undefined) {
      out[k] = v;
    }
  };
  set('iccsn', c.iccsn);
  set('holder', PATIENT_CARD_TYPES.has(c.cardType) ? undefined : c.cardHolderName);
  set('insertTime', c.insertTime);
  set('certificateExpiration', c.certificateExpirationDate);
  set('objectSystemVersion', c.objectSystemVersion);
  return out;
}

/** Runs one step; records its error instead of throwing (the whole inspection continues). */
async function step<T>(
  errors: KonnektorFacts['errors'],
  operation: string,
  f: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await f();
  } catch (e) {
    errors.push(errorEntry(operation, toAppError(e)));
    return undefined;
  }
}

function servicesFacts(
  client: KonnektorClient,
  sds: Awaited<ReturnType<KonnektorClient['loadSds']>>['sds'],
): KonnektorFacts['services'] {
  return sds.services.map((s) => {
    const out: KonnektorFacts['services'][number] = {
      name: s.name,
      versions: s.versions.map((v) => v.version),
    };
    if (Object.hasOwn(SERVICES, s.name)) {
      const v = client.selectedVersion(s.name as ServiceName);
      if (v) {
        out.selected = v.version;
        try {
          out.endpoint = endpointFor(v, client.baseUrl, client.endpointsRewritten()).toString();
        } catch {
          // an SDS without a usable endpoint for this version: version still reported
        }
      }
    }
    return out;
  });
}

/**
 * Reads everything the audit needs from a Konnektor, read-only, in the sequence of konnektor.md §5: TLS handshake →
 * connector.sds → GetResourceInformation → GetCardTerminals → GetCards → GetPinStatus (SMC-B, HBA) →
 * CheckCertificateExpiration (without CardHandle; per card on fault) → ReadCardCertificate (SMC-B only).
 * Throws UNREACHABLE/TIMEOUT when the Konnektor or its connector.sds cannot be reached at all; every later failure is
 * recorded in `errors`.
 */
export async function inspectKonnektor(options: InspectOptions): Promise<KonnektorFacts> {
  const now = options.now ?? (() => new Date());
  const started = Date.now();
  const client = createKonnektorClient(options);
  const errors: KonnektorFacts['errors'] = [];
  const auth =
    client.transport.auth.type === 'basic'
      ? 'basic'
      : client.transport.auth.type === 'none'
        ? 'none'
        : 'mtls';

  let tls: KonnektorFacts['tls'];
  if (client.baseUrl.protocol === 'https:') {
    tls = await captureTls(client.baseUrl, client.transport);
  }
  const { sds, url: sdsUrl } = await client.loadSds();

  const call = <O extends OperationName>(op: O, args: Parameters<KonnektorClient['call']>[1]) =>
    step(errors, op, () => client.call(op, args as never));

  const resource = await call('GetResourceInformation', {});
  const terminals = await call('GetCardTerminals', {});
  const cardsRes = await call('GetCards', {});
  const cards = (cardsRes?.cards ?? []).map(cardFacts);

  for (const card of cards) {
    for (const pinType of PIN_TYPES[card.type] ?? []) {
      try {
        const r = await client.call('GetPinStatus', { cardHandle: card.cardHandle, pinType });
        const left = r.leftTries === undefined ? undefined : Number.parseInt(r.leftTries, 10);
        card.pins.push({
          pinType,
          ...(r.pinStatus !== undefined ? { status: r.pinStatus } : {}),
          ...(left !== undefined && Number.isFinite(left) ? { leftTries: left } : {}),
        });
      } catch (e) {
        const err = toAppError(e);
        errors.push(errorEntry('GetPinStatus', err));
        const code = err.details.gematikCode;
        card.pins.push({ pinType, error: typeof code === 'string' ? code : err.code });
      }
    }
  }

  const certService = client.selectedVersion('CertificateService');
  const crypt = certService && certService.version !== '6.0.0' ? ('ECC' as const) : undefined;
  let connectorCertificate: KonnektorFacts['connectorCertificate'];
  const applyExpirations = (
    entries: {
      cardHandle?: string;
      iccsn?: string;
      subjectCommonName?: string;
      serialNumber?: string;
      validity?: string;
    }[],
  ) => {
    for (const e of entries) {
      if (e.cardHandle === undefined) {
        connectorCertificate = {
          ...(e.iccsn ? { iccsn: e.iccsn } : {}),
          ...(e.subjectCommonName ? { commonName: e.subjectCommonName } : {}),
          ...(e.serialNumber ? { serialNumber: e.serialNumber } : {}),
          ...(e.validity ? { validity: e.validity } : {}),
        };
        continue;
      }
      const card = cards.find((c) => c.cardHandle === e.cardHandle);
      if (card && e.validity) {
        card.checkedExpiration = e.validity;
      }
    }
  };
  try {
    const all = await client.call('CheckCertificateExpiration', crypt ? { crypt } : {});
    applyExpirations(all.entries);
  } catch (e) {
    const err = toAppError(e);
    errors.push(errorEntry('CheckCertificateExpiration', err));
    if (isAppError(err) && err.code === 'PEER_FAULT') {
      // Some Konnektoren (RISE vKon) fail the collective query while an HBA is inserted: ask per card instead.
      for (const card of cards.filter((c) => ['SMC-B', 'HBA', 'SMC-KT'].includes(c.type))) {
        const r = await call('CheckCertificateExpiration', {
          cardHandle: card.cardHandle,
          ...(crypt ? { crypt } : {}),
        });
        applyExpirations(r?.entries ?? []);
      }
    }
  }

  if (options.readSmcbCertificates !== false) {
    for (const card of cards.filter((c) => c.type === 'SMC-B')) {
      const r = await call('ReadCardCertificate', {
        cardHandle: card.cardHandle,
        cardType: 'SMC-B',
        certRefs: ['C.AUT'],
        ...(crypt ? { crypt } : {}),
      });
      for (const c of r?.certificates ?? []) {
        let notAfter: string | undefined;
        try {
          notAfter = c.certificateBase64
            ? new Date(new X509Certificate(Buffer.from(c.certificateBase64, 'base64')).validTo).toISOString()
            : undefined;
        } catch {
          notAfter = undefined;
        }
        card.certificates.push({
          certRef: c.certRef,
          ...(crypt ? { crypt } : {}),
          ...(c.subjectName ? { subject: c.subjectName.slice(0, 1000) } : {}),
          ...(c.issuerName ? { issuer: c.issuerName.slice(0, 1000) } : {}),
          ...(c.serialNumber ? { serialNumber: c.serialNumber } : {}),
          ...(notAfter ? { notAfter } : {}),
        });
      }
    }
  }

  const p = sds.product;
  const product: KonnektorFacts['product'] = Object.fromEntries(
    Object.entries({
      vendorId: p.vendorId,
      vendorName: p.vendorName,
      productName: p.productName,
      productCode: p.productCode,
      productType: p.productType,
      productTypeVersion: p.productTypeVersion,
      hwVersion: p.hwVersion,
      fwVersion: p.fwVersion,
      informationDate: p.informationDate,
    }).filter(([, v]) => v !== undefined),
  );
  const context = {
    mandantId: options.context.mandantId,
    clientSystemId: options.context.clientSystemId,
    workplaceId: options.context.workplaceId,
    ...(options.context.userId ? { userId: options.context.userId } : {}),
  };
  return {
    url: client.baseUrl.toString(),
    readAt: now().toISOString(),
    durationMs: Date.now() - started,
    context,
    auth,
    ...(tls ? { tls } : {}),
    sds: {
      url: sdsUrl,
      tlsMandatory: sds.tlsMandatory,
      clientAutMandatory: sds.clientAutMandatory,
      endpointsRewritten: client.endpointsRewritten(),
    },
    product,
    services: servicesFacts(client, sds),
    vpn: {
      ...(resource?.vpnTi ? { ti: resource.vpnTi } : {}),
      ...(resource?.vpnSis ? { sis: resource.vpnSis } : {}),
    },
    errorStates: resource?.errorStates ?? [],
    terminals: (terminals?.terminals ?? []).map(terminalFacts),
    cards,
    ...(connectorCertificate ? { connectorCertificate } : {}),
    errors,
  };
}
