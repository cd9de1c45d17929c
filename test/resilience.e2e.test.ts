/**
 * What goes wrong between the gateway and a subgraph: a kept-alive connection that breaks under a read is
 * tried once more (a healthy subgraph is not reported down), and a subgraph whose database is gone answers
 * with a masked error and logs no BSN.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGateway, readSupergraph } from '../gateway/server';
import { LOKET_LOOKUP } from '../schema/operations';
import { findExampleHuishouden } from '../subgraphs/demo/generator';
import { headersFor, TEST_AUTH, type Caller } from './support/auth';
import { startTestHub, TEST_DOOR, type TestHub } from './support/hub';

const DEMO = { households: 20, seed: 3 };
const example = findExampleHuishouden(DEMO)!;
const kcc: Caller = { rol: 'kcc-medewerker' };

/**
 * A proxy in front of a subgraph that breaks the second request on each kept-alive connection, as a
 * subgraph does that closes an idle connection just as the gateway writes on it.
 */
async function breakingProxy(target: string): Promise<{ url: string; broken: () => number; close(): Promise<void> }> {
  const requests = new WeakMap<Socket, number>();
  let broken = 0;
  const server: Server = createServer(async (req, res) => {
    const n = (requests.get(req.socket) ?? 0) + 1;
    requests.set(req.socket, n);
    if (n === 2) {
      broken++;
      return void req.socket.destroy();
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
    const answer = await fetch(target, { method: req.method, headers, body: Buffer.concat(chunks) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    broken: () => broken,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe('between the gateway and a subgraph', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub(DEMO, kcc);
  });
  afterAll(() => hub?.close());

  it('asks a read once more when a kept-alive connection breaks under it: the subgraph is not reported down', async () => {
    const proxy = await breakingProxy(hub.subgraphUrls.brp);
    const gateway = createGateway({ supergraphSdl: readSupergraph(), subgraphUrls: { ...hub.subgraphUrls, brp: proxy.url }, auth: TEST_AUTH, door: TEST_DOOR });
    try {
      const url = await gateway.listen(0);
      const headers = await headersFor(kcc);
      for (let i = 0; i < 3; i++) {
        const response = await hub.post(url, { query: LOKET_LOOKUP, variables: { bsn: example.leden[0]!.bsn } }, headers);
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data).toMatchObject({ persoon: { huishouden: { id: example.id } } });
      }
      expect(proxy.broken()).toBeGreaterThan(0);
    } finally {
      await gateway.close();
      await proxy.close();
    }
  });

  it('sheds what it cannot take at once with 503, Retry-After and OVERLOADED, and answers the rest in full', async () => {
    const gateway = createGateway({ supergraphSdl: readSupergraph(), subgraphUrls: hub.subgraphUrls, auth: TEST_AUTH, door: { ...TEST_DOOR, maxConcurrentRequests: 2 } });
    try {
      const url = await gateway.listen(0);
      const headers = { 'content-type': 'application/json', ...(await headersFor(kcc)) };
      const body = JSON.stringify({ query: LOKET_LOOKUP, variables: { bsn: example.leden[0]!.bsn } });
      const responses = await Promise.all(Array.from({ length: 12 }, () => fetch(url, { method: 'POST', headers, body })));
      const shed = responses.filter((r) => r.status === 503);
      const served = responses.filter((r) => r.status === 200);
      expect(shed.length + served.length).toBe(12);
      expect(served.length).toBeGreaterThanOrEqual(2);
      expect(shed.length).toBeGreaterThan(0);
      expect(shed[0]!.headers.get('retry-after')).toBe('1');
      expect(((await shed[0]!.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('OVERLOADED');
      for (const r of served) expect(((await r.json()) as { data: unknown }).data).toMatchObject({ persoon: { huishouden: { id: example.id } } });
      // Once the burst is over, the next request is served again.
      expect((await fetch(url, { method: 'POST', headers, body })).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });

  it('masks a failed statement for the client and logs it without its parameters: no BSN in the log', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const bsn = example.leden[0]!.bsn;
    // The database is there but brp's tables are not (as after a failed migration): every statement fails.
    await hub.services.brp.db.execute(sql`alter schema brp rename to brp_weg`);
    try {
      const response = await hub.post(hub.gatewayUrl, { query: LOKET_LOOKUP, variables: { bsn } }, await headersFor(kcc));
      expect(response.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(response.body)).not.toContain(bsn);
    } finally {
      spy.mockRestore();
      await hub.services.brp.db.execute(sql`alter schema brp_weg rename to brp`);
    }
    const log = lines.join('');
    expect(log).toMatch(/unexpected error/);
    expect(log).not.toContain(bsn);
  });
});
