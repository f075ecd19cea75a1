import { request } from 'node:http';
import {
  attribute,
  decodeIpp,
  DelimiterTag,
  encodeIpp,
  groupAttributes,
  ippRequest,
  keyword,
  plainValue,
  StatusCode,
  statusName,
  uri as ippUri,
  type PlainValue,
} from '@praxisready/ipp';
import { AppError, toAppError } from '@praxisready/model';

/**
 * Printer attributes by name, each a list of plain values (`plainValue` of @praxisready/ipp: enums as numbers,
 * a resolution as `[x, y, 'dpi']`, a collection as member name → values).
 */
export type NormalizedAttributes = Record<string, PlainValue[]>;

/**
 * Asks a printer for its attributes (Get-Printer-Attributes, `requested-attributes=all`) over plain IPP.
 * Used by the lab's own checks and tests; the probe has its own client.
 */
export async function getPrinterAttributes(
  uri: string,
  options: { timeoutMs?: number } = {},
): Promise<NormalizedAttributes> {
  const url = new URL(uri.replace(/^ipp:/, 'http:'));
  const body = encodeIpp(
    ippRequest('Get-Printer-Attributes', {
      operationAttributes: [
        attribute('printer-uri', ippUri(uri)),
        attribute('requested-attributes', keyword('all')),
      ],
    }),
  );
  const response = await new Promise<Buffer>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port === '' ? 631 : Number(url.port),
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/ipp', 'content-length': body.length },
        timeout: options.timeoutMs ?? 5000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(Buffer.concat(chunks))
            : reject(new AppError('PEER_FAULT', `IPP printer answered HTTP ${res.statusCode ?? '?'}`)),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new AppError('TIMEOUT', `No IPP answer from ${uri}`)));
    req.on('error', (e) => reject(toAppError(e)));
    req.end(body);
  });
  const decoded = decodeIpp(response);
  if (!decoded.success) {
    throw new AppError(
      'PEER_FAULT',
      `Undecodable IPP answer from ${uri}: ${decoded.issues[0]?.message ?? ''}`,
      {
        issues: decoded.issues,
      },
    );
  }
  if (decoded.data.code !== StatusCode['successful-ok']) {
    throw new AppError('PEER_FAULT', `IPP status ${statusName(decoded.data.code)} from ${uri}`);
  }
  const attrs = groupAttributes(decoded.data, DelimiterTag.printerAttributes);
  return Object.fromEntries([...attrs].map(([name, values]) => [name, values.map(plainValue)]));
}
