/**
 * @praxisready/ipp: the IPP/1.1 and 2.x binary codec (RFC 8010, collections per RFC 3382). Pure: no I/O.
 *
 * ```ts
 * const body = encodeIpp(ippRequest('Get-Printer-Attributes', { operationAttributes: [attribute('printer-uri', uri(u))] }));
 * const r = decodeIpp(responseBytes);
 * if (r.success) groupAttributes(r.data, DelimiterTag.printerAttributes).get('printer-state');
 * ```
 */
export { decodeIpp, encodeIpp } from './codec.ts';
export type { DecodeOptions, IppAttribute, IppDateTime, IppGroup, IppMessage, IppValue } from './codec.ts';
export {
  DelimiterTag,
  ValueTag,
  ResolutionUnits,
  Operation,
  StatusCode,
  operationName,
  statusName,
  isSuccessStatus,
} from './tags.ts';
export type { OperationName, StatusName } from './tags.ts';
export {
  attribute,
  boolean,
  charset,
  collection,
  dateTime,
  enumValue,
  groupAttributes,
  integer,
  ippRequest,
  keyword,
  mimeMediaType,
  name,
  nameWithLanguage,
  naturalLanguage,
  octetString,
  outOfBand,
  plainValue,
  rangeOfInteger,
  resolution,
  text,
  textWithLanguage,
  uri,
  uriScheme,
} from './values.ts';
export type { PlainValue } from './values.ts';
