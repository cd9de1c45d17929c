import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../gateway/config';
import { ConfigError, loadDotEnv, loadMetricsConfig } from './config';
import { lockDataDir } from './database';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'loketlink-config-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('configuration without traps', () => {
  it('reads .env when present, and a variable already set keeps its value', () => {
    const file = join(tempDir(), '.env');
    writeFileSync(file, 'LOKETLINK_TEST_FROM_FILE=file\nLOKETLINK_TEST_SET=file\n');
    process.env.LOKETLINK_TEST_SET = 'environment';
    try {
      expect(loadDotEnv(file)).toBe(true);
      expect(process.env.LOKETLINK_TEST_FROM_FILE).toBe('file');
      expect(process.env.LOKETLINK_TEST_SET).toBe('environment');
      expect(loadDotEnv(join(tempDir(), '.env'))).toBe(false);
    } finally {
      delete process.env.LOKETLINK_TEST_FROM_FILE;
      delete process.env.LOKETLINK_TEST_SET;
    }
  });

  it('points the gateway at <NAME>_PORT on its own host when no <NAME>_URL is given', () => {
    expect(loadGatewayConfig({ BRP_PORT: '4101' }).subgraphUrls).toEqual({ brp: 'http://127.0.0.1:4101/graphql' });
    expect(loadGatewayConfig({ BRP_PORT: '4101', HOST: '10.1.2.3' }).subgraphUrls.brp).toBe('http://10.1.2.3:4101/graphql');
    expect(loadGatewayConfig({ BRP_PORT: '4101', HOST: '0.0.0.0' }).subgraphUrls.brp).toBe('http://127.0.0.1:4101/graphql');
    expect(loadGatewayConfig({ BRP_PORT: '4101', BRP_URL: 'http://brp:4001/graphql' }).subgraphUrls.brp).toBe('http://brp:4001/graphql');
    // The default port is where the supergraph already says.
    expect(loadGatewayConfig({ BRP_PORT: '4001' }).subgraphUrls).toEqual({});
  });

  it('puts metrics on the service port + 5000 unless told otherwise, and off for a port chosen at random', () => {
    expect(loadMetricsConfig(4000, {})).toEqual({ port: 9000, host: '127.0.0.1' });
    expect(loadMetricsConfig(4001, { METRICS_PORT: '0' }).port).toBe(0);
    expect(loadMetricsConfig(0, {}).port).toBe(0);
  });

  it('lets one process at a time open a data directory, and takes over from one that is gone', () => {
    const dir = tempDir();
    const lock = join(dir, 'loketlink.pid');
    writeFileSync(lock, String(process.ppid)); // a live process that is not this one
    expect(() => lockDataDir(dir)).toThrow(ConfigError);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${process.ppid}`));
    writeFileSync(lock, '4194300'); // above Linux's pid_max: no such process
    lockDataDir(dir);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
  });
});
