import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  attribute,
  decodeIpp,
  DelimiterTag,
  encodeIpp,
  groupAttributes,
  ippRequest,
  isSuccessStatus,
  keyword,
  plainValue,
  ResolutionUnits,
  statusName,
  uri as ippUri,
  type IppValue,
} from '@praxisready/ipp';
import { AppError, toAppError, type PrinterFacts } from '@praxisready/model';

/** The attributes the audit needs (Get-Printer-Attributes `requested-attributes`). */
export const PRINTER_ATTRIBUTES = [
  'printer-name',
  'printer-make-and-model',
  'document-format-supported',
  'printer-resolution-supported',
  'media-source-supported',
  'printer-state',
] as const;

const STATES: Record<number, string> = { 3: 'idle', 4: 'processing', 5: 'stopped' };

/** An answer larger than this is refused: six requested attributes come to a few kB. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** The printer-attributes group of a Get-Printer-Attributes answer, by attribute name. */
export type PrinterAttributes = ReadonlyMap<string, readonly IppValue[]>;

/** A value as text: strings as they are, numbers and booleans printed, anything else (collections …) skipped. */
function text(v: IppValue): string | undefined {
  const p = plainValue(v);
  return typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean' ? String(p) : undefined;
}

const texts = (values: readonly IppValue[] | undefined): string[] =>
  (values ?? []).map(text).filter((t): t is string => t !== undefined);

/** Turns the printer attributes of a Get-Printer-Attributes answer into facts. */
export function printerFactsFromAttributes(
  attrs: PrinterAttributes,
): Pick<
  PrinterFacts,
  'name' | 'makeAndModel' | 'documentFormats' | 'pdfSupported' | 'resolutionsDpi' | 'trays' | 'state'
> {
  const dpi = (attrs.get('printer-resolution-supported') ?? [])
    .flatMap((r) => (r.kind === 'resolution' ? [r] : []))
    // dots per cm → dpi; the cross-feed (x) resolution is what the eRezept minimum speaks about.
    .map((r) =>
      Math.round(r.units === ResolutionUnits.dpcm ? Math.min(r.x, r.y) * 2.54 : Math.min(r.x, r.y)),
    );
  const formats = texts(attrs.get('document-format-supported'));
  const state = attrs.get('printer-state')?.[0];
  const name = texts(attrs.get('printer-name'))[0];
  const makeAndModel = texts(attrs.get('printer-make-and-model'))[0];
  const stateText =
    state === undefined
      ? undefined
      : state.kind === 'integer'
        ? (STATES[state.value] ?? String(state.value))
        : text(state);
  return {
    ...(name !== undefined ? { name } : {}),
    ...(makeAndModel !== undefined ? { makeAndModel } : {}),
    documentFormats: formats,
    pdfSupported: formats.includes('application/pdf'),
    resolutionsDpi: [...new Set(dpi)].sort((a, b) => a - b),
    trays: texts(attrs.get('media-source-supported')),
    ...(stateText !== undefined ? { state: stateText } : {}),
  };
}

/** Get-Printer-Attributes over ipp:// (http) or ipps:// (https, certificate recorded, not verified). */
export async function getPrinterAttributes(uri: string, timeoutMs: number): Promise<PrinterAttributes> {
  const url = new URL(uri);
  const secure = url.protocol === 'ipps:';
  const body = encodeIpp(
    ippRequest('Get-Printer-Attributes', {
      language: 'de',
      operationAttributes: [
        attribute('printer-uri', ippUri(uri)),
        attribute('requested-attributes', ...PRINTER_ATTRIBUTES.map(keyword)),
      ],
    }),
  );
  const response = await new Promise<Buffer>((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)(
      {
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port === '' ? 631 : Number(url.port),
        path: url.pathname || '/',
        method: 'POST',
        headers: { 'content-type': 'application/ipp', 'content-length': body.length },
        timeout: timeoutMs,
        ...(secure ? { rejectUnauthorized: false } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_RESPONSE_BYTES) {
            req.destroy(
              new AppError('PEER_FAULT', `IPP answer from ${uri} larger than ${MAX_RESPONSE_BYTES} bytes`),
            );
            return;
          }
          chunks.push(c);
        });
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(Buffer.concat(chunks))
            : reject(new AppError('PEER_FAULT', `IPP: HTTP ${res.statusCode ?? '?'} from ${uri}`)),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new AppError('TIMEOUT', `No IPP answer from ${uri} in ${timeoutMs} ms`)),
    );
    req.on('error', (e) => reject(toAppError(e)));
    req.end(body);
  });
  const decoded = decodeIpp(response);
  if (!decoded.success) {
    const first = decoded.issues[0];
    throw new AppError('PEER_FAULT', `IPP: undecodable answer from ${uri}: ${first?.message ?? 'unknown'}`, {
      issues: decoded.issues,
    });
  }
  // 0x0000–0x00FF: success, possibly with ignored or substituted attributes (RFC 8011 §4.1.6).
  if (!isSuccessStatus(decoded.data.code)) {
    throw new AppError('PEER_FAULT', `IPP status ${statusName(decoded.data.code)} from ${uri}`);
  }
  return groupAttributes(decoded.data, DelimiterTag.printerAttributes);
}
