/**
 * `npx tsx scripts/bench/profile.ts <BENCH_PROFILE_DIR> [process ...]`: where each process's CPU went, by
 * package, from the V8 CPU profiles a benchmark run with BENCH_PROFILE_DIR wrote (processes.ts). Self
 * time per sample, attributed by the script URL of the function it was in; a markdown table for
 * BENCHMARKS.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The categories of the breakdown, in the order of the table; the first that matches a frame wins. */
const CATEGORIES: [string, (url: string, fn: string) => boolean][] = [
  ['GC', (_url, fn) => fn === '(garbage collector)'],
  ['idle', (_url, fn) => fn === '(idle)'],
  ['drizzle', (url) => url.includes('/drizzle-orm/')],
  ['postgres.js', (url) => url.includes('/node_modules/postgres/')],
  ['PGlite', (url) => url.includes('/@electric-sql/pglite/')],
  ['@apollo/gateway, query planner', (url) => /\/@apollo\/(gateway|query-planner|federation-internals)\//.test(url)],
  ['@apollo/server, @apollo/subgraph', (url) => /\/@apollo\/(server|subgraph|utils\.[^/]+)\//.test(url)],
  ['graphql-js', (url) => url.includes('/node_modules/graphql/')],
  ['undici (fetch)', (url) => url.includes('undici')],
  ['Hive Gateway, graphql-tools', (url) => /\/@graphql-(hive|mesh|tools|yoga)\/|\/graphql-yoga\/|\/@whatwg-node\/|\/@envelop\//.test(url)],
  ['pino, prom-client, OpenTelemetry, jose, zod', (url) => /\/(pino[^/]*|prom-client|@opentelemetry\/[^/]+|jose|zod|dataloader)\//.test(url)],
  ['other packages', (url) => url.includes('/node_modules/')],
  ['our code', (url) => url.startsWith('file://') || url.startsWith('/')],
  ['module loading (start-up)', (url) => url.startsWith('node:internal/modules') || url.includes('/node_modules/tsx/') || url.includes('/esbuild/')],
  ["Node's JavaScript built-ins (HTTP server, streams, event loop)", (url) => url.startsWith('node:')],
  ['native functions (JSON, crypto, sockets, V8 builtins)', (url, fn) => url === '' && !fn.startsWith('(')],
  ['V8 and Node native code outside a JS function ("(program)")', () => true],
];

export function breakdown(profile: CpuProfile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>(CATEGORIES.map(([name]) => [name, 0]));
  profile.samples.forEach((id, i) => {
    const { url, functionName } = byId.get(id)!.callFrame;
    const [name] = CATEGORIES.find(([, matches]) => matches(url, functionName))!;
    totals.set(name, totals.get(name)! + (profile.timeDeltas[i] ?? 0));
  });
  return totals;
}

/** Shares of busy time (idle left out) per category, summed over every profile in each process's folder. */
export function table(dir: string, processes: string[]): string {
  const shares = processes.map((name) => {
    const sum = new Map<string, number>();
    for (const file of readdirSync(join(dir, name)).filter((f) => f.endsWith('.cpuprofile'))) {
      for (const [category, us] of breakdown(JSON.parse(readFileSync(join(dir, name, file), 'utf8')) as CpuProfile)) sum.set(category, (sum.get(category) ?? 0) + us);
    }
    const busy = [...sum].filter(([c]) => c !== 'idle').reduce((total, [, us]) => total + us, 0);
    return new Map([...sum].map(([c, us]) => [c, busy ? us / busy : 0]));
  });
  const rows = CATEGORIES.map(([c]) => c).filter((c) => c !== 'idle' && shares.some((s) => (s.get(c) ?? 0) >= 0.005));
  return [
    `| share of busy CPU | ${processes.join(' | ')} |`,
    `|---|${processes.map(() => '---|').join('')}`,
    ...rows.map((c) => `| ${c} | ${shares.map((s) => `${((s.get(c) ?? 0) * 100).toFixed(1)}%`).join(' | ')} |`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, ...names] = process.argv.slice(2);
  if (!dir) throw new Error('usage: profile.ts <BENCH_PROFILE_DIR> [process ...]');
  const processes = names.length ? names : readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory());
  console.log(table(dir, processes));
}
