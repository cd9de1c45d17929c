import type { GuardedContext } from './kit/auth/request';
import { beleidSubgraph } from './beleid/server';
import { brpSubgraph } from './brp/server';
import { cjgSubgraph } from './cjg/server';
import type { SubgraphName } from './kit/config';
import type { SubgraphDefinition } from './kit/subgraph';
import { werkpleinSubgraph } from './werkplein/server';
import { wijkteamSubgraph } from './wijkteam/server';
import { wmoSubgraph } from './wmo/server';

/** A definition whose tables and context types are its own business; callers only build and seed it. */
export type AnySubgraphDefinition = SubgraphDefinition<Record<string, unknown>, GuardedContext>;

const definitions = {
  brp: brpSubgraph,
  wmo: wmoSubgraph,
  cjg: cjgSubgraph,
  werkplein: werkpleinSubgraph,
  wijkteam: wijkteamSubgraph,
  beleid: beleidSubgraph,
} satisfies Record<SubgraphName, unknown>;

/**
 * Every subgraph definition by name: the one list the launcher and the seeder use. Each definition is
 * type-checked where it is declared; the map widens them once, here, because a definition's database type
 * appears in argument positions, which TypeScript cannot widen without a cast.
 */
export const subgraphDefinitions = definitions as unknown as Record<SubgraphName, AnySubgraphDefinition>;
