import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import ipp from 'ipp';
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

const STATES: Record<string, string> = { '3': 'idle', '4': 'processing', '5': 'stopped' };

/** An attribute value as text (the parser gives strings, numbers or keywords). */
const text = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);

const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/**
 * Turns the `printer-attributes-tag` of the `ipp` parser into facts. The parser returns a single value bare and
 * a resolution as `[x, y, 'dpi']`, so one resolution and a list of resolutions must be told apart.
 */
export function printerFactsFromAttributes(
  attrs: Record<string, unknown>,
): Pick<
  PrinterFacts,
  'name' | 'makeAndModel' | 'documentFormats' | 'pdfSupported' | 'resolutionsDpi' | 'trays' | 'state'
> {
  const res = attrs['printer-resolution-supported'];
  const resolutions: unknown[] =
    Array.isArray(res) && res.length === 3 && typeof res[2] === 'string' ? [res] : list(res);
  const dpi = resolutions
    .map((r) => (Array.isArray(r) ? { x: Number(r[0]), y: Number(r[1]), unit: String(r[2]) } : undefined))
    .filter((r): r is { x: number; y: number; unit: string } => r !== undefined && Number.isFinite(r.x))
    // dots per cm → dpi; the cross-feed (x) resolution is what the eRezept minimum speaks about.
    .map((r) => Math.round(r.unit === 'dpcm' ? Math.min(r.x, r.y) * 2.54 : Math.min(r.x, r.y)));
  const formats = list(attrs['document-format-supported']).map(text);
  const state = attrs['printer-state'];
  const name = attrs['printer-name'];
  const makeAndModel = attrs['printer-make-and-model'];
  return {
    ...(name !== undefined ? { name: text(name) } : {}),
    ...(makeAndModel !== undefined ? { makeAndModel: text(makeAndModel) } : {}),
    documentFormats: formats,
    pdfSupported: formats.includes('application/pdf'),
    resolutionsDpi: [...new Set(dpi)].sort((a, b) => a - b),
    trays: list(attrs['media-source-supported']).map(text),
    ...(state !== undefined ? { state: STATES[text(state)] ?? text(state) } : {}),
  };
}

/** Get-Printer-Attributes over ipp:// (http) or ipps:// (https, certificate recorded, not verified). */
export async function getPrinterAttributes(uri: string, timeoutMs: number): Promise<Record<string, unknown>> {
  const url = new URL(uri);
  const secure = url.protocol === 'ipps:';
  const body = ipp.serialize({
    version: '2.0',
    operation: 'Get-Printer-Attributes',
    id: 1,
    'operation-attributes-tag': {
      'attributes-charset': 'utf-8',
      'attributes-natural-language': 'de',
      'printer-uri': uri,
      'requested-attributes': [...PRINTER_ATTRIBUTES],
    },
  });
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
        res.on('data', (c: Buffer) => chunks.push(c));
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
  const parsed = ipp.parse(response) as {
    statusCode?: string;
    'printer-attributes-tag'?: Record<string, unknown>;
  };
  if (
    parsed.statusCode !== 'successful-ok' &&
    parsed.statusCode !== 'successful-ok-ignored-or-substituted-attributes'
  ) {
    throw new AppError('PEER_FAULT', `IPP status ${parsed.statusCode ?? 'unknown'} from ${uri}`);
  }
  return parsed['printer-attributes-tag'] ?? {};
}
