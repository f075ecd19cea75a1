import { createApiClient, type ApiClient } from '../api/client.ts';

/** A route handler gets the request body (parsed JSON, or FormData) and returns [status, body] or a body (200). */
export type Handler = (body: unknown, url: URL) => unknown;
export type RouteTable = Record<string, Handler | object>;

export interface MockApi {
  api: ApiClient;
  /** Every call as "METHOD /path" with its body, in order. */
  calls: { route: string; body: unknown; auth: string | null }[];
}

/** A status reply for a route table entry, e.g. `reply(409, { code: 'CONFLICT', … })`. */
export function reply(status: number, body: unknown) {
  return { __status: status, body };
}

/**
 * The real client over a fake fetch answering from a route table keyed "METHOD /path" (query ignored).
 * Unknown routes answer 404 with the server's error shape, so a missing entry fails the test loudly.
 */
export function mockApi(routes: RouteTable): MockApi {
  const calls: MockApi['calls'] = [];
  const fetchImpl = (input: string, init?: RequestInit): Promise<Response> => {
    const url = new URL(input, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const route = `${method} ${url.pathname}`;
    const raw = init?.body;
    const body = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
    const headers = new Headers(init?.headers);
    calls.push({ route, body, auth: headers.get('authorization') });
    const entry = routes[route];
    if (entry === undefined) {
      return Promise.resolve(
        new Response(JSON.stringify({ code: 'NOT_FOUND', message: `No mock for ${route}`, issues: [] }), {
          status: 404,
        }),
      );
    }
    const out = typeof entry === 'function' ? (entry as Handler)(body, url) : entry;
    const isReply = typeof out === 'object' && out !== null && '__status' in out;
    const status = isReply ? (out as { __status: number }).__status : 200;
    const payload = isReply ? (out as unknown as { body: unknown }).body : out;
    return Promise.resolve(new Response(payload === undefined ? '' : JSON.stringify(payload), { status }));
  };
  return { api: createApiClient({ fetch: fetchImpl, token: () => 'prs_test' }), calls };
}
