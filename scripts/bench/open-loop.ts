/**
 * Load at a fixed offered rate, open loop: a request leaves every 1/rate seconds whether or not the
 * earlier ones have been answered, each on a kept-alive connection of its own when none is free, as many
 * independent clients would send. autocannon's fixed rate is closed loop per connection (a slow answer
 * delays the next request, so overload hides as lower offered load) and starts every connection at once
 * (a burst the gateway would rightly shed). Latency runs from sending to the last byte of the answer.
 */
import { postJson, RequestTimeoutError } from '../../subgraphs/kit/http-client';

/** A client gives up after this long: the answer is counted as a timeout. */
const CLIENT_TIMEOUT_MS = 10_000;

export interface OpenLoopResult {
  sent: number;
  /** 200 with data. */
  ok: number;
  /** 503 OVERLOADED (with Retry-After). */
  shed: number;
  /** Any other status, or a body without data. */
  failed: number;
  /** Broken or refused connections. */
  resets: number;
  timeouts: number;
  /** Latencies of the `ok` answers, milliseconds, sorted. */
  latencies: number[];
  firstFailure?: string;
}

export async function openLoop(options: {
  url: string;
  requests: { headers: Record<string, string>; body: string }[];
  rate: number;
  seconds: number;
  /** Whether a 200 answer is a good one (it carries data, no unexpected error). */
  good(body: string): boolean;
}): Promise<OpenLoopResult> {
  const url = new URL(options.url);
  const result: OpenLoopResult = { sent: 0, ok: 0, shed: 0, failed: 0, resets: 0, timeouts: 0, latencies: [] };
  const pending: Promise<void>[] = [];
  const total = Math.round(options.rate * options.seconds);
  const started = performance.now();
  const send = (i: number) => {
    const request = options.requests[i % options.requests.length]!;
    const sentAt = performance.now();
    result.sent++;
    return postJson(url, request.headers, request.body, { timeoutMs: CLIENT_TIMEOUT_MS, retryReset: false }).then(
      ({ status, body }) => {
        if (status === 200 && options.good(body)) {
          result.ok++;
          result.latencies.push(performance.now() - sentAt);
        } else if (status === 503 && body.includes('"OVERLOADED"')) result.shed++;
        else {
          result.failed++;
          result.firstFailure ??= `HTTP ${status}: ${body.slice(0, 300)}`;
        }
      },
      (error: unknown) => {
        if (error instanceof RequestTimeoutError) result.timeouts++;
        else result.resets++;
      },
    );
  };
  // On schedule: each request at its own moment, however late the timer fires (no catching up in bursts
  // beyond what the timer's lateness makes due).
  for (let i = 0; i < total; ) {
    const due = Math.floor(((performance.now() - started) / 1000) * options.rate) + 1;
    while (i < Math.min(due, total)) pending.push(send(i++));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  result.latencies.sort((a, b) => a - b);
  return result;
}
