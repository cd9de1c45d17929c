import { brpSubgraph } from './brp/server';
import { cjgSubgraph } from './cjg/server';
import type { SubgraphName } from './kit/config';
import { werkpleinSubgraph } from './werkplein/server';
import { wijkteamSubgraph } from './wijkteam/server';
import { wmoSubgraph } from './wmo/server';

/** Every subgraph definition by name: the one list the launcher, the seeder and the composition script use. */
export const subgraphDefinitions = {
  brp: brpSubgraph,
  wmo: wmoSubgraph,
  cjg: cjgSubgraph,
  werkplein: werkpleinSubgraph,
  wijkteam: wijkteamSubgraph,
} satisfies Record<SubgraphName, unknown>;
