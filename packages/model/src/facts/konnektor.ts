import { z } from 'zod';

/*
 * Owned by the Konnektor client (issue 4): exactly what `praxisready konnektor inspect --json` prints, and the
 * `konnektor` section of the facts document. Read-only facts; no patient data (eGK holder names and KVNR are never
 * included).
 */

const str = (max = 256) => z.string().max(max);

/** One certificate of the TLS chain the Konnektor presented. */
export const KonnektorCertificateSchema = z.object({
  subject: str(1000),
  commonName: str().optional(),
  subjectAltNames: z.array(str()),
  issuer: str(1000),
  serialNumber: str(),
  notBefore: z.iso.datetime(),
  notAfter: z.iso.datetime(),
  fingerprint256: str(),
});

export const KonnektorTlsFactsSchema = z.object({
  /** e.g. `TLSv1.3`. */
  protocol: str(32),
  cipher: str(),
  /** How the certificate was trusted: recorded only, pinned fingerprint, or a CA bundle. */
  trustMode: z.enum(['accept-and-record', 'pinned', 'ca']),
  /** Whether the chain verified against the given CA bundle / pin (always false in accept-and-record). */
  trusted: z.boolean(),
  authorizationError: str(500).optional(),
  /** Leaf first. */
  chain: z.array(KonnektorCertificateSchema),
  /** Whether the leaf names `konnektor.konlan` (ILF_PS §4.1.1.2); the host name never matches. */
  konnektorKonlan: z.boolean(),
});

export const KonnektorProductSchema = z.object({
  vendorId: str().optional(),
  vendorName: str().optional(),
  productName: str().optional(),
  productCode: str().optional(),
  productType: str().optional(),
  productTypeVersion: str().optional(),
  hwVersion: str().optional(),
  fwVersion: str().optional(),
  informationDate: str().optional(),
});

export const KonnektorServiceSchema = z.object({
  name: str(),
  versions: z.array(str(32)),
  /** The version the client uses (newest with a supported major.minor), when it uses this service. */
  selected: str(32).optional(),
  endpoint: str(2000).optional(),
});

export const KonnektorErrorStateSchema = z.object({
  condition: str(),
  severity: str(32),
  type: str(32),
  active: z.boolean(),
  validFrom: str().optional(),
});

export const KonnektorTerminalSchema = z.object({
  ctId: str(),
  name: str().optional(),
  ipAddress: str().optional(),
  macAddress: str().optional(),
  workplaceIds: z.array(str()),
  connected: z.boolean(),
  physical: z.boolean().optional(),
  slots: z.number().int().nonnegative().optional(),
  vendor: str().optional(),
  productName: str().optional(),
  productCode: str().optional(),
  firmware: str().optional(),
  hardware: str().optional(),
  /** Versions 0.0.0 / 1970 dates: a disconnected terminal's placeholder values, not real firmware. */
  placeholderProductInfo: z.boolean(),
});

export const KonnektorPinSchema = z.object({
  pinType: z.enum(['PIN.SMC', 'PIN.CH', 'PIN.QES']),
  status: str(32).optional(),
  leftTries: z.number().int().nonnegative().optional(),
  /** gematik code when the query failed. */
  error: str(500).optional(),
});

export const KonnektorCardCertificateSchema = z.object({
  certRef: str(16),
  crypt: z.enum(['RSA', 'ECC']).optional(),
  subject: str(1000).optional(),
  issuer: str(1000).optional(),
  serialNumber: str().optional(),
  notAfter: z.iso.datetime().optional(),
});

export const KonnektorCardSchema = z.object({
  cardHandle: str(128),
  type: str(32),
  iccsn: str(32).optional(),
  /** Institution (SMC-B), professional (HBA) or terminal; never set for an eGK (patient data). */
  holder: str().optional(),
  ctId: str(),
  slotId: str(16),
  insertTime: str().optional(),
  /** From GetCards `CertificateExpirationDate` (xs:date, may carry a zone suffix). */
  certificateExpiration: str(32).optional(),
  /** From CheckCertificateExpiration `validity`. */
  checkedExpiration: str(32).optional(),
  objectSystemVersion: str(32).optional(),
  pins: z.array(KonnektorPinSchema),
  certificates: z.array(KonnektorCardCertificateSchema),
});

export const KonnektorConnectorCertificateSchema = z.object({
  iccsn: str(32).optional(),
  commonName: str().optional(),
  serialNumber: str().optional(),
  /** xs:date of the gSMC-K certificate expiry (CheckCertificateExpiration without CardHandle). */
  validity: str(32).optional(),
});

export const KonnektorErrorSchema = z.object({
  /** The step: `tls`, `connector.sds`, or an operation name. */
  operation: str(64),
  /** Our error code (PEER_FAULT, TIMEOUT, …). */
  code: str(64),
  gematikCode: str(16).optional(),
  message: str(2000),
  hint: str(2000).optional(),
});

export const KonnektorFactsSchema = z.object({
  url: str(2000),
  readAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
  context: z.object({
    mandantId: str(64),
    clientSystemId: str(64),
    workplaceId: str(64),
    userId: str(64).optional(),
  }),
  auth: z.enum(['none', 'basic', 'mtls']),
  tls: KonnektorTlsFactsSchema.optional(),
  sds: z.object({
    url: str(2000),
    tlsMandatory: z.boolean(),
    clientAutMandatory: z.boolean(),
    /** Whether endpoint hosts were replaced by the base URL's host. */
    endpointsRewritten: z.boolean(),
  }),
  product: KonnektorProductSchema,
  services: z.array(KonnektorServiceSchema),
  vpn: z.object({
    ti: z.object({ status: str(32), timestamp: str().optional() }).optional(),
    sis: z.object({ status: str(32), timestamp: str().optional() }).optional(),
  }),
  errorStates: z.array(KonnektorErrorStateSchema),
  terminals: z.array(KonnektorTerminalSchema),
  cards: z.array(KonnektorCardSchema),
  connectorCertificate: KonnektorConnectorCertificateSchema.optional(),
  errors: z.array(KonnektorErrorSchema),
});
export type KonnektorFacts = z.infer<typeof KonnektorFactsSchema>;
