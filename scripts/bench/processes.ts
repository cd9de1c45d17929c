/**
 * The services under test as separate processes, as production runs them: start, wait for ready, read their
 * counters (SIGUSR2, see kit/main.ts) and their CPU time and peak memory (from /proc), stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLOCK_TICKS = 100; // USER_HZ on Linux

export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** The service's counters (fetches, statements, log inserts); undefined for a process without them. */
  stats(): Promise<Record<string, number> | undefined>;
  /** CPU seconds (user + system) used so far, and peak resident memory in bytes. */
  usage(): { cpuSeconds: number; peakRssBytes: number };
  stop(): Promise<void>;
}

/** Starts `node --import tsx <entry> <args>` with `env`; resolves once its output matches `ready`. */
export async function startProcess(options: {
  name: string;
  entry: string;
  args?: readonly string[];
  env: NodeJS.ProcessEnv;
  url: string;
  ready: RegExp;
  /** Whether the process prints its counters on SIGUSR2 (without a handler the signal would kill it). */
  counters: boolean;
  timeoutMs?: number;
}): Promise<ServiceProcess> {
  // BENCH_PROFILE_DIR: each service writes a V8 CPU profile there when it stops (for --cpu-prof analysis).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}/${options.name}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', options.entry, ...(options.args ?? [])], {
    cwd: ROOT,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: ((line: string) => void)[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    let newline: number;
    while ((newline = output.indexOf('\n')) >= 0) {
      const line = output.slice(0, newline);
      output = output.slice(newline + 1);
      for (const waiter of waiters.splice(0)) waiter(line);
      recent.push(line);
      if (recent.length > 40) recent.shift();
    }
  };
  const recent: string[] = [];
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const nextLine = (match: RegExp, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${options.name}: no "${match.source}" within ${timeoutMs} ms:\n${recent.join('\n')}`)), timeoutMs);
      const check = (line: string) => {
        if (match.test(line)) {
          clearTimeout(timer);
          resolve(line);
        } else waiters.push(check);
      };
      waiters.push(check);
      exitWaiters.push((code) => {
        clearTimeout(timer);
        reject(new Error(`${options.name} exited with ${code}:\n${recent.join('\n')}`));
      });
    });
  const exitWaiters: ((code: number | null) => void)[] = [];
  child.once('exit', (code) => exitWaiters.forEach((fail) => fail(code)));
  await nextLine(options.ready, options.timeoutMs ?? 120_000);
  return {
    name: options.name,
    url: options.url,
    child,
    async stats() {
      if (!options.counters) return undefined;
      const line = nextLine(/"loketlinkStats"/, 5_000);
      child.kill('SIGUSR2');
      return (JSON.parse(await line) as { loketlinkStats: Record<string, number> }).loketlinkStats;
    },
    usage() {
      const cpuSeconds = cpuSecondsOf(child.pid!);
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      return { cpuSeconds, peakRssBytes: Number(hwm ?? 0) * 1024 };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** CPU seconds (user + system) a process has used; 0 once it is gone. */
function cpuSecondsOf(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(stat[11]) + Number(stat[12])) / CLOCK_TICKS; // utime, stime
  } catch {
    return 0;
  }
}

/**
 * CPU seconds of the given Postgres backends (one set's connections, found by their `application_name`):
 * with DATABASE_URL the database's work is part of a request's cost too. The pools keep their connections
 * open during a measurement, so the backends that did the work are still there to be read. Postgres' own
 * background processes (WAL writer, checkpointer) are no set's and not counted.
 */
export function postgresCpuSeconds(pids: readonly number[]): number {
  return pids.reduce((total, pid) => total + cpuSecondsOf(pid), 0);
}
