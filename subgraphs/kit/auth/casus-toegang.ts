import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';
import type { CasusToegang, RequestAuth } from './access';
import { signedHeaders } from './gateway-credential';

const QUERY = `query CasusToegang($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Huishouden { wijkteamToegang { casusId grondslagen { domein soort } } } }
}`;

export type CasusToegangLoader = DataLoader<string, CasusToegang | null>;

/**
 * Per request, per household: is the caller regisseur or team member of its active casus, and which
 * domains does a current Grondslag cover? Only the wijkteam subgraph knows (it keeps the casus and the
 * Grondslag register), so a loket asks it directly, with the caller's token and purpose and the same
 * signature a gateway request carries; one request for all households of a fetch. Only for a
 * wijkteam-medewerker: no one else can get INHOUD through a casus, so for them it costs nothing.
 *
 * Why not `@requires` through the gateway: the wijkteam's merged contact list requires the lokets' lists,
 * which would then require the wijkteam's answer. Hive Gateway (the MIT route) cannot plan such a chain of
 * requires, and @apollo/gateway needs a fourth plan stage for it.
 */
export function casusToegangLoader(deps: { auth: RequestAuth; secret: Uint8Array; wijkteamUrl: () => string | undefined }): CasusToegangLoader {
  return new DataLoader(async (ids: readonly string[]) => {
    const { auth } = deps;
    const url = deps.wijkteamUrl();
    // In-process callers (tests) carry no token to pass on: they are not on any casus.
    if (auth.actor.rol !== 'wijkteam-medewerker' || !url || !auth.credential) return ids.map(() => null);
    const variables = { representations: ids.map((id) => ({ __typename: 'Huishouden', id })) };
    const headers = signedHeaders(deps.secret, {
      authorization: auth.credential.parts.authorization,
      purpose: auth.purpose ?? '',
      traceId: auth.traceId,
      query: QUERY,
      variables,
    });
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: QUERY, variables }) });
      const body = (await response.json()) as { data?: { _entities: ({ wijkteamToegang: CasusToegang | null } | null)[] }; errors?: unknown[] };
      if (!response.ok || !body.data) throw new Error(`HTTP ${response.status}`);
      return body.data._entities.map((entity) => entity?.wijkteamToegang ?? null);
    } catch {
      throw new GraphQLError('The wijkteam service is unavailable, so access through a casus cannot be checked', {
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, service: 'wijkteam' },
      });
    }
  });
}
