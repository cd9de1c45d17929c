/**
 * The transcryptor of the policy figures (docs/beleid.md): the one party between the sources and the
 * beleid service. Asked by the beleid service for a gemeente and period, it collects every source's
 * pseudonym export (brp, Wmo, CJG, Werkplein) and every loket's own figures, turns each ciphertext into
 * one for the beleid service under this period's factor (kit/pep.ts) and shuffles every list, so that the
 * beleid service can link neither a row to a source's row nor a period to another.
 *
 * It runs in the gateway process because the gateway holds no data and already reaches every service; it
 * holds the shuffle secret and the rekey factor, never the key that opens a source's ciphertext, and sees
 * only ciphertexts and counts. The route answers only the LoketLink services (the gateway credential over
 * the route and its body); each source decides for itself whether the caller may have figures, and logs.
 */
import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HEADERS, signedBody, signedHeaders, verify } from '../subgraphs/kit/auth/gateway-credential';
import type { SubgraphName } from '../subgraphs/kit/config';
import { ErrorCode } from '../subgraphs/kit/errors';
import { postJson } from '../subgraphs/kit/http-client';
import { readBody, sendJson } from '../subgraphs/kit/http';
import { BELEID_BRONNEN_ROUTE } from '../subgraphs/kit/statistiek';
import { deserialize, mapInSlices, periodFactors, reshuffleRekey, serialize } from '../subgraphs/kit/pep';
import { loadTranscryptorKeys } from '../subgraphs/kit/pep-config';
import { BELEID_CIJFERS_ROUTE, FIGURE_SOURCES, PEP_EXPORT_ROUTE, periodeVraag, PROVISION_SOURCES, type BeleidBronnen, type LoketCijfers, type PepClient } from '../subgraphs/kit/statistiek';


/** Fisher-Yates with a cryptographic source: the order a source sent says nothing afterwards. */
function shuffle<T>(list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

class SourceError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

export function createTranscryptor(options: { urls: () => Record<SubgraphName, string>; gatewaySecret: Uint8Array; timeoutMs: number }) {
  const keys = loadTranscryptorKeys();

  /** Asks one source, as the beleid service's caller, signed by the gateway. */
  async function ask<T>(service: SubgraphName, route: string, caller: { authorization: string; purpose: string; traceId: string }, body: unknown): Promise<T> {
    const headers = signedHeaders(options.gatewaySecret, { ...caller, query: route, variables: body as Record<string, unknown> });
    const answer = await postJson(new URL(`.${route}`, options.urls()[service]), headers, JSON.stringify(body), { timeoutMs: options.timeoutMs, retryReset: true });
    if (answer.status !== 200) throw new SourceError(answer.status, JSON.parse(answer.body));
    return JSON.parse(answer.body) as T;
  }

  return async function transcryptor(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = (await readBody(req, 2 ** 16)) ?? '';
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON', extensions: { code: ErrorCode.BAD_REQUEST } }] });
    }
    const h = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : '');
    const caller = { authorization: h('authorization'), purpose: h(HEADERS.purpose), traceId: h(HEADERS.traceId) };
    const parts = { ...caller, timestamp: h(HEADERS.timestamp), casusToegang: '', body: signedBody(BELEID_BRONNEN_ROUTE, body) };
    if (!verify(options.gatewaySecret, parts, h(HEADERS.signature))) {
      return sendJson(res, 401, { errors: [{ message: 'This route answers the LoketLink services only', extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
    }
    const vraag = periodeVraag.safeParse(body);
    const periode = (body as { periode?: unknown }).periode;
    if (!vraag.success || typeof periode !== 'string') {
      return sendJson(res, 400, { errors: [{ message: 'Ask for a gemeente, a period code and its first and last day', extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
    }
    const question = vraag.data;
    try {
      const started = performance.now();
      const [brp, ...lokets] = await Promise.all([
        ask<Pick<BeleidBronnen, 'gemeente' | 'huishoudens' | 'wijken'>>('brp', PEP_EXPORT_ROUTE, caller, question),
        ...PROVISION_SOURCES.map((s) => ask<{ clienten: PepClient[] }>(s, PEP_EXPORT_ROUTE, caller, question)),
      ]);
      const cijfers = await Promise.all(FIGURE_SOURCES.map((s) => ask<LoketCijfers>(s, BELEID_CIJFERS_ROUTE, caller, question)));
      const exported = performance.now();
      // One factor per gemeente and period: the same person gets the same pseudonym from every source of
      // this table, and an unrelated one in any other period.
      const { n, nOverK } = periodFactors(keys.shuffleSecret, keys.rekey, `${question.gemeente}:${periode}`);
      const transcrypt = (text: string) => serialize(reshuffleRekey(deserialize(text), n, nOverK));
      const clienten = await Promise.all(
        PROVISION_SOURCES.map(async (s, i) => {
          const list = await mapInSlices(lokets[i]!.clienten, (c) => ({ persoon: transcrypt(c.persoon), huishouden: transcrypt(c.huishouden), voorzieningen: c.voorzieningen }));
          return [s, shuffle(list)] as const;
        }),
      );
      const answer: BeleidBronnen = {
        huishoudens: shuffle(await mapInSlices(brp.huishoudens, (h) => ({ huishouden: transcrypt(h.huishouden), wijk: h.wijk }))),
        gemeente: brp.gemeente,
        wijken: brp.wijken,
        clienten: Object.fromEntries(clienten) as BeleidBronnen['clienten'],
        cijfers,
        tijden: { export: Math.round(exported - started), transcrypt: Math.round(performance.now() - exported) },
      };
      sendJson(res, 200, answer);
    } catch (error) {
      if (error instanceof SourceError) return sendJson(res, error.status, error.body);
      throw error;
    }
  };
}
