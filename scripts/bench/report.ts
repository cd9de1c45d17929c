/** The benchmark's section of BENCHMARKS.md: medians of the runs, one table per scenario, and the ratios. */
import type { FloorRow } from './fetch-floor';

/** The CPU of the Postgres server's processes, measured beside ours when the data is on Postgres. */
export const POSTGRES = 'postgres';

export interface Measurement {
  run: number;
  scenario: string;
  gateway: string;
  /** Requests per second at saturation. */
  rps: number;
  /** One result per offered fixed rate, in the order of `--rate`. */
  atRates: AtRate[];
  /** Failed requests of any kind but shedding, over all phases. */
  errors: number;
  perRequest: { fetches: number; statements: number; logInserts: number; cpuMs: Record<string, number> };
}

/** One fixed-rate phase: the rate offered, and what came of it. */
export interface AtRate {
  rate: number;
  /** Latency of the answered requests, milliseconds. */
  p50: number;
  p99: number;
  okPerSecond: number;
  ok: number;
  /** 503 OVERLOADED with Retry-After. */
  shed: number;
  /** Another status or a body without data. */
  failed: number;
  resets: number;
  timeouts: number;
  /**
   * CPU per request of all processes (Postgres' included). Below saturation this is the steadiest measure
   * of what a request costs: the machine's neighbours change throughput far more.
   */
  cpuMs: number;
}

/** CPU milliseconds per request summed over the gateway, the subgraphs and, when measured, Postgres. */
export function totalCpuMs(perRequest: Measurement['perRequest']): number {
  return Object.values(perRequest.cpuMs).reduce((sum, ms) => sum + ms, 0);
}

export interface BeleidJob {
  totalMs: number;
  /** The job's own steps (milliseconds), from the beleid database (Postgres only). */
  steps?: { export: number; transcrypt: number; koppeling: number };
}

export interface ReportInput {
  date: string;
  machine: string;
  dataset: string;
  /** The size of the processing logs when the run began. */
  logAtStart: string;
  command: string;
  settings: string;
  measurements: Measurement[];
  /** The picture's fetches against the floor (fetch-floor.ts), when measured. */
  floor?: FloorRow[];
  /** Scenario 4's table: how long its computation took. */
  beleidJob?: BeleidJob;
  /** Peak resident memory per process, bytes. */
  peaks: Record<string, number>;
}

const lowRateCpu = (m: Measurement) => m.atRates[0]?.cpuMs ?? Number.NaN;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
/** A cost ratio as a signed percentage: 1.18 is "+18%". */
const percent = (ratio: number) => (Number.isFinite(ratio) ? `${ratio >= 1 ? '+' : '−'}${Math.abs((ratio - 1) * 100).toFixed(0)}%` : '–');

export function summarize(measurements: Measurement[]) {
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements) groups.set(`${m.scenario}|${m.gateway}`, [...(groups.get(`${m.scenario}|${m.gateway}`) ?? []), m]);
  return [...groups.values()].map((ms) => {
    const cpu = (name: string) => median(ms.map((m) => m.perRequest.cpuMs[name] ?? 0));
    const processes = Object.keys(ms[0]!.perRequest.cpuMs);
    const gatewayCpu = cpu(ms[0]!.gateway);
    const subgraphCpu = processes.filter((p) => p !== ms[0]!.gateway && p !== POSTGRES).reduce((sum, p) => sum + cpu(p), 0);
    return {
      scenario: ms[0]!.scenario,
      gateway: ms[0]!.gateway,
      rps: median(ms.map((m) => m.rps)),
      atRates: ms[0]!.atRates.map((first, i) => {
        const of = (value: (r: AtRate) => number) => median(ms.map((m) => value(m.atRates[i]!)));
        return { rate: first.rate, p50: of((r) => r.p50), p99: of((r) => r.p99), okPerSecond: of((r) => r.okPerSecond), shed: of((r) => r.shed), failed: of((r) => r.failed + r.resets + r.timeouts), resets: of((r) => r.resets), timeouts: of((r) => r.timeouts) };
      }),
      errors: Math.max(...ms.map((m) => m.errors)),
      fetches: median(ms.map((m) => m.perRequest.fetches)),
      statements: median(ms.map((m) => m.perRequest.statements)),
      logInserts: median(ms.map((m) => m.perRequest.logInserts)),
      gatewayCpu,
      subgraphCpu,
      databaseCpu: processes.includes(POSTGRES) ? cpu(POSTGRES) : Number.NaN,
      /** At the lowest offered rate: below saturation, the steadiest cost per request. */
      fixedCpu: median(ms.map(lowRateCpu)),
      /** Per run, this gateway's measurement; the cost comparison pairs runs (same run, same minutes). */
      runs: ms,
    };
  });
}

