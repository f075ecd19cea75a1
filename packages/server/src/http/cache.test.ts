import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../context.ts';
import { ReadCache } from './cache.ts';
import { acceptsGzip, cachedJson } from './cached-json.ts';
import { gunzipSync } from 'node:zlib';

const TTL = 1000;

function fakeCtx(ttl = TTL) {
  return { config: { boardCacheMs: ttl }, writeVersion: { value: 0 } } as unknown as AppContext & {
    writeVersion: { value: number };
  };
}

/** A load whose results are released by the test, counting its calls. */
function controlledLoad() {
  const pending: ((v: string) => void)[] = [];
  const failing: ((e: Error) => void)[] = [];
  let calls = 0;
  return {
    load: () => {
      calls++;
      return new Promise<string>((resolve, reject) => {
        pending.push(resolve);
        failing.push(reject);
      });
    },
    get calls() {
      return calls;
    },
    /** Resolves the oldest unresolved call. */
    resolveNext(v: string) {
      failing.shift();
      pending.shift()!(v);
    },
    rejectNext(e: Error) {
      pending.shift();
      failing.shift()!(e);
    },
  };
}

const flush = () => new Promise<void>((r) => setImmediate(r));

/** A cache holding `value` under key 'k', loaded at time 0 by a controlled load (1 call so far). */
async function filled(value: string) {
  const ctx = fakeCtx();
  const cache = new ReadCache<string>();
  const l = controlledLoad();
  const first = cache.get(ctx, 'k', l.load);
  l.resolveNext(value);
  await first;
  return { ctx, cache, l };
}

describe('ReadCache', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shares one load between concurrent misses and serves it within the TTL', async () => {
    const ctx = fakeCtx();
    const cache = new ReadCache<string>();
    const l = controlledLoad();
    const a = cache.get(ctx, 'k', l.load);
    const b = cache.get(ctx, 'k', l.load);
    l.resolveNext('v1');
    expect([await a, await b]).toEqual(['v1', 'v1']);
    vi.setSystemTime(TTL - 1);
    expect(await cache.get(ctx, 'k', l.load)).toBe('v1');
    expect(l.calls).toBe(1);
  });

  it('after a write in this process the next request waits for fresh data, even within the TTL', async () => {
    const { ctx, cache, l } = await filled('before');
    ctx.writeVersion.value++;
    const after = cache.get(ctx, 'k', l.load);
    expect(l.calls).toBe(2);
    l.resolveNext('after');
    expect(await after).toBe('after');
  });

  it('serves the previous value after the TTL while exactly one refresh runs, then the refreshed one', async () => {
    const { ctx, cache, l } = await filled('old');
    vi.setSystemTime(TTL + 10);
    const stale = await Promise.all([1, 2, 3].map(() => cache.get(ctx, 'k', l.load)));
    expect(stale).toEqual(['old', 'old', 'old']);
    expect(l.calls).toBe(2);
    l.resolveNext('new');
    await flush();
    expect(await cache.get(ctx, 'k', l.load)).toBe('new');
    expect(l.calls).toBe(2);
  });

  it('waits instead of serving a value older than twice the TTL', async () => {
    const { ctx, cache, l } = await filled('old');
    vi.setSystemTime(2 * TTL);
    const a = cache.get(ctx, 'k', l.load);
    const b = cache.get(ctx, 'k', l.load);
    expect(l.calls).toBe(2);
    l.resolveNext('new');
    expect([await a, await b]).toEqual(['new', 'new']);
  });

  it('never serves a refresh that started before a write, nor the value before it', async () => {
    const { ctx, cache, l } = await filled('v0');
    vi.setSystemTime(TTL + 1);
    expect(await cache.get(ctx, 'k', l.load)).toBe('v0'); // starts the background refresh (call 2)
    ctx.writeVersion.value++;
    const afterWrite = cache.get(ctx, 'k', l.load); // must not get v0 nor the refresh: call 3
    expect(l.calls).toBe(3);
    l.resolveNext('refresh-before-write');
    await flush();
    l.resolveNext('after-write');
    expect(await afterWrite).toBe('after-write');
    expect(await cache.get(ctx, 'k', l.load)).toBe('after-write');
    expect(l.calls).toBe(3);
  });

  it('does not keep a failed load; a failed refresh keeps the old value and is retried', async () => {
    const ctx = fakeCtx();
    const cache = new ReadCache<string>();
    const l = controlledLoad();
    const failed = cache.get(ctx, 'k', l.load);
    l.rejectNext(new Error('db down'));
    await expect(failed).rejects.toThrow('db down');
    const second = cache.get(ctx, 'k', l.load);
    l.resolveNext('v');
    expect(await second).toBe('v');
    vi.setSystemTime(TTL + 5);
    expect(await cache.get(ctx, 'k', l.load)).toBe('v');
    l.rejectNext(new Error('refresh failed'));
    await flush();
    expect(await cache.get(ctx, 'k', l.load)).toBe('v');
    expect(l.calls).toBe(4);
    l.resolveNext('v2');
    await flush();
    expect(await cache.get(ctx, 'k', l.load)).toBe('v2');
  });

  it('loads every time when the TTL is 0', async () => {
    const ctx = fakeCtx(0);
    const cache = new ReadCache<string>();
    let n = 0;
    const load = () => Promise.resolve(`v${++n}`);
    expect([await cache.get(ctx, 'k', load), await cache.get(ctx, 'k', load)]).toEqual(['v1', 'v2']);
  });

  it('keys are independent and the number of entries is bounded', async () => {
    const ctx = fakeCtx();
    const cache = new ReadCache<string>(3);
    for (const k of ['a', 'b', 'c', 'd']) {
      expect(await cache.get(ctx, k, () => Promise.resolve(k))).toBe(k);
    }
    expect(cache.size).toBeLessThanOrEqual(3);
    expect(await cache.get(ctx, 'd', () => Promise.resolve('other'))).toBe('d');
  });
});

describe('cachedJson', () => {
  it('keeps the text and a gzip copy of large bodies only', async () => {
    const big = { cards: Array.from({ length: 100 }, (_, i) => ({ id: `case-${i}`, title: 'Tech-Audit' })) };
    const b = await cachedJson(big);
    expect(JSON.parse(b.text)).toEqual(big);
    expect(JSON.parse(gunzipSync(b.gzip!).toString('utf8'))).toEqual(big);
    expect(b.gzip!.length).toBeLessThan(b.text.length / 4);
    expect((await cachedJson({ a: 1 })).gzip).toBeUndefined();
  });

  it('reads Accept-Encoding: gzip unless refused with q=0', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('GZIP')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
    expect(acceptsGzip('*;q=0')).toBe(false);
    expect(acceptsGzip('br, identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
  });
});
