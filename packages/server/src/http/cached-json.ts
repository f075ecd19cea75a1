import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { TypedResponse } from 'hono';

const gzipAsync = promisify(gzip);

/** Smaller bodies are sent as they are: compressing them saves less than the header costs. */
const GZIP_MIN_BYTES = 1024;

/**
 * A JSON body serialised (and, when large, gzip-compressed) once when a read cache is filled, so that a cache
 * hit costs neither JSON.stringify nor compression: the board's 160 cards are ~40 kB of JSON, ~4 kB gzipped.
 */
export interface CachedJson {
  text: string;
  gzip: Uint8Array<ArrayBuffer> | undefined;
}

export async function cachedJson(value: unknown): Promise<CachedJson> {
  const text = JSON.stringify(value);
  // zlib's async form runs on the libuv pool, off the event loop that serves the other requests
  const gzipped =
    Buffer.byteLength(text) >= GZIP_MIN_BYTES ? new Uint8Array(await gzipAsync(text)) : undefined;
  return { text, gzip: gzipped };
}

/** Whether an Accept-Encoding header allows gzip (`gzip`, `x-gzip` or `*`, not with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) {
    return false;
  }
  let star = false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip' || name === 'x-gzip') {
      return allowed;
    }
    if (name === '*') {
      star = allowed;
    }
  }
  return star;
}

interface BodyContext {
  req: { header(name: string): string | undefined };
  body(data: string | Uint8Array<ArrayBuffer>, status: 200, headers: Record<string, string>): Response;
}

/** The response for a cached JSON body, gzip when the client accepts it; typed as the JSON it is. */
export function sendCachedJson(c: BodyContext, body: CachedJson): TypedResponse<unknown, 200, 'json'> {
  const headers = { 'Content-Type': 'application/json', Vary: 'Accept-Encoding' };
  const response =
    body.gzip && acceptsGzip(c.req.header('accept-encoding'))
      ? c.body(body.gzip, 200, { ...headers, 'Content-Encoding': 'gzip' })
      : c.body(body.text, 200, headers);
  return response as unknown as TypedResponse<unknown, 200, 'json'>;
}
