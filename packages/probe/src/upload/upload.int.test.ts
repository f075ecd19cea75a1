// Upload against a tiny HTTP server of our own on 127.0.0.1 (the real server accepts the same request).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FactsDocumentSchema, type FactsDocument } from '@praxisready/model';
import { flushOutbox, postFacts, uploadOrQueue } from './upload.ts';

const facts = (id: string): FactsDocument =>
  FactsDocumentSchema.parse({
    kind: 'praxisready.facts',
    schemaVersion: '1.0',
    documentId: id,
    collectedAt: '2026-11-23T10:00:00Z',
    probe: { version: '0.1.0', platform: 'linux', arch: 'x64' },
  });

interface Seen {
  auth: string | undefined;
  key: string | undefined;
  body: string;
}

let server: Server | undefined;
const dirs: string[] = [];

afterEach(() => {
  server?.close();
  server = undefined;
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** A server that answers with the given statuses in turn and keeps one stored upload per document id. */
async function startServer(
  statuses: number[],
): Promise<{ url: string; seen: Seen[]; stored: Map<string, string> }> {
  const seen: Seen[] = [];
  const stored = new Map<string, string>();
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({
        auth: req.headers.authorization,
        key: req.headers['idempotency-key'] as string | undefined,
        body,
      });
      const status = statuses.shift() ?? 201;
      if (status < 300) {
        const id = (JSON.parse(body) as { documentId: string }).documentId;
        const existed = stored.has(id);
        stored.set(id, body);
        res.writeHead(existed ? 200 : 201).end();
      } else {
        res.writeHead(status).end();
      }
    });
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/api/probe/uploads`, seen, stored };
}

const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'probe-outbox-'));
  dirs.push(d);
  return d;
};

describe('upload', () => {
  it('retries 503 with backoff, sends Bearer token and Idempotency-Key', async () => {
    const s = await startServer([503, 503, 201]);
    const r = await postFacts(facts('doc-aaaaaaaa'), {
      url: s.url,
      token: 'enroll-1',
      policy: 'loopback',
      backoffMs: 10,
    });
    expect(r).toEqual({ httpStatus: 201, attempts: 3 });
    expect(s.seen.map((x) => [x.auth, x.key])).toEqual(Array(3).fill(['Bearer enroll-1', 'doc-aaaaaaaa']));
    expect(s.stored.size).toBe(1);
  });

  it('a refused token is final (no retry, UNAUTHENTICATED)', async () => {
    const s = await startServer([401]);
    await expect(
      postFacts(facts('doc-bbbbbbbb'), { url: s.url, token: 'x', policy: 'loopback', backoffMs: 10 }),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(s.seen).toHaveLength(1);
  });

  it('offline: kept in the outbox, flushed later exactly once per document id', async () => {
    const outboxDir = tmp();
    // Nothing listens on port 9 of 127.0.0.1: connection refused.
    const q = await uploadOrQueue(facts('doc-cccccccc'), {
      url: 'http://127.0.0.1:9/api/probe/uploads',
      token: 't',
      policy: 'loopback',
      backoffMs: 5,
      attempts: 2,
      outboxDir,
    });
    expect(q.status).toBe('queued');
    expect(readdirSync(outboxDir)).toEqual(['doc-cccccccc.json']);
    const s = await startServer([201, 201]);
    const first = await flushOutbox(outboxDir, { url: s.url, token: 't', policy: 'loopback' });
    expect(first).toEqual({ sent: ['doc-cccccccc'], remaining: [], invalid: [] });
    expect(readdirSync(outboxDir)).toEqual([]);
    // A repeated upload of the same document is idempotent on the server side.
    await postFacts(facts('doc-cccccccc'), { url: s.url, token: 't', policy: 'loopback' });
    expect(s.stored.size).toBe(1);
  });

  it('flush stops at an unreachable server and keeps the rest', async () => {
    const outboxDir = tmp();
    for (const id of ['doc-dddddddd', 'doc-eeeeeeee']) {
      await uploadOrQueue(facts(id), {
        url: 'http://127.0.0.1:9/',
        token: 't',
        policy: 'loopback',
        attempts: 1,
        outboxDir,
      });
    }
    const r = await flushOutbox(outboxDir, {
      url: 'http://127.0.0.1:9/',
      token: 't',
      policy: 'loopback',
      attempts: 1,
    });
    expect(r.remaining).toEqual(['doc-dddddddd', 'doc-eeeeeeee']);
    expect(readdirSync(outboxDir)).toHaveLength(2);
  });

  it('never sends to a non-loopback server in loopback policy', async () => {
    await expect(
      postFacts(facts('doc-ffffffff'), { url: 'http://192.0.2.1/x', token: 't', policy: 'loopback' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
