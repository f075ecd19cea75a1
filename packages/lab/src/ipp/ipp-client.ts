import { request } from 'node:http';
import ipp from 'ipp';
import { AppError, toAppError } from '@praxisready/model';

/** One printer attribute, always as a list of values (the `ipp` parser returns single values bare). */
export type NormalizedAttributes = Record<string, unknown[]>;

/**
 * Asks a printer for its attributes (Get-Printer-Attributes, `requested-attributes=all`) over plain IPP.
 * Used by the lab's own checks and tests; the probe has its own client.
 */
export async function getPrinterAttributes(
  uri: string,
  options: { timeoutMs?: number } = {},
): Promise<NormalizedAttributes> {
  const url = new URL(uri.replace(/^ipp:/, 'http:'));
  const body = ipp.serialize({
    version: '2.0',
    operation: 'Get-Printer-Attributes',
    id: 1,
    'operation-attributes-tag': {
      'attributes-charset': 'utf-8',
      'attributes-natural-language': 'en',
      'printer-uri': uri,
      'requested-attributes': ['all'],
    },
  });
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
  const parsed = ipp.parse(response) as {
    statusCode?: string;
    'printer-attributes-tag'?: Record<string, unknown>;
  };
  if (parsed.statusCode !== 'successful-ok') {
    throw new AppError('PEER_FAULT', `IPP status ${parsed.statusCode ?? 'unknown'} from ${uri}`);
  }
  return normalizeAttributes(parsed['printer-attributes-tag'] ?? {});
}

/**
 * Makes every attribute a list. The `ipp` parser returns a single value bare and a resolution as an array, so
 * `[600, 600, 'dpi']` is one value and `[[300, 300, 'dpi'], [600, 600, 'dpi']]` two. (A single rangeOfInteger
 * stays ambiguous with a 1setOf integer; the lab compares no ranges.)
 */
export function normalizeAttributes(attrs: Record<string, unknown>): NormalizedAttributes {
  const out: NormalizedAttributes = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (!Array.isArray(value)) {
      out[name] = [value];
    } else if (value.length > 0 && !Array.isArray(value[0]) && isCompositeValue(value)) {
      out[name] = [value];
    } else {
      out[name] = value as unknown[];
    }
  }
  return out;
}

/** `[x, y, 'dpi'|'dpcm']`: one resolution value. */
function isCompositeValue(value: unknown[]): boolean {
  return value.length === 3 && typeof value[0] === 'number' && (value[2] === 'dpi' || value[2] === 'dpcm');
}
