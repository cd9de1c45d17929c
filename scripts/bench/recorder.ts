/**
 * Records the subgraph fetches a gateway makes: a small HTTP proxy per subgraph that forwards every request
 * unchanged and keeps what went over. The benchmark records the household picture's fetches once through
 * our gateway, then sends exactly those fetches, re-signed (a signature is good for a minute), straight to a
 * subgraph and to the floor (floor.ts): the CPU per fetch of each, without a gateway in between.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HEADERS } from '../../subgraphs/kit/auth/gateway-credential';
import { postJson } from '../../subgraphs/kit/http-client';
import { readBody } from '../../subgraphs/kit/http';
import type { SubgraphName } from '../../subgraphs/kit/config';

/** One subgraph fetch as the gateway sent it, with what a replay needs to sign it again. */
export interface RecordedFetch {
  service: SubgraphName;
  path: string;
  authorization: string;
  purpose: string;
  casusToegang: string;
  traceId: string;
  body: string;
  /** The subgraph's answer, to check a replay's answer against. */
  answer: string;
}

export interface Recorder {
  urls: Record<SubgraphName, string>;
  fetches: RecordedFetch[];
  close(): Promise<void>;
}

const one = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

/** A proxy in front of each of `targets` (GraphQL URLs); `urls` are what the gateway should use instead. */
export async function startRecorder(targets: Record<SubgraphName, string>): Promise<Recorder> {
  const fetches: RecordedFetch[] = [];
  const servers: Server[] = [];
  const urls = {} as Record<SubgraphName, string>;
  for (const [service, target] of Object.entries(targets) as [SubgraphName, string][]) {
    const server = createServer(async (req, res) => {
      const body = (await readBody(req, 50 * 2 ** 20)) ?? '';
      const path = req.url ?? '/';
      const forwarded = Object.fromEntries(Object.entries(req.headers).filter(([name, value]) => typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name))) as Record<string, string>;
      const answer = await postJson(new URL(path, target), forwarded, body, { timeoutMs: 30_000, retryReset: true });
      fetches.push({
        service,
        path,
        authorization: one(req.headers, 'authorization'),
        purpose: one(req.headers, HEADERS.purpose),
        casusToegang: one(req.headers, HEADERS.casusToegang),
        traceId: one(req.headers, HEADERS.traceId),
        body,
        answer: answer.body,
      });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls[service] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  return {
    urls,
    fetches,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}
