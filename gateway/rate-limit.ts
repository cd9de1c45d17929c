/**
 * A token bucket per caller (the token's `sub`), in this gateway process's memory: `burst` requests at
 * once, refilled at `perMinute`. With several gateway replicas behind a load balancer each keeps its own
 * buckets, so a caller gets up to replicas × the limit (README, "Limits").
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    readonly perMinute: number,
    readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes one request from `caller`'s bucket: 0 when allowed, else the seconds until one is free. */
  take(caller: string): number {
    if (this.perMinute <= 0) return 0; // off
    const now = this.now();
    const bucket = this.buckets.get(caller) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(caller, bucket);
      return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
    }
    bucket.tokens -= 1;
    this.buckets.set(caller, bucket);
    if (this.buckets.size > MAX_CALLERS) this.forgetFull(now);
    return 0;
  }

  /** Callers whose bucket has refilled are no different from new ones: forget them. */
  private forgetFull(now: number): void {
    for (const [caller, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.burst) this.buckets.delete(caller);
    }
  }
}

const MAX_CALLERS = 10_000;
