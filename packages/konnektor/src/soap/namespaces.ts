/** Namespace URIs of the gematik schemas (shared/spec/konnektor), keyed by the prefix the XSDs use. */
export const NS = {
  SOAP: 'http://schemas.xmlsoap.org/soap/envelope/',
  CCTX: 'http://ws.gematik.de/conn/ConnectorContext/v2.0',
  CONN: 'http://ws.gematik.de/conn/ConnectorCommon/v5.0',
  CARDCMN: 'http://ws.gematik.de/conn/CardServiceCommon/v2.0',
  CARD: 'http://ws.gematik.de/conn/CardService/v8.1',
  CT: 'http://ws.gematik.de/conn/CardTerminalInfo/v8.0',
  EVT: 'http://ws.gematik.de/conn/EventService/v7.2',
  CERT: 'http://ws.gematik.de/conn/CertificateService/v6.0',
  CERTCMN: 'http://ws.gematik.de/conn/CertificateServiceCommon/v2.0',
  PI: 'http://ws.gematik.de/int/version/ProductInformation/v1.1',
  GERROR: 'http://ws.gematik.de/tel/error/v2.0',
  SD: 'http://ws.gematik.de/conn/ServiceDirectory/v3.1',
  SI: 'http://ws.gematik.de/conn/ServiceInformation/v2.0',
} as const;
export type NsPrefix = keyof typeof NS;

/** `xmlns:X` attributes for the given prefixes. */
export function xmlns(...prefixes: NsPrefix[]): Record<string, string> {
  return Object.fromEntries(prefixes.map((p) => [`xmlns:${p}`, NS[p]]));
}
