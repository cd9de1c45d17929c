/** The benchmark's section of BENCHMARKS.md: medians of the runs, one table per scenario, and the ratios. */

/** The CPU of the Postgres server's processes, measured beside ours when the data is on Postgres. */
export const POSTGRES = 'postgres';

export interface Measurement {
  run: number;
  scenario: string;
  gateway: string;
  /** Requests per second at saturation. */
  rps: number;
  /** Latency at the fixed offered rate, milliseconds. */
  p50: number;
  p99: number;
  /** What the fixed rate actually achieved (below the offered rate when saturated). */
  fixedRps: number;
  errors: number;
  perRequest: { fetches: number; statements: number; logInserts: number; cpuMs: Record<string, number> };
  /**
   * CPU per request of all processes (Postgres' included) at the fixed rate. Below saturation this is the
   * steadiest measure of what a request costs: the machine's neighbours change throughput far more.
   */
  fixedCpuMs: number;
}

/** CPU milliseconds per request summed over the gateway, the subgraphs and, when measured, Postgres. */
export function totalCpuMs(perRequest: Measurement['perRequest']): number {
  return Object.values(perRequest.cpuMs).reduce((sum, ms) => sum + ms, 0);
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
  /** Peak resident memory per process, bytes. */
  peaks: Record<string, number>;
}

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
      p50: median(ms.map((m) => m.p50)),
      p99: median(ms.map((m) => m.p99)),
      fixedRps: median(ms.map((m) => m.fixedRps)),
      errors: Math.max(...ms.map((m) => m.errors)),
      fetches: median(ms.map((m) => m.perRequest.fetches)),
      statements: median(ms.map((m) => m.perRequest.statements)),
      logInserts: median(ms.map((m) => m.perRequest.logInserts)),
      gatewayCpu,
      subgraphCpu,
      databaseCpu: processes.includes(POSTGRES) ? cpu(POSTGRES) : Number.NaN,
      fixedCpu: median(ms.map((m) => m.fixedCpuMs)),
      /** Per run, this gateway's measurement; the cost comparison pairs runs (same run, same minutes). */
      runs: ms,
    };
  });
}

type Row = ReturnType<typeof summarize>[number];

/** CPU per request at the fixed rate and saturated throughput of `ours` against `other`, paired by run. */
function costLine(ours: Row, other: Row): string {
  // Paired by run: both measured within the same minutes, so the machine's neighbours weigh on both alike.
  const paired = (value: (m: Measurement) => number) =>
    median(ours.runs.flatMap((m) => {
      const twin = other.runs.find((o) => o.run === m.run);
      return twin ? [value(m) / value(twin)] : [];
    }));
  return (
    `CPU per request at the fixed rate ${fixed(ours.fixedCpu, 2)} against ${fixed(other.fixedCpu, 2)} ms, ${percent(paired((m) => m.fixedCpuMs))} ` +
    `(median of the runs' ratios); saturated throughput ${fixed(ours.rps, 0)} against ${fixed(other.rps, 0)} req/s, ${percent(1 / paired((m) => m.rps))} per request`
  );
}

export function report(input: ReportInput): string {
  const rows = summarize(input.measurements);
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const lines = [
    `## ${input.date}: ${input.dataset}`,
    '',
    `- Machine: ${input.machine}. Everything (Postgres or PGlite, five subgraphs, the gateway, the load) on it.`,
    `- Command: \`${input.command}\``,
    `- Processing logs at the start: ${input.logAtStart}. Before each measurement the run waits until Postgres runs no autovacuum.`,
    `- ${input.settings}. Fetches and statements are counted by the subgraphs; CPU is per request, from /proc.`,
    '',
  ];
  for (const scenario of scenarios) {
    const own = rows.filter((r) => r.scenario === scenario);
    const apollo = own.find((r) => r.gateway === 'apollo');
    lines.push(
      `### ${scenario}`,
      '',
      '| gateway | req/s saturated | ratio to ours | p50 ms | p99 ms | achieved req/s | errors | fetches/req | SQL/req | log inserts/req | gateway CPU ms/req | subgraphs CPU ms/req | Postgres CPU ms/req | all CPU ms/req at the fixed rate |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...own.map((r) =>
        `| ${r.gateway} | ${fixed(r.rps, 0)} | ${apollo ? fixed(r.rps / apollo.rps, 2) : '–'} | ${r.p50} | ${r.p99} | ${fixed(r.fixedRps, 0)} | ${r.errors} | ${fixed(r.fetches)} | ${fixed(r.statements)} | ${fixed(r.logInserts)} | ${fixed(r.gatewayCpu, 2)} | ${fixed(r.subgraphCpu, 2)} | ${fixed(r.databaseCpu, 2)} | ${fixed(r.fixedCpu, 2)} |`,
      ),
      '',
    );
  }
  const find = (scenario: string, gateway: string) => rows.find((r) => r.scenario === scenario && r.gateway === gateway);
  const picture = find('huishoudbeeld', 'apollo');
  const page = find('page-100', 'apollo');
  const ratios = [
    ['ours / direct client (target ≥ 0.67)', 'direct'],
    ['ours / Hive Gateway (target ≥ 1.0)', 'hive'],
  ].flatMap(([label, other]) =>
    scenarios.flatMap((s) => {
      const ours = find(s, 'apollo');
      const them = find(s, other!);
      return ours && them ? [`- ${s}: throughput ${label}: ${fixed(ours.rps / them.rps, 2)}`] : [];
    }),
  );
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
  if (picture && page) ratios.push(`- page of 100 / one household picture, p50 latency (target ≤ 5): ${fixed(page.p50 / picture.p50, 2)}`);
  lines.push('### Ratios', '', ...ratios, '');
  lines.push('### Peak resident memory', '', Object.entries(input.peaks).map(([name, bytes]) => `${name} ${(bytes / 2 ** 20).toFixed(0)} MiB`).join(', '), '');
  return lines.join('\n');
}
