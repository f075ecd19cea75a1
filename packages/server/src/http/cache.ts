import type { AppContext } from '../context.ts';

/**
 * A tiny read cache for the board and search: an entry is valid while no write happened in this process
 * (`ctx.writeVersion`) and for at most `boardCacheMs` (bounds staleness when several processes share a
 * PostgreSQL database). Concurrent misses share one query.
 */
export class ReadCache<T> {
  private readonly entries = new Map<string, { version: number; at: number; value: Promise<T> }>();

  async get(ctx: AppContext, key: string, load: () => Promise<T>): Promise<T> {
    const ttl = ctx.config.boardCacheMs;
    if (ttl === 0) {
      return load();
    }
    const now = Date.now();
    const e = this.entries.get(key);
    if (e && e.version === ctx.writeVersion.value && now - e.at < ttl) {
      return e.value;
    }
    if (this.entries.size > 1000) {
      this.entries.clear();
    }
    const value = load();
    this.entries.set(key, { version: ctx.writeVersion.value, at: now, value });
    value.catch(() => this.entries.delete(key));
    return value;
  }
}
