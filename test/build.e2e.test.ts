/**
 * What the image runs: the bundles of `npm run build`, started with plain `node` (no tsx, no transpiler),
 * reading their SDL, migrations, register and supergraph from where the sources keep them.
 */
import { randomBytes } from 'node:crypto';
import { deriveKeys } from '../subgraphs/kit/pep-config';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../scripts/build';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// A child of the project root, as dist/ is: the bundles find the project's files from their parent.
const outdir = join(ROOT, `.build-test-${process.pid}`);
const dataDir = mkdtempSync(join(tmpdir(), 'loketlink-build-'));

/** Starts `node <bundle>` and resolves with the URL it reports ready at. */
async function run(bundle: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [join(outdir, `${bundle}.js`)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', METRICS_PORT: '0', LOKETLINK_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${bundle} did not get ready:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /ready at (http:\/\/[\d.:]+\/)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${bundle} exited with ${code}:\n${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<string> {
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(`code ${code} signal ${signal}`)));
  child.kill('SIGTERM');
  return exited;
}

describe('the built services (npm run build), run with plain node', () => {
  beforeAll(() => buildServices(outdir));
  afterAll(() => {
    rmSync(outdir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs a subgraph: migrates and seeds its store, reports ready, stops cleanly', async () => {
    const brp = await run('brp', { BRP_PORT: '0', DEMO_HOUSEHOLDS: '5' });
    try {
      const ready = await fetch(new URL('/readyz', brp.url));
      expect(await ready.json()).toEqual({ status: 'ready', database: 'migrated' });
      // It answers only the gateway.
      const anonymous = await fetch(brp.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(anonymous.status).toBe(401);
    } finally {
      expect(await stop(brp.child)).toBe('code 0 signal null');
    }
    expect(brp.output()).not.toMatch(/tsx|\.ts:\d+/);
  });

  it('runs the gateway in production: its supergraph and manifest load, and it refuses an anonymous call', async () => {
    const pep = deriveKeys(randomBytes(64));
    const secrets = {
      AUTH_JWT_SECRET: 'b'.repeat(40),
      GATEWAY_SECRET: 'g'.repeat(40),
      LOG_SUBJECT_KEY: 'l'.repeat(40),
      PEP_PUBLIC_KEY: pep.publicKey,
      PEP_REKEY_FACTOR: pep.rekeyFactor,
      PEP_SHUFFLE_SECRET: pep.shuffleSecret,
      PEP_BELEID_KEY: pep.beleidKey,
    };
    const gateway = await run('gateway', { NODE_ENV: 'production', PORT: '0', ...secrets });
    try {
      expect((await fetch(new URL('/readyz', gateway.url))).status).toBe(200);
      const anonymous = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(anonymous.status).toBe(401);
    } finally {
      expect(await stop(gateway.child)).toBe('code 0 signal null');
    }
  });
});
