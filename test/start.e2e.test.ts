import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'loketlink-start-'));

interface Started {
  child: ChildProcess;
  output: string;
  /** Everything the process printed so far: its log. */
  log(): string;
  gatewayUrl: string;
  exampleId: string;
  /** The headers for the wijkteam member's printed token (the regisseur of the example casus). */
  headers: Record<string, string>;
}

/** Runs `npm start` exactly as the README says, on embedded storage in a fresh data directory and free ports. */
async function npmStart(): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOKETLINK_DATA_DIR: dataDir, DEMO_HOUSEHOLDS: '80', PORT: '0', LOG_LEVEL: 'info' };
  for (const name of ['BRP', 'WMO', 'CJG', 'WERKPLEIN', 'WIJKTEAM']) env[`${name}_PORT`] = '0';
  delete env.DATABASE_URL; // this test is about the embedded default
  const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  return await new Promise<Started>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not get ready:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /LoketLink gateway ready at (\S+)/.exec(output)?.[1];
      const id = /Example household: (\d{16})/.exec(output)?.[1];
      const token = /wijkteam-medewerker {2}X-Doel: (\S+).*\n {4}(\S+)\n/.exec(output);
      if (url && id && token) {
        clearTimeout(timer);
        const headers = { 'content-type': 'application/json', authorization: `Bearer ${token[2]}`, 'x-doel': token[1]! };
        resolve({ child, output, log: () => output, gatewayUrl: url, exampleId: id, headers });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM'); // the whole group: npm, tsx and node
  await exited;
}

/** Resident memory of a process and all its descendants, from /proc (Linux). */
function treeRssBytes(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const visit = (p: number) => {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
      total += Number(rss ?? 0) * 1024;
    } catch {
      // gone
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return total;
}

const PICTURE = `query($id: ID!) { huishouden(id: $id) { leden { bsn } betrokkenheid { loket } contactmomenten { loket } wmo { id } cjg { id } werkplein { id } casus { id } } }`;

describe('npm start on a bare machine', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds a demo gemeente on first start and answers the printed example household from all five subgraphs', async () => {
    const started = await npmStart();
    try {
      expect(started.output).toMatch(/brp: seeded a demo gemeente of 80 households/);
      const response = await fetch(started.gatewayUrl, {
        method: 'POST',
        headers: started.headers,
        body: JSON.stringify({ query: PICTURE, variables: { id: started.exampleId } }),
      });
      const { data, errors } = (await response.json()) as {
        data: { huishouden: Record<string, unknown[] | object | null> };
        errors?: { path: string[]; extensions: { code: string } }[];
      };
      const h = data.huishouden;
      expect(h.leden).not.toHaveLength(0);
      // The run's log (banner, service lines, the access line of this request) holds none of their BSNs.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(started.log()).toMatch(/"msg":"request"/);
      for (const { bsn } of h.leden as { bsn: string }[]) expect(started.log()).not.toContain(bsn);
      expect(h.betrokkenheid).toHaveLength(4);
      // The printed wijkteam token is the example casus' regisseur; its Grondslag covers WMO and CJG only.
      for (const field of ['wmo', 'cjg', 'casus']) expect(h[field], field).not.toBeNull();
      expect(h.werkplein).toBeNull();
      expect(errors).toEqual([
        expect.objectContaining({ path: ['huishouden', 'werkplein'], extensions: expect.objectContaining({ code: 'GRONDSLAG_REQUIRED' }) }),
      ]);
      const anonymous = await fetch(started.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PICTURE }) });
      expect(anonymous.status).toBe(401);
      // Issue 2: one `npm start` process tree stays under 1.5 GB resident memory.
      const rss = treeRssBytes(started.child.pid!);
      console.log(`npm start process tree: ${(rss / 2 ** 20).toFixed(0)} MiB resident`);
      expect(rss).toBeLessThan(1.5 * 2 ** 30);
      const landing = await fetch(started.gatewayUrl, { headers: { accept: 'text/html' } });
      const page = await landing.text();
      expect(page).toMatch(/LoketLink explorer/);
      expect(page).not.toMatch(/(src|href)="https?:\/\//); // nothing from another machine
    } finally {
      await stop(started.child);
    }
  });

  it('refuses a second npm start on the same data directory at once, naming the process that holds it', async () => {
    const started = await npmStart();
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, LOKETLINK_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' };
      for (const name of ['BRP', 'WMO', 'CJG', 'WERKPLEIN', 'WIJKTEAM']) env[`${name}_PORT`] = '0';
      delete env.DATABASE_URL;
      const second = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      second.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      second.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
      expect(code).toBe(1);
      expect(output).toMatch(/LoketLink cannot start: the data directory \S+ is in use by process \d+/);
      expect(output).not.toMatch(/\bat \S+ \(/); // one line, no stack
    } finally {
      await stop(started.child);
    }
  });

  it('keeps its data across a restart and does not seed again', async () => {
    const started = await npmStart();
    try {
      expect(started.output).not.toMatch(/seeded/);
      const response = await fetch(started.gatewayUrl, {
        method: 'POST',
        headers: started.headers,
        body: JSON.stringify({ query: `query($id: ID!) { huishouden(id: $id) { id } }`, variables: { id: started.exampleId } }),
      });
      expect(await response.json()).toEqual({ data: { huishouden: { id: started.exampleId } } });
    } finally {
      await stop(started.child);
    }
  });
});

describe('a subgraph as its own process (npm run start:<subgraph>)', () => {
  it('stops cleanly on SIGTERM, as a container runtime sends it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loketlink-brp-'));
    const env: NodeJS.ProcessEnv = { ...process.env, LOKETLINK_DATA_DIR: dir, BRP_PORT: '0', DEMO_HOUSEHOLDS: '5', LOG_LEVEL: 'info' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/brp/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`brp did not get ready:\n${output}`)), 60_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('brp subgraph ready at')) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
      });
      const exit = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(`code ${code} signal ${signal}`)));
      // Signalled the moment it reports ready: the handler must already be in place (it was not, once).
      child.kill('SIGTERM');
      const how = await Promise.race([exit, new Promise<string>((resolve) => setTimeout(() => resolve('hung'), 15_000))]);
      expect(how, output).toBe('code 0 signal null');
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
