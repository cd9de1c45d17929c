/**
 * The one HTTP client between our services: Node's own `http.request` on kept-alive connections, used for
 * every subgraph fetch of the gateway and for the casus question. Node's `fetch` (undici, with its
 * Request, Response and Headers objects) cost 0.35 ms of CPU a call against 0.06 ms for this (issue 15's
 * profile: 48% of the gateway's CPU under the household picture was `fetch`).
 */
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

// With a socket timeout, Node's agent also honours the service's keep-alive hint and closes an idle
// connection a second before the service would.
const KEEP_ALIVE = { keepAlive: true, timeout: 60_000 };
const clients = {
  'http:': { send: httpRequest, agent: new Agent(KEEP_ALIVE) },
  'https:': { send: httpsRequest, agent: new HttpsAgent(KEEP_ALIVE) },
};

export interface PostResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The error of a request that took longer than its `timeoutMs`, from sending to the last byte. */
export class RequestTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * POSTs `payload` (JSON text) and reads the whole answer. Rejects on a network error (with Node's `code`,
 * e.g. ECONNRESET) or after `timeoutMs`. `retryReset`: a kept-alive connection that the service closed
 * (idle too long) just as it was reused is asked again on a new one, once, as Node's documentation advises;
 * only for requests that are safe to send twice.
 */
export function postJson(url: URL, headers: Record<string, string>, payload: string, options: { timeoutMs: number; retryReset: boolean }): Promise<PostResult> {
  const client = clients[url.protocol as keyof typeof clients];
  if (!client) return Promise.reject(new Error(`unsupported protocol ${url.protocol}`));
  return new Promise((resolve, reject) => {
    const request = client.send(
      url,
      { method: 'POST', agent: client.agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        response.on('error', reject);
      },
    );
    const timer = setTimeout(() => request.destroy(new RequestTimeoutError(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (options.retryReset && request.reusedSocket && error.code === 'ECONNRESET') resolve(postJson(url, headers, payload, { ...options, retryReset: false }));
      else reject(error);
    });
    request.end(payload);
  });
}
