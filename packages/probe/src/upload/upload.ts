import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AppError, FactsDocumentSchema, toAppError, type FactsDocument } from '@praxisready/model';
import { assertAllowed, type NetworkPolicy } from '../net/tcp.ts';

/** Where facts wait when the server cannot be reached; one file per document id. */
export function defaultOutboxDir(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.PRAXISREADY_OUTBOX ??
    join(env.LOCALAPPDATA ?? join(homedir(), '.local', 'state'), 'praxisready', 'outbox')
  );
}

export interface UploadOptions {
  url: string;
  /** Enrollment token; sent as Bearer, never written to disk or logs. */
  token: string;
  policy: NetworkPolicy;
  attempts?: number;
  /** First backoff delay; doubles each retry. */
  backoffMs?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export type UploadOutcome =
  | { status: 'sent'; httpStatus: number; attempts: number }
  | { status: 'queued'; path: string; reason: string };

/** Status codes worth retrying (server busy, gateway, rate limit); others are final. */
const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * POSTs the facts document with retry and exponential backoff. The server deduplicates by `documentId` (also sent
 * as `Idempotency-Key`), so a retry after a lost answer cannot create a second upload. Throws UNAUTHENTICATED /
 * VALIDATION_FAILED when the server refuses for good; network failures after the last attempt throw UNREACHABLE.
 */
export async function postFacts(
  facts: FactsDocument,
  options: UploadOptions,
): Promise<{ httpStatus: number; attempts: number }> {
  const url = new URL(options.url);
  assertAllowed(options.policy, url.hostname.replace(/^\[|\]$/g, ''));
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? 500;
  const doFetch = options.fetchImpl ?? fetch;
  const body = JSON.stringify(facts);
  let last: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const res = await doFetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${options.token}`,
          'idempotency-key': facts.documentId,
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) {
        return { httpStatus: res.status, attempts: attempt };
      }
      if (!RETRYABLE.has(res.status)) {
        const code =
          res.status === 401 || res.status === 403
            ? 'UNAUTHENTICATED'
            : res.status === 413
              ? 'TOO_LARGE'
              : 'VALIDATION_FAILED';
        throw new AppError(code, `Server refused the upload: HTTP ${res.status}`, {
          hint:
            res.status === 401 || res.status === 403
              ? 'Token ungültig oder abgelaufen: neues Enrollment-Token anfordern.'
              : undefined,
          details: { httpStatus: res.status },
        });
      }
      last = new AppError('UNREACHABLE', `Server answered HTTP ${res.status}`);
    } catch (e) {
      if (e instanceof AppError && e.code !== 'UNREACHABLE') {
        throw e;
      }
      last = e;
    }
    if (attempt < attempts) {
      await new Promise((r) => setTimeout(r, backoff * 2 ** (attempt - 1)));
    }
  }
  throw new AppError('UNREACHABLE', `Upload to ${url.origin} failed after ${attempts} attempts`, {
    cause: last,
  });
}

/** Writes the document into the outbox atomically (temp file + rename); the file name is the document id. */
export async function queueFacts(facts: FactsDocument, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${facts.documentId}.json`);
  const tmp = `${path}.tmp`;
  await writeFile(tmp, JSON.stringify(facts, null, 2), { mode: 0o600 });
  await rename(tmp, path);
  return path;
}

/** Upload, or keep it in the outbox when the server is unreachable. Refusals (bad token, invalid) still throw. */
export async function uploadOrQueue(
  facts: FactsDocument,
  options: UploadOptions & { outboxDir: string },
): Promise<UploadOutcome> {
  try {
    const r = await postFacts(facts, options);
    return { status: 'sent', ...r };
  } catch (e) {
    const err = toAppError(e);
    if (err.code !== 'UNREACHABLE' && err.code !== 'TIMEOUT') {
      throw err;
    }
    return { status: 'queued', path: await queueFacts(facts, options.outboxDir), reason: err.message };
  }
}

export interface FlushResult {
  sent: string[];
  remaining: string[];
  invalid: string[];
}

/** Sends every queued document; a sent one is removed, an unreachable server leaves the rest for later. */
export async function flushOutbox(dir: string, options: UploadOptions): Promise<FlushResult> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  const result: FlushResult = { sent: [], remaining: [], invalid: [] };
  for (const [i, name] of names.entries()) {
    const path = join(dir, name);
    const parsed = FactsDocumentSchema.safeParse(
      JSON.parse(await readFile(path, 'utf8').catch(() => 'null')),
    );
    if (!parsed.success) {
      result.invalid.push(name);
      continue;
    }
    try {
      await postFacts(parsed.data, options);
      await rm(path);
      result.sent.push(parsed.data.documentId);
    } catch (e) {
      const err = toAppError(e);
      if (err.code === 'UNREACHABLE' || err.code === 'TIMEOUT') {
        result.remaining.push(...names.slice(i).map((n) => n.replace(/\.json$/, '')));
        return result;
      }
      throw err;
    }
  }
  return result;
}
