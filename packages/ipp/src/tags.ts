/**
 * IPP tag, operation and status tables (RFC 8010 §3.5, RFC 8011 §5.4.15 and §B, RFC 3382 for collections).
 * Numbers are the on-the-wire values; names are the keywords the RFCs and `ipptool` print.
 */

/** Delimiter tags 0x00–0x0F: start an attribute group, or end the attributes (0x03). */
export const DelimiterTag = {
  operationAttributes: 0x01,
  jobAttributes: 0x02,
  endOfAttributes: 0x03,
  printerAttributes: 0x04,
  unsupportedAttributes: 0x05,
  subscriptionAttributes: 0x06,
  eventNotificationAttributes: 0x07,
  resourceAttributes: 0x08,
  documentAttributes: 0x09,
  systemAttributes: 0x0a,
} as const;
export type DelimiterTag = (typeof DelimiterTag)[keyof typeof DelimiterTag];

/** Value tags 0x10–0xFF. Tags not listed here are kept as raw octets so a message still round-trips. */
export const ValueTag = {
  // Out-of-band values (RFC 8010 §3.5.2): no value bytes.
  unsupported: 0x10,
  unknown: 0x12,
  noValue: 0x13,
  notSettable: 0x15,
  deleteAttribute: 0x16,
  adminDefine: 0x17,
  // Integer types.
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  // Octet-string types.
  octetString: 0x30,
  dateTime: 0x31,
  resolution: 0x32,
  rangeOfInteger: 0x33,
  begCollection: 0x34,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  endCollection: 0x37,
  // Character-string types.
  textWithoutLanguage: 0x41,
  nameWithoutLanguage: 0x42,
  keyword: 0x44,
  uri: 0x45,
  uriScheme: 0x46,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
  memberAttrName: 0x4a,
} as const;
export type ValueTag = (typeof ValueTag)[keyof typeof ValueTag];

export const OUT_OF_BAND_TAGS: ReadonlySet<number> = new Set([
  ValueTag.unsupported,
  ValueTag.unknown,
  ValueTag.noValue,
  ValueTag.notSettable,
  ValueTag.deleteAttribute,
  ValueTag.adminDefine,
]);

/** Character-string tags whose value is UTF-8 (or US-ASCII, a subset) text. */
export const STRING_TAGS: ReadonlySet<number> = new Set([
  ValueTag.textWithoutLanguage,
  ValueTag.nameWithoutLanguage,
  ValueTag.keyword,
  ValueTag.uri,
  ValueTag.uriScheme,
  ValueTag.charset,
  ValueTag.naturalLanguage,
  ValueTag.mimeMediaType,
]);

/** Resolution units (RFC 8011 §5.1.16). */
export const ResolutionUnits = { dpi: 3, dpcm: 4 } as const;

/** The operations a practice printer is asked about (RFC 8011 §5.4.15, a subset). */
export const Operation = {
  'Print-Job': 0x0002,
  'Print-URI': 0x0003,
  'Validate-Job': 0x0004,
  'Create-Job': 0x0005,
  'Send-Document': 0x0006,
  'Send-URI': 0x0007,
  'Cancel-Job': 0x0008,
  'Get-Job-Attributes': 0x0009,
  'Get-Jobs': 0x000a,
  'Get-Printer-Attributes': 0x000b,
  'Hold-Job': 0x000c,
  'Release-Job': 0x000d,
  'Restart-Job': 0x000e,
  'Pause-Printer': 0x0010,
  'Resume-Printer': 0x0011,
  'Purge-Jobs': 0x0012,
  'Identify-Printer': 0x003c,
} as const;
export type OperationName = keyof typeof Operation;

/** Status codes (RFC 8011 Appendix B, a subset). Below 0x0100 is success. */
export const StatusCode = {
  'successful-ok': 0x0000,
  'successful-ok-ignored-or-substituted-attributes': 0x0001,
  'successful-ok-conflicting-attributes': 0x0002,
  'client-error-bad-request': 0x0400,
  'client-error-forbidden': 0x0401,
  'client-error-not-authenticated': 0x0402,
  'client-error-not-authorized': 0x0403,
  'client-error-not-possible': 0x0404,
  'client-error-timeout': 0x0405,
  'client-error-not-found': 0x0406,
  'client-error-gone': 0x0407,
  'client-error-request-entity-too-large': 0x0408,
  'client-error-request-value-too-long': 0x0409,
  'client-error-document-format-not-supported': 0x040a,
  'client-error-attributes-or-values-not-supported': 0x040b,
  'server-error-internal-error': 0x0500,
  'server-error-operation-not-supported': 0x0501,
  'server-error-service-unavailable': 0x0502,
  'server-error-version-not-supported': 0x0503,
  'server-error-device-error': 0x0504,
  'server-error-temporary-error': 0x0505,
  'server-error-not-accepting-jobs': 0x0506,
  'server-error-busy': 0x0507,
} as const;
export type StatusName = keyof typeof StatusCode;

const operationNames = new Map<number, string>(Object.entries(Operation).map(([k, v]) => [v, k]));
const statusNames = new Map<number, string>(Object.entries(StatusCode).map(([k, v]) => [v, k]));

/** `Get-Printer-Attributes`, or `0x4002` for an operation outside the table. */
export function operationName(code: number): string {
  return operationNames.get(code) ?? `0x${code.toString(16).padStart(4, '0')}`;
}

/** `successful-ok`, or `0x0480` for a status outside the table. */
export function statusName(code: number): string {
  return statusNames.get(code) ?? `0x${code.toString(16).padStart(4, '0')}`;
}

/** RFC 8011 §4.1.6: status codes 0x0000–0x00FF are successful (possibly with warnings). */
export function isSuccessStatus(code: number): boolean {
  return code >= 0 && code <= 0x00ff;
}
