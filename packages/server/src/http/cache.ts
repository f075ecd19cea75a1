import type { AppContext } from '../context.ts';

interface Entry<T> {
  /** `ctx.writeVersion` when the load started: a write after that start makes the entry unusable. */
  version: number;
  /** When the load started (a conservative age). */
  at: number;
  value: Promise<T>;
  settled: boolean;
  /** The one refresh running for this entry (stale-while-revalidate). */
  refresh?: Promise<unknown>;
}

/**
 * A read cache for the board and search.
 *
 * - An entry is usable only while no write happened in this process since its load started
 *   (`ctx.writeVersion`): after a write the next request waits for fresh data, never gets an older value.
 * - Within `boardCacheMs` an entry is served as is; concurrent misses share one load.
 * - Between `boardCacheMs` and twice that (stale-while-revalidate) the previous value is served while ONE
 *   refresh runs, so the clients do not all queue behind the database at every expiry. The age only bounds
 *   staleness towards writes of other processes sharing a PostgreSQL database; older entries are waited for.
 */
export class ReadCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly maxEntries = 1000) {}

  get(ctx: AppContext, key: string, load: () => Promise<T>): Promise<T> {
    const ttl = ctx.config.boardCacheMs;
    if (ttl === 0) {
      return load();
    }
    const now = Date.now();
    const version = ctx.writeVersion.value;
    const e = this.entries.get(key);
    if (e && e.version === version) {
      const age = now - e.at;
      if (age < ttl || !e.settled) {
        return e.value;
      }
      if (age < 2 * ttl) {
        e.refresh ??= this.start(key, version, now, load, true).value.then(
          () => undefined,
          () => {
            // a failed refresh is retried by the next request; the old value ages out at 2 × TTL
            delete e.refresh;
          },
        );
        return e.value;
      }
    }
    return this.start(key, version, now, load).value;
  }

  /**
   * Starts a load. A waited-for load is shared at once; a background refresh replaces the served entry only
   * when it has finished. A finished load never replaces a newer entry.
   */
  private start(
    key: string,
    version: number,
    at: number,
    load: () => Promise<T>,
    background = false,
  ): Entry<T> {
    const entry: Entry<T> = { version, at, value: load(), settled: false };
    entry.value.then(
      () => {
        entry.settled = true;
        const current = this.entries.get(key);
        if (current === undefined || current === entry || this.isOlder(current, entry)) {
          this.put(key, entry);
        }
      },
      () => {
        if (this.entries.get(key) === entry) {
          this.entries.delete(key);
        }
      },
    );
    if (!background) {
      this.put(key, entry);
    }
    return entry;
  }

  private isOlder(a: Entry<T>, b: Entry<T>): boolean {
    return a.version < b.version || (a.version === b.version && a.at <= b.at);
  }

  private put(key: string, entry: Entry<T>): void {
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries) {
      this.entries.clear();
    }
    this.entries.set(key, entry);
  }

  /** Entries held (for tests). */
  get size(): number {
    return this.entries.size;
  }
}
