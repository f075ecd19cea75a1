import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('allows `limit` hits per window and key, then refuses until the window ends', () => {
    const r = new RateLimiter(3, 1000);
    expect([1, 2, 3, 4].map(() => r.hit('a', 0))).toEqual([true, true, true, false]);
    expect(r.hit('b', 10)).toBe(true);
    expect(r.hit('a', 999)).toBe(false);
    expect(r.hit('a', 1000)).toBe(true);
  });
});
