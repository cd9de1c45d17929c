import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('the per-caller rate limit', () => {
  it('allows a burst, then one request per refill interval, each caller on its own', () => {
    let now = 0;
    const limiter = new RateLimiter(60, 2, () => now); // one a second, two at once
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 1]);
    expect(limiter.take('b')).toBe(0);
    now += 1_000;
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 1]);
  });

  it('says how long to wait, in whole seconds', () => {
    const limiter = new RateLimiter(6, 1, () => 0); // one per 10 s
    limiter.take('a');
    expect(limiter.take('a')).toBe(10);
  });

  it('is off at 0 per minute', () => {
    const limiter = new RateLimiter(0, 1);
    expect(Array.from({ length: 5 }, () => limiter.take('a'))).toEqual([0, 0, 0, 0, 0]);
  });
});
