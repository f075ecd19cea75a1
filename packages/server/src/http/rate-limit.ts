/**
 * A fixed-window counter per key (token hash, client address). In memory: enough for one server process, and
 * the form link is per case, so a per-process limit already stops guessing and flooding.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts a hit; false when the key is over its limit in the current window. */
  hit(key: string, now = Date.now()): boolean {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) {
        this.sweep(now);
      }
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    w.count++;
    return w.count <= this.limit;
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) {
      if (now - w.start >= this.windowMs) {
        this.windows.delete(k);
      }
    }
  }
}
