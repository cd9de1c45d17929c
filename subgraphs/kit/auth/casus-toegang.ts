import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';
import { postJson } from '../http-client';
import type { CasusToegang } from './access';
import { signedHeaders } from './gateway-credential';

/** The wijkteam service's route for the question (subgraphs/wijkteam/routes.ts), beside its GraphQL path. */
export const CASUS_TOEGANG_ROUTE = '/casus-toegang';

/** The subgraphs whose decisions use the answer: the lokets, for their files' content (kit/loket.ts). */
const DECIDES_WITH_CASUS_TOEGANG: ReadonlySet<string> = new Set(['wmo', 'cjg', 'werkplein']);

interface Caller {
  authorization: string;
  purpose: string;
  traceId: string;
}

/**
 * Which households' content a wijkteam member may see through a casus. Only the wijkteam subgraph knows
 * (it keeps the casus, its team and the Grondslag register), so a gateway asks it, and passes each loket
 * the answers for the households of that loket's fetch in a header that its signature covers; each loket
 * then decides INHOUD itself. One `CasusVragen` per client request of a wijkteam member: it asks about a
 * household once, just before the first loket fetch about it leaves (the lokets of one plan stage share the
 * question). Asked fresh on every request: a Grondslag registered or revoked counts from the next one.
 * Nobody else has casus access, so for them it costs nothing. The question goes to a small JSON route of
 * the wijkteam service, not through GraphQL (subgraphs/wijkteam/routes.ts says why).
 *
 * Why not `@requires` in the supergraph: the merged contact list requires the lokets' lists, which would then
 * require this answer. Hive Gateway (the MIT route) cannot plan such a chain, and @apollo/gateway needed a
 * fourth plan stage for it. Why not each loket asking: three requests to the wijkteam per household picture
 * instead of one. Why not all the caller's casussen up front: a wijkteam member works on some fifty
 * households, and every fetch carried all of them (measured in BENCHMARKS.md).
 */
export class CasusVragen {
  private readonly asked = new Map<string, Promise<CasusToegang | null>>();

  constructor(private readonly options: { url: string; secret: Uint8Array; caller: Caller }) {}

  /** The header value for one subgraph fetch ('' when it needs none); throws SUBGRAPH_UNAVAILABLE. */
  async headerFor(subgraph: string, variables: Record<string, unknown> | undefined | null): Promise<string> {
    if (!DECIDES_WITH_CASUS_TOEGANG.has(subgraph)) return '';
    const ids = huishoudenIdsIn(variables);
    const missing = ids.filter((id) => !this.asked.has(id));
    if (missing.length) {
      const answer = fetchCasusToegang({ ...this.options, huishoudenIds: missing });
      for (const id of missing) this.asked.set(id, answer.then((list) => list.find((t) => t.huishoudenId === id) ?? null));
    }
    const answers = (await Promise.all(ids.map((id) => this.asked.get(id)!))).filter((t) => t !== null);
    return answers.length ? JSON.stringify(answers) : '';
  }
}

/** The households an entity fetch is about: the ids of its `Huishouden` representations. */
export function huishoudenIdsIn(variables: Record<string, unknown> | undefined | null): string[] {
  const representations = variables?.representations;
  if (!Array.isArray(representations)) return [];
  const ids = new Set<string>();
  for (const r of representations as { __typename?: unknown; id?: unknown }[]) {
    if (r?.__typename === 'Huishouden' && typeof r.id === 'string') ids.add(r.id);
  }
  return [...ids];
}

const TIMEOUT_MS = 10_000;

async function fetchCasusToegang(options: { url: string; secret: Uint8Array; caller: Caller; huishoudenIds: string[] }): Promise<CasusToegang[]> {
  const question = { huishoudenIds: options.huishoudenIds };
  // Signed like an operation, with the route in the operation's place and the body as its variables.
  const headers = signedHeaders(options.secret, { ...options.caller, query: CASUS_TOEGANG_ROUTE, variables: question });
  try {
    // The question reads only, so asking twice is safe.
    const { status, body } = await postJson(new URL(`.${CASUS_TOEGANG_ROUTE}`, options.url), headers, JSON.stringify(question), { timeoutMs: TIMEOUT_MS, retryReset: true });
    const answer = JSON.parse(body) as { casusToegang?: CasusToegang[] };
    if (status !== 200 || !answer.casusToegang) throw new Error(`HTTP ${status}`);
    return answer.casusToegang;
  } catch {
    // The lokets' content cannot be decided, so their fetches fail; the rest of the response still arrives.
    throw new GraphQLError('The wijkteam service is unavailable, so access through a casus cannot be checked', {
      extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, service: 'wijkteam' },
    });
  }
}

/** The header's value, by household; a subgraph reads it only after checking the gateway's signature. */
export function parseCasusToegang(header: string): ReadonlyMap<string, CasusToegang> {
  if (!header) return new Map();
  return new Map((JSON.parse(header) as CasusToegang[]).map((t) => [t.huishoudenId, t]));
}
