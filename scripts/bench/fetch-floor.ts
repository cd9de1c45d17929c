/**
 * The floor comparison (issue 15): the household picture's subgraph fetches, recorded once through our
 * gateway (recorder.ts), sent straight to each subgraph and to the floor (floor.ts) at saturation; the CPU
 * per fetch of each process, from /proc. The floor serves the brp and Wmo fetches; the other lokets' and
 * the wijkteam's entity fetches have the Wmo fetch's shape and are compared with it.
 */
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { signedHeaders } from '../../subgraphs/kit/auth/gateway-credential';
import type { SubgraphName } from '../../subgraphs/kit/config';
import type { ServiceProcess } from './processes';
import type { RecordedFetch } from './recorder';

export interface FloorRow {
  service: string;
  /** Which floor fetch it is compared with. */
  floor: 'brp' | 'wmo';
  fetchesPerSecond: number;
  cpuMsPerFetch: number;
  floorFetchesPerSecond: number;
  floorCpuMsPerFetch: number;
  /** Recorded fetches whose answer from the floor differed from the subgraph's (data, error paths and codes). */
  mismatches: number;
}

interface Replayable {
  url: string;
  body: string;
  sign(): Record<string, string>;
}

function replayable(fetch: RecordedFetch, url: string, secret: Uint8Array): Replayable {
  const { query, variables } = JSON.parse(fetch.body) as { query?: string; variables?: Record<string, unknown> };
  // The casus route is signed over its path and its body, as the gateway signs it (casus-toegang.ts).
  const signed = fetch.path.startsWith('/graphql') ? { query, variables } : { query: fetch.path, variables: JSON.parse(fetch.body) as Record<string, unknown> };
  return { url, body: fetch.body, sign: () => signedHeaders(secret, { ...fetch, ...signed }) };
}

/** What a comparison of two answers looks at: the data, and where each error is with its code. */
function comparable(answer: string): unknown {
  const parsed = JSON.parse(answer) as { data?: unknown; errors?: { path?: unknown; extensions?: { code?: unknown } }[] };
  return { data: parsed.data, errors: (parsed.errors ?? []).map((e) => `${JSON.stringify(e.path)} ${e.extensions?.code}`).sort() };
}

async function saturate(list: Replayable[], seconds: number, process: ServiceProcess): Promise<{ perSecond: number; cpuMs: number; failed: number }> {
  let i = 0;
  let failed = 0;
  const before = process.usage().cpuSeconds;
  const result = await autocannon({
    url: list[0]!.url,
    method: 'POST',
    connections: 8,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const next = list[i++ % list.length]!;
          return { ...request, path: new URL(next.url).pathname, headers: { ...request.headers, ...next.sign() }, body: next.body };
        },
        onResponse: (status) => {
          if (status !== 200) failed++;
        },
      },
    ],
  });
  const served = result.requests.total;
  return { perSecond: result.requests.average, cpuMs: served ? ((process.usage().cpuSeconds - before) * 1000) / served : Number.NaN, failed: failed + result.errors + result.timeouts };
}

async function mismatches(fetches: RecordedFetch[], floorUrl: string, secret: Uint8Array): Promise<number> {
  let different = 0;
  for (const fetch of fetches) {
    const replay = replayable(fetch, floorUrl, secret);
    const response = await globalThis.fetch(floorUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...replay.sign() }, body: replay.body });
    const answer = await response.text();
    if (!isDeepStrictEqual(comparable(answer), comparable(fetch.answer))) {
      if (different++ === 0) console.log(`floor answer differs for a ${fetch.service} fetch:\n  ours:  ${fetch.answer.slice(0, 300)}\n  floor: ${answer.slice(0, 300)}`);
    }
  }
  return different;
}

export async function compareWithFloor(options: {
  fetches: RecordedFetch[];
  subgraphs: Record<SubgraphName, ServiceProcess>;
  floor: ServiceProcess;
  secret: Uint8Array;
  seconds: number;
}): Promise<FloorRow[]> {
  const { fetches, subgraphs, floor, secret, seconds } = options;
  const floorUrl = (kind: 'brp' | 'wmo') => new URL(`/${kind}/graphql`, floor.url).href;
  const floorRuns = new Map<string, { perSecond: number; cpuMs: number; mismatches: number }>();
  for (const kind of ['brp', 'wmo'] as const) {
    const own = fetches.filter((f) => f.service === kind && f.path.startsWith('/graphql'));
    const different = await mismatches(own, floorUrl(kind), secret);
    const run = await saturate(own.map((f) => replayable(f, floorUrl(kind), secret)), seconds, floor);
    floorRuns.set(kind, { ...run, mismatches: different });
  }
  const rows: FloorRow[] = [];
  for (const [service, process] of Object.entries(subgraphs) as [SubgraphName, ServiceProcess][]) {
    const own = fetches.filter((f) => f.service === service);
    if (!own.length) continue;
    const run = await saturate(own.map((f) => replayable(f, new URL(f.path, process.url).href, secret)), seconds, process);
    if (run.failed) console.log(`${service}: ${run.failed} replayed fetches failed`);
    const kind = service === 'brp' ? 'brp' : 'wmo';
    const floorRun = floorRuns.get(kind)!;
    rows.push({
      service,
      floor: kind,
      fetchesPerSecond: run.perSecond,
      cpuMsPerFetch: run.cpuMs,
      floorFetchesPerSecond: floorRun.perSecond,
      floorCpuMsPerFetch: floorRun.cpuMs,
      mismatches: service === kind ? floorRun.mismatches : 0,
    });
  }
  return rows;
}