type Row = ReturnType<typeof summarize>[number];

/** The median over runs of `value(ours) / value(other)`: both measured within the same minutes. */
function pairedRatio(ours: Row, other: Row, value: (m: Measurement) => number): number {
  return median(ours.runs.flatMap((m) => {
    const twin = other.runs.find((o) => o.run === m.run);
    return twin ? [value(m) / value(twin)] : [];
  }));
}

/** CPU per request at the fixed rate and saturated throughput of `ours` against `other`, paired by run. */
function costLine(ours: Row, other: Row): string {
  // Paired by run: both measured within the same minutes, so the machine's neighbours weigh on both alike.
  const paired = (value: (m: Measurement) => number) => pairedRatio(ours, other, value);
  return (
    `CPU per request at ${ours.atRates[0]?.rate ?? '–'}/s ${fixed(ours.fixedCpu, 2)} against ${fixed(other.fixedCpu, 2)} ms, ${percent(paired(lowRateCpu))} ` +
    `(median of the runs' ratios); saturated throughput ${fixed(ours.rps, 0)} against ${fixed(other.rps, 0)} req/s, ${percent(1 / paired((m) => m.rps))} per request`
  );
}

export function report(input: ReportInput): string {
  const rows = summarize(input.measurements);
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const lines = [
    `## ${input.date}: ${input.dataset}`,
    '',
    `- Machine: ${input.machine}. Everything (Postgres or PGlite, the subgraphs, the gateways, the load) on it.`,
    `- Command: \`${input.command}\``,
    `- Processing logs at the start: ${input.logAtStart}. Before each measurement the run waits until Postgres runs no autovacuum.`,
    `- ${input.settings}. Fetches and statements are counted by the subgraphs; CPU is per request, from /proc.`,
    '',
  ];
  for (const scenario of scenarios) {
    const own = rows.filter((r) => r.scenario === scenario);
    const apollo = own.find((r) => r.gateway === 'apollo');
    const rates = own[0]?.atRates.map((r) => r.rate) ?? [];
    lines.push(
      `### ${scenario}`,
      '',
      '| gateway | req/s saturated | ratio to ours | fetches/req | SQL/req | log inserts/req | gateway CPU ms/req | subgraphs CPU ms/req | Postgres CPU ms/req | all CPU ms/req at the lowest rate | errors |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...own.map((r) =>
        `| ${r.gateway} | ${fixed(r.rps, 0)} | ${apollo ? fixed(r.rps / apollo.rps, 2) : '–'} | ${fixed(r.fetches)} | ${fixed(r.statements)} | ${fixed(r.logInserts)} | ${fixed(r.gatewayCpu, 2)} | ${fixed(r.subgraphCpu, 2)} | ${fixed(r.databaseCpu, 2)} | ${fixed(r.fixedCpu, 2)} | ${r.errors} |`,
      ),
      '',
      `At fixed offered rates (open loop): latency of the answered requests; shed = 503 OVERLOADED with Retry-After; failed = any other status, a broken connection or a client timeout (10 s).`,
      '',
      `| gateway | ${rates.map((rate) => `${rate}/s: p50 ms | p99 ms | answered/s | shed | failed`).join(' | ')} |`,
      `|---|${rates.map(() => '---|---|---|---|---|').join('')}`,
      ...own.map((r) => `| ${r.gateway} | ${r.atRates.map((a) => `${fixed(a.p50, 0)} | ${fixed(a.p99, 0)} | ${fixed(a.okPerSecond, 0)} | ${fixed(a.shed, 0)} | ${fixed(a.failed, 0)}`).join(' | ')} |`),
      '',
    );
  }
  const find = (scenario: string, gateway: string) => rows.find((r) => r.scenario === scenario && r.gateway === gateway);
  const picture = find('huishoudbeeld', 'apollo');
  const page = find('page-100', 'apollo');
  const ratios = [
    ['ours / direct client (target ≥ 0.8)', 'apollo', 'direct'],
    ['ours / Hive Gateway (target ≥ 1.25)', 'apollo', 'hive'],
    ['ours / Hive Gateway on the Rust planner (target ≥ 1.0)', 'apollo', 'hive-rust'],
    ['embedded (npm start, one process on PGlite) / ours split on this run\'s storage (target ≥ 0.6)', 'embedded', 'apollo'],
  ].flatMap(([label, one, other]) =>
    scenarios.flatMap((s) => {
      const a = find(s, one!);
      const b = find(s, other!);
      return a && b ? [`- ${s}: throughput ${label}: ${fixed(pairedRatio(a, b, (m) => m.rps), 2)} (median of the runs' ratios; ${fixed(a.rps / b.rps, 2)} by the medians)`] : [];
    }),
  );
  const at100 = picture?.atRates.find((r) => r.rate === 100);
  if (at100) ratios.push(`- huishoudbeeld at 100/s offered (target p99 ≤ 50 ms, no errors): p99 ${fixed(at100.p99, 0)} ms, ${fixed(at100.okPerSecond, 0)}/s answered, ${fixed(at100.shed, 0)} shed, ${fixed(at100.failed, 0)} failed`);
  const comparisons = [
    ['unguarded', 'authorization and logging cost (target ≤ +20% on the picture)'],
    ['control', 'noise floor, ours against ours again on a second set of subgraphs'],
  ] as const;
  for (const s of scenarios) {
    for (const [name, label] of comparisons) {
      const ours = find(s, 'apollo');
      const other = find(s, name);
      if (ours && other) ratios.push(`- ${s}: ${label}: ${costLine(ours, other)}`);
    }
  }
  if (picture && page) ratios.push(`- page of 100 / one household picture, p50 latency at ${picture.atRates[0]?.rate}/s (target ≤ 5): ${fixed((page.atRates[0]?.p50 ?? NaN) / (picture.atRates[0]?.p50 ?? NaN), 2)}`);
  lines.push('### Ratios', '', ...ratios, '');
  if (input.floor?.length) lines.push(...floorTable(input.floor));
  if (input.beleidJob) {
    const { totalMs, steps } = input.beleidJob;
    const detail = steps ? `: the sources' exports (their encryption included) ${fixed(steps.export / 1000)} s, the transcryption ${fixed(steps.transcrypt / 1000)} s, the beleid service's decryption and join ${fixed(steps.koppeling / 1000)} s` : '';
    lines.push('### Computing the stapeling table', '', `- One year of the whole gemeente, pseudonymisation included (target ≤ 60 s): ${fixed(totalMs / 1000)} s from the first question to the published table${detail}.`, '');
  }
  lines.push('### Peak resident memory', '', Object.entries(input.peaks).map(([name, bytes]) => `${name} ${(bytes / 2 ** 20).toFixed(0)} MiB`).join(', '), '');
  return lines.join('\n');
}

/** Each subgraph's CPU per picture fetch against the floor's (target ≤ 1.5 times), replayed at saturation. */
function floorTable(rows: FloorRow[]): string[] {
  return [
    '### Subgraph fetches against the floor',
    '',
    "The household picture's recorded fetches replayed straight to each subgraph and to the floor (scripts/bench/floor.ts: the same token and signature checks, one prepared statement, `JSON.stringify`) at saturation on 8 connections; process CPU per fetch. The lokets' and the wijkteam's entity fetches are compared with the Wmo floor; answers differing from the subgraph's are counted.",
    '',
    '| subgraph | fetches/s | CPU ms/fetch | floor | floor fetches/s | floor CPU ms/fetch | ratio (target ≤ 1.5) | floor answers differing |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.service} | ${fixed(r.fetchesPerSecond, 0)} | ${fixed(r.cpuMsPerFetch, 3)} | ${r.floor} | ${fixed(r.floorFetchesPerSecond, 0)} | ${fixed(r.floorCpuMsPerFetch, 3)} | ${fixed(r.cpuMsPerFetch / r.floorCpuMsPerFetch, 2)} | ${r.service === r.floor ? r.mismatches : '–'} |`),
    '',
  ];
}
